import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, EvidenceReconciler, OutboxReconciler, type AppConfig, type EvidenceReconcileReport } from '@aqtalu/server';
import { DataSource } from 'typeorm';
import { DeadlinesProcessor } from './processors/deadlines.processor.js';
import { RegistryProcessor } from './processors/registry.processor.js';

export interface ReconcileReport extends EvidenceReconcileReport {
  /** Other outbox rows whose job was lost, sent again. */
  outboxRedriven: number;
}

/**
 * Every `RECONCILE_INTERVAL_SECONDS` (and at start), on every worker, with one at a time across workers (a
 * transaction-level advisory try-lock: a worker that finds it held skips the round): re-drives the jobs
 * Redis lost and turns failed evidence jobs into `failed` checks, and puts back the job schedulers a Redis
 * that lost its data forgot. A timer of its own, not a BullMQ job, so it survives the loss of Redis's data.
 */
@Injectable()
export class ReconciliationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconciliationScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly evidence: EvidenceReconciler,
    private readonly outbox: OutboxReconciler,
    private readonly deadlines: DeadlinesProcessor,
    private readonly registry: RegistryProcessor,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(5_000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One round; null when another worker holds the round. Idempotent. */
  async reconcileOnce(afterMinutes = this.config.reliability.reconcileAfterMinutes): Promise<ReconcileReport | null> {
    const report = await this.dataSource.transaction(async (manager) => {
      const [{ locked }]: Array<{ locked: boolean }> = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtextextended('aqtalu:job-reconciler', 0)) AS locked`);
      if (!locked) return null;
      const evidence = await this.evidence.reconcile(manager, afterMinutes);
      return { ...evidence, outboxRedriven: await this.outbox.reconcile(manager, afterMinutes) };
    });
    if (report) {
      // upserting is idempotent: after a FLUSHALL this brings back the repeating jobs
      await this.deadlines.onApplicationBootstrap();
      await this.registry.onApplicationBootstrap();
    }
    return report;
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      this.running = this.reconcileOnce()
        .catch((error: unknown) => this.logger.warn(`job reconciliation failed, will retry: ${String(error)}`))
        .finally(() => {
          if (this.timer) this.schedule(this.config.reliability.reconcileIntervalSeconds * 1000);
        });
    }, delay);
    this.timer.unref();
  }
}
