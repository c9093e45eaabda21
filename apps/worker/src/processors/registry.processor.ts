import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName, type JobPayload } from '@aqtalu/contracts';
import { jobLockOptions, RegistryImportService, RegistryService } from '@aqtalu/server';
import type { Job, Queue } from 'bullmq';

/** Applies imports of archival lists, and proposes duplicate pairs among persons not yet checked. */
@Processor(QueueName.Registry, jobLockOptions())
export class RegistryProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly registry: RegistryService,
    private readonly imports: RegistryImportService,
    @InjectQueue(QueueName.Registry) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('registry-duplicates', { every: 5 * 60_000 }, { name: JobName.DetectDuplicates, data: {} });
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === JobName.ApplyRegistryImport) {
      // resumable: applied rows are marked in the same transaction as the persons they made
      return this.imports.apply((job.data as JobPayload[JobName.ApplyRegistryImport]).importId);
    }
    // idempotent: a checked person is not checked again, a pair is proposed once
    let total = { checked: 0, proposed: 0 };
    for (;;) {
      const batch = await this.registry.detectDuplicates(200);
      total = { checked: total.checked + batch.checked, proposed: total.proposed + batch.proposed };
      if (batch.checked === 0) return total;
    }
  }
}
