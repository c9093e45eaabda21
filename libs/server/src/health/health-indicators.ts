import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthIndicatorService } from '@nestjs/terminus';
import { workerHeartbeatIntervalMs, workerHeartbeatKey } from '@aqtalu/contracts';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { REDIS } from '../queue/redis.module.js';

export interface WorkerHeartbeat {
  at: string;
  pid: number;
  host: string;
  /** The document tools the worker found (pdfinfo, …, tesseract:kaz); absent until it has looked. */
  tools?: Record<string, boolean>;
}

export interface JobBacklog {
  /** Checks pending or running for longer than HEALTH_STUCK_CHECK_MINUTES, and since when the oldest. */
  stuckChecks: number;
  oldestStuckSince: string | null;
  /** Outbox rows not yet handed to BullMQ (counted up to just past HEALTH_OUTBOX_BACKLOG). */
  outboxBacklog: number;
}

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async ping(key = 'redis') {
    const check = this.indicators.check(key);
    try {
      const answer = await this.redis.ping();
      return answer === 'PONG' ? check.up() : check.down({ message: `unexpected answer ${answer}` });
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}

/**
 * The worker is degraded, not down, when silent, when evidence checks are stuck (pending or running past
 * HEALTH_STUCK_CHECK_MINUTES), when the outbox backlog passes HEALTH_OUTBOX_BACKLOG, or when a document
 * tool is missing: the API still serves, jobs wait. Lists each document tool the worker found.
 */
@Injectable()
export class WorkerHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async backlog(): Promise<JobBacklog> {
    const { stuckCheckMinutes, outboxBacklog } = this.config.reliability;
    const [stuck]: Array<{ count: number; oldest: Date | null }> = await this.dataSource.query(
      `SELECT count(DISTINCT evidence_id)::int AS count, min(updated_at) AS oldest FROM evidence_checks
       WHERE state IN ('pending', 'running') AND updated_at < now() - make_interval(mins => $1)`,
      [stuckCheckMinutes],
    );
    const [outbox]: Array<{ count: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM (SELECT 1 FROM outbox_messages WHERE dispatched_at IS NULL LIMIT $1) pending`,
      [outboxBacklog + 1],
    );
    return { stuckChecks: stuck?.count ?? 0, oldestStuckSince: stuck?.oldest ? new Date(stuck.oldest).toISOString() : null, outboxBacklog: outbox?.count ?? 0 };
  }

  async heartbeat(key = 'worker') {
    const check = this.indicators.check(key);
    try {
      const problems: string[] = [];
      const backlog = await this.backlog();
      const { stuckCheckMinutes, outboxBacklog } = this.config.reliability;
      if (backlog.stuckChecks > 0) problems.push(`${backlog.stuckChecks} evidence with checks unfinished for more than ${stuckCheckMinutes} min`);
      if (backlog.outboxBacklog > outboxBacklog) problems.push(`more than ${outboxBacklog} outbox rows not yet handed to the queues`);
      const raw = await this.redis.get(workerHeartbeatKey(this.config.queuePrefix));
      const beat = raw ? (JSON.parse(raw) as WorkerHeartbeat) : null;
      if (!beat) problems.unshift('no heartbeat from any worker: background jobs are waiting');
      const ageMs = beat ? Date.now() - Date.parse(beat.at) : 0;
      if (beat && ageMs > 3 * workerHeartbeatIntervalMs) problems.unshift(`last heartbeat ${Math.round(ageMs / 1000)} s ago`);
      const missing = Object.entries(beat?.tools ?? {}).filter(([, ok]) => !ok).map(([tool]) => tool);
      if (missing.length) problems.push(`document tools missing on the worker: ${missing.join(', ')}`);
      const details = { lastBeat: beat?.at, host: beat?.host, tools: beat?.tools, ...backlog };
      return problems.length ? check.degraded({ message: problems.join('; '), ...details }) : check.up(details);
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
