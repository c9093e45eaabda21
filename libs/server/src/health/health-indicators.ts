import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { workerHeartbeatIntervalMs, workerHeartbeatKey } from '@aqtalu/contracts';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { REDIS } from '../queue/redis.module.js';

export interface WorkerHeartbeat {
  at: string;
  pid: number;
  host: string;
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

/** The worker is degraded, not down, when silent: the API still serves, jobs wait in Redis. */
@Injectable()
export class WorkerHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async heartbeat(key = 'worker') {
    const check = this.indicators.check(key);
    try {
      const raw = await this.redis.get(workerHeartbeatKey(this.config.queuePrefix));
      if (!raw) return check.degraded({ message: 'no heartbeat from any worker: background jobs are waiting' });
      const beat = JSON.parse(raw) as WorkerHeartbeat;
      const ageMs = Date.now() - Date.parse(beat.at);
      return ageMs <= 3 * workerHeartbeatIntervalMs
        ? check.up({ lastBeat: beat.at, host: beat.host })
        : check.degraded({ message: `last heartbeat ${Math.round(ageMs / 1000)} s ago`, lastBeat: beat.at });
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
