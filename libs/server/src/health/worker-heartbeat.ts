import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import { workerHeartbeatIntervalMs, workerHeartbeatKey } from '@aqtalu/contracts';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { REDIS } from '../queue/redis.module.js';
import type { WorkerHeartbeat } from './health-indicators.js';

/** Written by every worker process; the API's health check reads it. */
@Injectable()
export class WorkerHeartbeatWriter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeatWriter.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const beat = () => {
      const value: WorkerHeartbeat = { at: new Date().toISOString(), pid: process.pid, host: hostname() };
      this.redis
        .set(workerHeartbeatKey(this.config.queuePrefix), JSON.stringify(value), 'PX', 3 * workerHeartbeatIntervalMs)
        .catch((error: unknown) => this.logger.warn(`heartbeat not written: ${String(error)}`));
    };
    beat();
    this.timer = setInterval(beat, workerHeartbeatIntervalMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
