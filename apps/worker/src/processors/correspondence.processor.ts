import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName, type JobPayload, type LetterStatus } from '@aqtalu/contracts';
import { CorrespondenceService, jobLockOptions } from '@aqtalu/server';
import type { Job } from 'bullmq';

@Processor(QueueName.Correspondence, jobLockOptions())
export class CorrespondenceProcessor extends WorkerHost {
  constructor(private readonly correspondence: CorrespondenceService) {
    super();
  }

  // idempotent: a letter already out of `rendering` is skipped, so it is rendered and e-mailed once
  async process(job: Job<JobPayload[JobName.RenderLetter]>): Promise<{ status: LetterStatus | null }> {
    return { status: await this.correspondence.render(job.data.letterId) };
  }
}
