import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';

/** Rows deleted per statement: short transactions, never a long lock on the table the relay reads. */
const batchSize = 5_000;
const hourMs = 3_600_000;

/**
 * Deletes outbox rows that were handed to BullMQ more than `OUTBOX_RETENTION_DAYS` ago, at the worker's
 * start and then hourly. A row not yet dispatched is never deleted, however old. Several workers may
 * prune at once: each batch skips the rows another one holds.
 */
@Injectable()
export class OutboxPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxPruner.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(1_000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Deletes every published row older than the retention; returns how many. */
  async pruneOnce(retentionDays = this.config.outboxRetentionDays): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted: [unknown[], number] = await this.dataSource.query(
        `DELETE FROM outbox_messages WHERE id IN (
           SELECT id FROM outbox_messages
           WHERE dispatched_at IS NOT NULL AND dispatched_at < now() - make_interval(days => $1)
           LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [retentionDays, batchSize],
      );
      total += deleted[1];
      if (deleted[1] < batchSize) return total;
    }
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      this.running = this.pruneOnce()
        .then((deleted) => {
          if (deleted > 0) this.logger.log(`pruned ${deleted} published outbox rows older than ${this.config.outboxRetentionDays} days`);
        })
        .catch((error: unknown) => this.logger.warn(`outbox pruning failed, will retry: ${String(error)}`))
        .finally(() => {
          if (this.timer) this.schedule(hourMs);
        });
    }, delay);
    this.timer.unref();
  }
}
