import { Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor, type NestMiddleware } from '@nestjs/common';
import { APP_CONFIG, readRouting, REDIS, type AppConfig } from '@aqtalu/server';
import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { from, mergeMap, type Observable } from 'rxjs';

/** Opens the request's read scope: its statements go to the primary unless the interceptor below says otherwise. */
@Injectable()
export class ReadScopeMiddleware implements NestMiddleware {
  use(_request: Request, _response: Response, next: NextFunction): void {
    readRouting.run(next);
  }
}

const safeMethods = new Set(['GET', 'HEAD']);

/**
 * Read-after-write: a signed-in user's request that may write (POST, PUT, PATCH, DELETE) leaves a mark
 * in Redis for `DATABASE_READ_AFTER_WRITE_SECONDS` (set when it starts and again when it answers); a
 * GET of a user without that mark reads from a replica, with it from the primary. So you always see
 * your own writes, on whichever API replica, while other users' reads may lag by the replication
 * delay. Anonymous requests (health, certificate checks) and the guards' own look-ups stay on the primary.
 */
@Injectable()
export class ReadRoutingInterceptor implements NestInterceptor {
  private readonly logger = new Logger(ReadRoutingInterceptor.name);
  private readonly enabled: boolean;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.enabled = config.database.replicaUrls.length > 0;
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (!this.enabled || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & { user?: { id?: string } }>();
    const userId = request.user?.id;
    if (!userId) return next.handle();
    if (safeMethods.has(request.method)) {
      if (!(await this.wroteRecently(userId))) readRouting.useReplica();
      return next.handle();
    }
    await this.markWrite(userId);
    return next.handle().pipe(mergeMap((value) => from(this.markWrite(userId).then(() => value))));
  }

  private key(userId: string): string {
    return `${this.config.queuePrefix}:db-wrote:${userId}`;
  }

  private async wroteRecently(userId: string): Promise<boolean> {
    if (this.config.database.readAfterWriteSeconds === 0) return false;
    // Redis down: we cannot tell, so the primary answers.
    return (await this.redis.exists(this.key(userId)).catch(() => 1)) === 1;
  }

  private async markWrite(userId: string): Promise<void> {
    const seconds = this.config.database.readAfterWriteSeconds;
    if (seconds === 0) return;
    await this.redis.set(this.key(userId), '1', 'EX', seconds).catch((error: unknown) => {
      this.logger.warn(`read-after-write mark not kept, Redis did not answer: ${String(error)}`);
    });
  }
}
