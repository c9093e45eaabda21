import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { ThrottlerModule } from '@nestjs/throttler';
import {
  APP_CONFIG, AuditModule, CasesModule, ConfigModule, ContributionsModule, DatabaseModule, LoggingModule, PublicApplicationsModule, PublicationModule, QueueModule,
  REDIS, RedisModule, RedisThrottlerStorage, RequestContextMiddleware, StorageModule, type AppConfig,
} from '@aqtalu/server';
import type { Redis } from 'ioredis';
import { diskStorage } from 'multer';
import { join } from 'node:path';
import { ApplicationsController } from './pages/applications.controller.js';
import { BookController } from './pages/book.controller.js';
import { CertificatesController } from './pages/certificates.controller.js';
import { ContributionsController } from './pages/contributions.controller.js';
import { HealthController } from './pages/health.controller.js';
import { OpenDataController } from './pages/open-data.controller.js';
import { PublicSiteErrorFilter } from './public-site-error.filter.js';
import { publicThrottler } from './throttling.js';

/**
 * The public site: only what a visitor may do, with the services of libs/server. No sign-in, no guard that
 * knows the staff: every route is public by construction, and every one is rate-limited per address in Redis.
 */
@Module({})
export class PublicSiteModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // the audit entries the site writes (applications, certificate checks) carry the visitor's address
    consumer.apply(RequestContextMiddleware).forRoutes('{*path}');
  }

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PublicSiteModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(config, 'public'),
        RedisModule.forRoot(config),
        QueueModule.forRoot(config),
        AuditModule,
        ThrottlerModule.forRootAsync({
          inject: [REDIS, APP_CONFIG],
          useFactory: (redis: Redis, appConfig: AppConfig) => ({
            throttlers: [{ name: publicThrottler, ttl: 60_000, limit: 600 }],
            storage: new RedisThrottlerStorage(redis, appConfig),
          }),
        }),
        StorageModule.forRoot(config),
        CasesModule,
        PublicationModule,
        PublicApplicationsModule,
        ContributionsModule,
        // uploads stream to a temporary file on the storage disk, never into memory; each route sets its limits
        MulterModule.register({ storage: diskStorage({ destination: join(config.storage.dir, 'incoming') }) }),
      ],
      controllers: [BookController, ContributionsController, ApplicationsController, CertificatesController, OpenDataController, HealthController],
      providers: [{ provide: APP_FILTER, useClass: PublicSiteErrorFilter }],
    };
  }
}
