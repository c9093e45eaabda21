import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName, type JobPayload } from '@aqtalu/contracts';
import { ArchiveRequestService, jobLockOptions } from '@aqtalu/server';
import type { Job, Queue } from 'bullmq';

/** Every morning: archive requests past their due date are marked overdue and both sides reminded. */
@Processor(QueueName.Deadlines, jobLockOptions())
export class DeadlinesProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly archiveRequests: ArchiveRequestService,
    @InjectQueue(QueueName.Deadlines) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // One scheduler for all workers: upserting is idempotent.
    await this.queue.upsertJobScheduler('archive-requests-overdue', { pattern: '0 6 * * *', tz: 'Asia/Almaty' }, {
      name: JobName.MarkOverdueArchiveRequests,
      data: {},
    });
  }

  async process(job: Job<JobPayload[JobName.MarkOverdueArchiveRequests]>): Promise<{ marked: number }> {
    // idempotent: a request is marked once (overdue_since is set only when empty)
    const today = job.data.today ?? new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Almaty' });
    return { marked: (await this.archiveRequests.markOverdue(today)).length };
  }
}
