import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { allQueues } from '@aqtalu/contracts';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { readJobStats } from '../health/job-stats.js';
import { REDIS } from '../queue/redis.module.js';
import { DataSource } from 'typeorm';

/** Prometheus metrics of the API process: HTTP latency, queue depth, outbox backlog, audit seal lag. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'aqtalu_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(
    moduleRef: ModuleRef,
    @InjectDataSource() dataSource: DataSource,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'aqtalu_' });
    new Gauge({
      name: 'aqtalu_queue_jobs',
      help: 'BullMQ jobs by queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        for (const name of allQueues) {
          const queue = moduleRef.get<Queue>(getQueueToken(name), { strict: false });
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed').catch(() => null);
          if (!counts) continue;
          for (const [state, count] of Object.entries(counts)) this.set({ queue: name, state }, count);
        }
      },
    });
    new Gauge({
      name: 'aqtalu_audit_seal_lag_seconds',
      help: 'Age of the oldest audit entry not yet sealed into the hash chain (0 when all are sealed)',
      registers: [this.registry],
      async collect() {
        const rows: Array<{ lag: number }> = await dataSource
          .query('SELECT COALESCE(extract(epoch FROM now() - min(occurred_at)), 0)::float8 AS lag FROM audit_log WHERE hash IS NULL')
          .catch(() => []);
        if (rows[0]) this.set(Math.max(0, rows[0].lag));
      },
    });
    new Gauge({
      name: 'aqtalu_audit_unsealed_entries',
      help: 'Audit entries written but not yet sealed into the hash chain',
      registers: [this.registry],
      async collect() {
        const rows: Array<{ count: number }> = await dataSource
          .query('SELECT count(*)::int AS count FROM audit_log WHERE hash IS NULL')
          .catch(() => []);
        if (rows[0]) this.set(rows[0].count);
      },
    });
    // stalled and failed jobs, counted by the workers in Redis (apps/worker job-events.ts)
    for (const event of ['stalled', 'failed'] as const) {
      new Counter({
        name: `aqtalu_jobs_${event}_total`,
        help: event === 'stalled' ? 'BullMQ jobs whose worker stopped renewing the lock, by queue' : 'BullMQ jobs that ended in the failed set, by queue',
        labelNames: ['queue'] as const,
        registers: [this.registry],
        async collect() {
          const redis = moduleRef.get<Redis>(REDIS, { strict: false });
          const config = moduleRef.get<AppConfig>(APP_CONFIG, { strict: false });
          const stats = await readJobStats(redis, config.queuePrefix).catch(() => null);
          if (!stats) return;
          this.reset();
          for (const [queue, count] of Object.entries(stats[event])) this.inc({ queue }, count);
        },
      });
    }
    new Gauge({
      name: 'aqtalu_outbox_pending',
      help: 'Outbox messages not yet handed to BullMQ',
      registers: [this.registry],
      async collect() {
        const rows: Array<{ count: string }> = await dataSource
          .query('SELECT count(*) AS count FROM outbox_messages WHERE dispatched_at IS NULL')
          .catch(() => []);
        if (rows[0]) this.set(Number(rows[0].count));
      },
    });
  }
}
