import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName, type JobPayload } from '@aqtalu/contracts';
import { ContributionService, jobLockOptions } from '@aqtalu/server';
import type { Job } from 'bullmq';

type ContributionJob = Job<JobPayload[JobName.CheckContributionScan] | JobPayload[JobName.MailContributor], unknown, JobName>;

/** Contributions to the Book of Memory: a scan's safety checks, then the e-mail telling the contributor the outcome. */
@Processor(QueueName.Contributions, jobLockOptions())
export class ContributionsProcessor extends WorkerHost {
  constructor(private readonly contributions: ContributionService) {
    super();
  }

  // both idempotent: a checked scan is not checked again, a mailed outcome not mailed again
  async process(job: ContributionJob): Promise<unknown> {
    switch (job.name) {
      case JobName.CheckContributionScan:
        return { state: await this.contributions.checkScan(job.data.contributionId) };
      case JobName.MailContributor:
        return { mailed: await this.contributions.mailOutcome(job.data.contributionId) };
      default:
        return null;
    }
  }
}
