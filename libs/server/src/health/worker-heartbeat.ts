import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import { workerHeartbeatIntervalMs, workerHeartbeatKey } from '@aqtalu/contracts';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { REDIS } from '../queue/redis.module.js';
import { findDocumentTools } from './document-tools.js';
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

  private tools?: Record<string, boolean>;

  onApplicationBootstrap(): void {
    // the document tools this worker has, found once: health lists them
    void findDocumentTools().then((tools) => {
      this.tools = tools;
      const missing = Object.entries(tools).filter(([, ok]) => !ok).map(([tool]) => tool);
      if (missing.length) this.logger.warn(`document tools missing, evidence checks that need them will fail: ${missing.join(', ')}`);
    });
    const beat = () => {
      const value: WorkerHeartbeat = { at: new Date().toISOString(), pid: process.pid, host: hostname(), tools: this.tools };
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
