import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { WorkerHost } from '@nestjs/bullmq';
import { JobName } from '@aqtalu/contracts';
import { APP_CONFIG, EvidenceCheckService, jobFailureReason, recordJobEvent, REDIS, type AppConfig } from '@aqtalu/server';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { DeadlinesProcessor } from './processors/deadlines.processor.js';
import { DocumentsProcessor } from './processors/documents.processor.js';
import { EvidenceProcessor } from './processors/evidence.processor.js';
import { NotificationProcessor } from './processors/notification.processor.js';
import { RegistryProcessor } from './processors/registry.processor.js';

/**
 * Listens to every processor's BullMQ worker: a stalled job (its worker stopped answering) is logged and
 * counted, a job that ends in the failed set is counted (both in Redis, read by the API's /api/metrics as
 * `aqtalu_jobs_stalled_total` and `aqtalu_jobs_failed_total`), and a failed evidence job makes the checks
 * it left unfinished `failed` with the reason at once (the reconciler catches what a dead worker missed).
 */
@Injectable()
export class JobEventsRecorder implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobEventsRecorder.name);
  private readonly hosts: WorkerHost[];

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checks: EvidenceCheckService,
    notifications: NotificationProcessor,
    documents: DocumentsProcessor,
    deadlines: DeadlinesProcessor,
    registry: RegistryProcessor,
    evidence: EvidenceProcessor,
  ) {
    this.hosts = [notifications, documents, deadlines, registry, evidence];
  }

  onApplicationBootstrap(): void {
    for (const host of this.hosts) {
      const worker = host.worker;
      worker.on('stalled', (jobId: string) => {
        this.logger.warn(`job ${jobId} of queue ${worker.name} stalled (its worker stopped renewing the lock): handed to another worker`);
        this.count('stalled', worker.name);
      });
      worker.on('failed', (job: Job | undefined, error: Error) => void this.failed(worker.name, job, error));
    }
  }

  private async failed(queue: string, job: Job | undefined, error: Error): Promise<void> {
    if (!job?.id) return;
    try {
      // 'failed' is emitted for every failed attempt; only one that landed in the failed set counts
      if ((await job.getState()) !== 'failed') return;
      this.logger.warn(`job ${job.id} (${job.name}) of queue ${queue} failed for good: ${error.message}`);
      this.count('failed', queue);
      if (job.name === JobName.CheckEvidence) {
        const outboxId = /^outbox-(\d+)$/.exec(job.id)?.[1] ?? null;
        await this.checks.markJobFailed((job.data as { evidenceId: string }).evidenceId, outboxId, jobFailureReason(job.failedReason ?? error.message));
      }
    } catch (failure) {
      this.logger.warn(`failed job ${job.id} not recorded (the reconciler will): ${String(failure)}`);
    }
  }

  private count(event: 'stalled' | 'failed', queue: string): void {
    recordJobEvent(this.redis, this.config.queuePrefix, event, queue).catch(() => undefined);
  }
}
