import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { allQueues } from '@aqtalu/contracts';
import type { AppConfig } from '../config/app-config.js';

/** Retries with exponential back-off; finished jobs are trimmed so Redis does not grow without bound. */
export const defaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;

/**
 * How long a worker's lock on a job lasts, and how often workers look for jobs whose worker died
 * (BullMQ's stalled-job recovery): `JOB_LOCK_MS`, default 30 s. Read when the processors' decorators are
 * evaluated (NestJS's @Processor takes static options), so it comes from the environment, not AppConfig.
 */
export function jobLockOptions(env: NodeJS.ProcessEnv = process.env): { lockDuration: number; stalledInterval: number } {
  const value = Number(env.JOB_LOCK_MS ?? 30_000);
  const ms = Number.isInteger(value) && value >= 1_000 && value <= 600_000 ? value : 30_000;
  return { lockDuration: ms, stalledInterval: ms };
}

export function redisConnection(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // BullMQ's workers block on Redis; they must wait for a reconnect instead of failing the command.
    maxRetriesPerRequest: null,
  };
}

/** The BullMQ connection and every queue of contracts, for producers (the relay) and consumers. */
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    const queues = allQueues.map((name) => BullModule.registerQueue({ name }));
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRoot({ connection: redisConnection(config.redisUrl), defaultJobOptions, prefix: config.queuePrefix }),
        ...queues,
      ],
      exports: queues,
    };
  }
}
