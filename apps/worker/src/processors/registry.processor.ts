import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName } from '@aqtalu/contracts';
import { RegistryService } from '@aqtalu/server';
import type { Job, Queue } from 'bullmq';

/** Proposes duplicate pairs among persons not yet checked; every few minutes, and on demand. */
@Processor(QueueName.Registry)
export class RegistryProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly registry: RegistryService,
    @InjectQueue(QueueName.Registry) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('registry-duplicates', { every: 5 * 60_000 }, { name: JobName.DetectDuplicates, data: {} });
  }

  async process(_job: Job): Promise<{ checked: number; proposed: number }> {
    // idempotent: a checked person is not checked again, a pair is proposed once
    let total = { checked: 0, proposed: 0 };
    for (;;) {
      const batch = await this.registry.detectDuplicates(200);
      total = { checked: total.checked + batch.checked, proposed: total.proposed + batch.proposed };
      if (batch.checked === 0) return total;
    }
  }
}
