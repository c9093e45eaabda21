import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { jobQueue, type JobName } from '@aqtalu/contracts';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';

interface PendingMessage {
  id: string;
  job_name: string;
  payload: Record<string, unknown>;
}

/**
 * Moves committed outbox rows to BullMQ. Rows are claimed with SKIP LOCKED, so several relays can run;
 * the BullMQ job id is derived from the row id, so a row sent twice (a crash between the send and the
 * commit) still makes one job.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Sends up to `limit` pending messages; returns how many were sent. */
  async relayOnce(limit = 100): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const pending: PendingMessage[] = await manager.query(
        `SELECT id, job_name, payload FROM outbox_messages
         WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      let sent = 0;
      for (const message of pending) {
        try {
          const jobName = message.job_name as JobName;
          await this.queueOf(jobName).add(jobName, message.payload, { jobId: `outbox-${message.id}` });
        } catch (error) {
          await manager.query(`UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
            message.id,
            error instanceof Error ? error.message : String(error),
          ]);
          this.logger.warn(`outbox message ${message.id} not sent, will retry: ${String(error)}`);
          break; // Redis is likely down: keep the order, try again on the next tick
        }
        await manager.query(`UPDATE outbox_messages SET dispatched_at = now(), attempts = attempts + 1 WHERE id = $1`, [
          message.id,
        ]);
        sent += 1;
      }
      return sent;
    });
  }

  private queueOf(jobName: JobName): Queue {
    const queueName = jobQueue[jobName];
    if (!queueName) throw new Error(`no queue for job ${jobName}`);
    return this.moduleRef.get<Queue>(getQueueToken(queueName), { strict: false });
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      const run = this.relayOnce()
        .catch((error: unknown) => {
          this.logger.warn(`outbox relay failed, will retry: ${String(error)}`);
          return 0;
        })
        .then((sent) => this.schedule(sent > 0 ? 0 : this.config.outboxPollMs));
      this.running = run;
    }, delay);
  }
}
