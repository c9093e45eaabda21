import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName, type JobPayload } from '@aqtalu/contracts';
import { jobLockOptions, RegistryImportService } from '@aqtalu/server';
import type { Job, Queue } from 'bullmq';

/** Applies imports of archival lists. Duplicate detection has a queue of its own (registry-duplicates.processor.ts). */
@Processor(QueueName.Registry, jobLockOptions())
export class RegistryProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly imports: RegistryImportService,
    @InjectQueue(QueueName.Registry) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // the sweep used to run on this queue: its schedule moves to the duplicates queue
    await this.queue.removeJobScheduler('registry-duplicates');
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === JobName.ApplyRegistryImport) {
      // resumable: each batch moves the import's watermark in the transaction that writes its persons
      return this.imports.apply((job.data as JobPayload[JobName.ApplyRegistryImport]).importId);
    }
    // a duplicate sweep queued here before the queues were split: its work is the duplicates queue's now
    return { moved: job.name };
  }
}
