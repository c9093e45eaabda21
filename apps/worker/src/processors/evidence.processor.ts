import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QueueName, type JobName, type JobPayload } from '@aqtalu/contracts';
import { EvidenceCheckService, jobLockOptions, ResourceLimitError } from '@aqtalu/server';
import { UnrecoverableError, type Job } from 'bullmq';

/** OCR is CPU-bound and single-threaded (OMP_THREAD_LIMIT=1): run two at a time on a small machine. */
@Processor(QueueName.Evidence, { concurrency: 2, ...jobLockOptions() })
export class EvidenceProcessor extends WorkerHost {
  constructor(private readonly checks: EvidenceCheckService) {
    super();
  }

  async process(job: Job<JobPayload[JobName.CheckEvidence]>): Promise<Record<string, string>> {
    // idempotent: finished checks are skipped, a check left running by a killed worker runs again
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      return await this.checks.run(job.data.evidenceId, finalAttempt);
    } catch (error) {
      // a file over a limit stays over it: never retried
      throw error instanceof ResourceLimitError ? new UnrecoverableError(error.message) : error;
    }
  }
}
