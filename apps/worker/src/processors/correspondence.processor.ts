import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName, type JobPayload, type LetterStatus } from '@aqtalu/contracts';
import { CorrespondenceService, jobLockOptions, SessionBatchService } from '@aqtalu/server';
import type { Job } from 'bullmq';

type CorrespondenceJob = Job<JobPayload[JobName.RenderLetter], unknown, JobName.RenderLetter> | Job<JobPayload[JobName.RenderSessionBatch], unknown, JobName.RenderSessionBatch>;

@Processor(QueueName.Correspondence, jobLockOptions())
export class CorrespondenceProcessor extends WorkerHost {
  constructor(
    private readonly correspondence: CorrespondenceService,
    private readonly batches: SessionBatchService,
  ) {
    super();
  }

  // idempotent: a letter already out of `rendering` is skipped, so it is rendered and e-mailed once; a batch already ready likewise
  async process(job: CorrespondenceJob): Promise<{ status: LetterStatus | null } | { documents: number | null }> {
    if (job.name === JobName.RenderSessionBatch) return { documents: await this.batches.render((job.data as JobPayload[JobName.RenderSessionBatch]).batchId) };
    return { status: await this.correspondence.render((job.data as JobPayload[JobName.RenderLetter]).letterId) };
  }
}
