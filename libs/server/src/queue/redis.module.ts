import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';

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
