import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName, type JobPayload, type RetentionRunView } from '@aqtalu/contracts';
import { jobLockOptions, RetentionService } from '@aqtalu/server';
import type { Job, Queue } from 'bullmq';

/** Every night: the retention rules (retention_rules) applied, one audit entry with the counts. */
@Processor(QueueName.Retention, jobLockOptions())
export class RetentionProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly retention: RetentionService,
    @InjectQueue(QueueName.Retention) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // One scheduler for all workers: upserting is idempotent. At night, when nobody works.
    await this.queue.upsertJobScheduler('retention-daily', { pattern: '30 2 * * *', tz: 'Asia/Almaty' }, {
      name: JobName.ApplyRetention,
      data: {},
    });
  }

  // idempotent: what a run deleted or reduced is not selected again
  async process(_job: Job<JobPayload[JobName.ApplyRetention]>): Promise<RetentionRunView['counts']> {
    return (await this.retention.run({ dryRun: false })).counts;
  }
}
