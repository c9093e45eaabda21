import { HttpStatus, Inject, Injectable, Logger, StreamableFile, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { SessionUser } from '@aqtalu/contracts';
import { APP_CONFIG, AuditService, CodedException, MetricsService, REDIS, type AppConfig } from '@aqtalu/server';
import type { Request } from 'express';
import type { Redis } from 'ioredis';
import { Counter } from 'prom-client';
import { mergeMap, type Observable } from 'rxjs';

/** Routes that answer personal records (cases, registry persons, evidence), by their route pattern. */
const personalRecordRoutes: Record<string, string> = {
  '/api/cases': 'case',
  '/api/cases/:id': 'case',
  '/api/registry/persons': 'person',
  '/api/registry/persons/:id': 'person',
  '/api/registry/duplicates': 'person',
  '/api/evidence': 'evidence',
  '/api/cases/:id/evidence': 'evidence',
  '/api/evidence/:id': 'evidence',
  '/api/evidence/:id/download': 'evidence',
};

const defaultReads = { ratePerMinute: 600, alertRecordsPerMinute: 1000 };
const windowMs = 60_000;

/** Personal records in an answer: the rows of a list, else one record. */
export function recordsIn(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (result instanceof StreamableFile) return 1;
  return result === undefined || result === null ? 0 : 1;
}

/**
 * Bulk reads of personal data, counted per signed-in user in Redis (so across API replicas), in fixed one-minute
 * windows:
 * - GET requests: over READ_RATE_LIMIT_PER_MINUTE the answer is 429 with Retry-After (the end of the window);
 * - personal records returned (rows of case, person and evidence reads): when a user's count crosses
 *   BULK_READ_ALERT_PER_MINUTE, one `access.anomaly` audit entry for that minute and the metric
 *   `aqtalu_bulk_read_anomalies_total` go up; the reads themselves are answered (each is audited as always).
 * While Redis does not answer, neither is counted (logged): reads are never refused for want of a counter.
 */
@Injectable()
export class BulkReadsInterceptor implements NestInterceptor {
  private readonly logger = new Logger(BulkReadsInterceptor.name);
  private readonly anomalies: Counter<'kind'>;
  private readonly limits: { ratePerMinute: number; alertRecordsPerMinute: number };

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    metrics: MetricsService,
  ) {
    this.limits = config.reads ?? defaultReads;
    this.anomalies = new Counter({
      name: 'aqtalu_bulk_read_anomalies_total',
      help: 'Users who read more personal records in a minute than BULK_READ_ALERT_PER_MINUTE (one per user and minute)',
      labelNames: ['kind'] as const,
      registers: [metrics.registry],
    });
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request & { user?: SessionUser }>();
    const user = request.user;
    if (request.method !== 'GET' || !user) return next.handle();
    const window = Math.floor(Date.now() / windowMs);
    if (this.limits.ratePerMinute > 0) {
      const hits = await this.add('reads', user.id, window, 1);
      if (hits !== null && hits > this.limits.ratePerMinute) {
        const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - Date.now()) / 1000));
        throw new CodedException(HttpStatus.TOO_MANY_REQUESTS, 'http.read_rate_limited', { limit: this.limits.ratePerMinute, retryAfterSeconds }, { retryAfterSeconds });
      }
    }
    const route = (request.route as { path?: unknown } | undefined)?.path;
    const kind = typeof route === 'string' ? personalRecordRoutes[route] : undefined;
    if (!kind || this.limits.alertRecordsPerMinute <= 0) return next.handle();
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        await this.noteRecords(user, kind, recordsIn(result), window);
        return result;
      }),
    );
  }

  private async noteRecords(user: SessionUser, kind: string, records: number, window: number): Promise<void> {
    if (records === 0) return;
    const total = await this.add('records', user.id, window, records);
    const threshold = this.limits.alertRecordsPerMinute;
    // one entry per user and minute: only the read that crosses the threshold writes it
    if (total === null || total <= threshold || total - records > threshold) return;
    this.anomalies.inc({ kind });
    this.logger.warn({ userId: user.id, records: total, threshold }, 'bulk read of personal records');
    await this.audit.record({
      action: 'access.anomaly',
      outcome: 'allowed',
      entityType: 'user',
      entityId: user.id,
      details: { anomaly: 'bulk_read', records: total, thresholdPerMinute: threshold, kind, windowStartedAt: new Date(window * windowMs).toISOString() },
    });
  }

  /** Adds to a user's counter of this window; null when Redis does not answer. */
  private async add(counter: 'reads' | 'records', userId: string, window: number, amount: number): Promise<number | null> {
    const key = `${this.config.queuePrefix}:${counter}:${userId}:${window}`;
    try {
      const answer = await this.redis.multi().incrby(key, amount).pexpire(key, windowMs * 2).exec();
      const [error, value] = answer?.[0] ?? [];
      if (error) throw error;
      return Number(value);
    } catch (error) {
      this.logger.warn(`bulk reads not counted, Redis did not answer: ${String(error)}`);
      return null;
    }
  }
}
