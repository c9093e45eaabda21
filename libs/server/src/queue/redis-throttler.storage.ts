import { Inject, Injectable, Logger } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { REDIS } from './redis.module.js';

/**
 * One script, so the count, its window and the block are changed atomically by every API replica:
 * KEYS = hits, block; ARGV = window ms, limit, block ms. Answers hits, ms left in the window, blocked
 * (0/1), ms left of the block. A request over the limit starts a block and a fresh window after it.
 */
const incrementScript = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  return { hits + 1, math.max(redis.call('PTTL', KEYS[1]), 0), 1, blockLeft }
end
local hits = redis.call('INCR', KEYS[1])
local windowLeft = redis.call('PTTL', KEYS[1])
if windowLeft < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  windowLeft = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  redis.call('DEL', KEYS[1])
  return { hits, windowLeft, 1, tonumber(ARGV[3]) }
end
return { hits, windowLeft, 0, 0 }
`;

/**
 * @nestjs/throttler's storage in Redis, so the rate limits hold across API replicas (the package's
 * default keeps them per process). Written here because the Redis storage packages declare NestJS < 12.
 * While Redis does not answer, each process counts on its own (the package's memory storage) rather
 * than failing the sign-in: the limit is then per replica, and the failed-sign-in lockout (PostgreSQL)
 * still holds.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly local = new ThrottlerStorageService();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const prefix = `${this.config.queuePrefix}:throttle:${throttlerName}:${key}`;
    let answer: [number, number, number, number];
    try {
      answer = (await this.redis.eval(
        incrementScript,
        2,
        `${prefix}:hits`,
        `${prefix}:block`,
        Math.max(1, Math.ceil(ttl)),
        limit,
        Math.max(1, Math.ceil(blockDuration)),
      )) as [number, number, number, number];
    } catch (error) {
      this.logger.warn(`rate limit counted in this process only, Redis did not answer: ${String(error)}`);
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
    const [totalHits, windowMs, blocked, blockMs] = answer;
    return {
      totalHits,
      timeToExpire: Math.ceil(windowMs / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(blockMs / 1000),
    };
  }
}
