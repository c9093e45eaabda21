import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';

/** Startup refused: a Redis that may evict keys would drop queued jobs without a trace. */
export class RedisPolicyError extends Error {
  override name = 'RedisPolicyError';
}

/**
 * Refuses a Redis whose `maxmemory-policy` is not `noeviction` (BullMQ's requirement: an evicting Redis
 * drops queued jobs and their locks silently). A Redis that cannot be reached is not refused (jobs wait in
 * the outbox until it is back); one that refuses CONFIG (some managed services) answers 'unknown'.
 */
export async function checkRedisEvictionPolicy(redisUrl: string, timeoutMs = 3_000): Promise<'noeviction' | 'unreachable' | 'unknown'> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs, enableOfflineQueue: false });
  client.on('error', () => undefined);
  try {
    try {
      await client.connect();
    } catch {
      return 'unreachable';
    }
    let policy: string | undefined;
    try {
      const answer = (await client.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
      policy = answer[1];
    } catch {
      return 'unknown';
    }
    if (!policy) return 'unknown';
    if (policy !== 'noeviction') {
      throw new RedisPolicyError(
        `REDIS_URL: Redis has maxmemory-policy ${policy}, which may evict queued jobs; BullMQ needs noeviction (redis.conf: maxmemory-policy noeviction, or CONFIG SET maxmemory-policy noeviction)`,
      );
    }
    return 'noeviction';
  } finally {
    client.disconnect();
  }
}

/** For a process entry point (API, worker): refuse an evicting Redis with one line and exit 78 (EX_CONFIG). */
export async function refuseEvictingRedisOrExit(redisUrl: string): Promise<void> {
  try {
    const result = await checkRedisEvictionPolicy(redisUrl);
    if (result === 'unknown') process.stderr.write(`REDIS_URL: could not read Redis's maxmemory-policy (CONFIG refused); make sure it is noeviction\n`);
  } catch (error) {
    if (!(error instanceof RedisPolicyError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
}

/** Injection token of a plain Redis client for short commands (health, heartbeat); fails fast when Redis is down. */
export const REDIS = Symbol('REDIS');

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({})
export class RedisModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: REDIS,
          useFactory: () => {
            const client = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
            client.on('error', () => undefined); // reported by the health check, not as unhandled errors
            return client;
          },
        },
        RedisCloser,
      ],
      exports: [REDIS],
    };
  }
}
