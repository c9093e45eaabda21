import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ensureAuditPartitions, sealAuditLog } from './audit-chain.js';
import { AuditCheckpoints } from './audit-checkpoints.service.js';

const partitionCheckMs = 60 * 60 * 1000;

/**
 * Seals audit entries into the hash chain shortly after they commit. Runs in every process (API and
 * worker); the sealer's advisory lock lets one seal at a time, so the others only poll. A full batch is
 * followed at once by the next, so the lag stays short under load.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AuditSealer.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;
  private partitionsCheckedAt = 0;
  private readonly batchSize = 5000;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checkpoints: AuditCheckpoints,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  // before the database connection closes (TypeORM closes it at application shutdown)
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().then(
        (more) => this.schedule(more ? 0 : this.config.auditSealIntervalMs),
        (error: unknown) => {
          if (!this.stopped) this.logger.warn(`audit sealing failed, will retry: ${String(error)}`);
          this.schedule(Math.max(1000, this.config.auditSealIntervalMs));
        },
      );
    }, delayMs);
    this.timer.unref();
  }

  /** One round; true when a full batch was sealed and more may be waiting. */
  private async tick(): Promise<boolean> {
    if (Date.now() - this.partitionsCheckedAt > partitionCheckMs) {
      const created = await ensureAuditPartitions(this.dataSource);
      if (created > 0) this.logger.log(`created ${created} monthly audit partition(s)`);
      this.partitionsCheckedAt = Date.now();
    }
    const outcome = await sealAuditLog(this.dataSource, this.batchSize);
    if (outcome.oldestAgeSeconds > 2) this.logger.warn(`audit seal lag ${outcome.oldestAgeSeconds.toFixed(1)} s`);
    if (outcome.head) {
      // a checkpoint that cannot be written must not hold up sealing
      await this.checkpoints.afterSeal(outcome.head).catch((error: unknown) => this.logger.error(`audit checkpoint not written: ${String(error)}`));
    }
    return outcome.sealed === this.batchSize;
  }
}
