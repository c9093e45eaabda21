import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName, type JobPayload } from '@aqtalu/contracts';
import { CertificateService, jobLockOptions } from '@aqtalu/server';
import type { Job } from 'bullmq';

@Processor(QueueName.Documents, jobLockOptions())
export class DocumentsProcessor extends WorkerHost {
  constructor(private readonly certificates: CertificateService) {
    super();
  }

  async process(job: Job<JobPayload[JobName.RenderCertificates]>): Promise<{ rendered: number }> {
    // idempotent: certificates already rendered are skipped
    return { rendered: await this.certificates.renderPending(job.data.caseId) };
  }
}
