import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName } from '@aqtalu/contracts';
import { DuplicateDetectionService, jobLockOptions } from '@aqtalu/server';
import type { Queue } from 'bullmq';

/**
 * Proposes duplicate pairs among persons not yet checked, on a queue of its own so an import never waits
 * behind a sweep; every five minutes, and after every import or new person.
 */
@Processor(QueueName.Duplicates, jobLockOptions())
export class RegistryDuplicatesProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly duplicates: DuplicateDetectionService,
    @InjectQueue(QueueName.Duplicates) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('registry-duplicates', { every: 5 * 60_000 }, { name: JobName.DetectDuplicates, data: {} });
  }

  /** Idempotent: a checked person is not checked again, a pair is proposed once. */
  async process(): Promise<unknown> {
    return this.duplicates.detectAll();
  }
}
