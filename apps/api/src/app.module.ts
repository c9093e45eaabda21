import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { PassportModule } from '@nestjs/passport';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import {
  APP_CONFIG,
  AuditModule,
  CalendarModule,
  CasesModule,
  ConfigModule,
  DatabaseModule,
  EvidenceModule,
  EventsModule,
  InventoryModule,
  ExportsModule,
  PublicationModule,
  ContributionsModule,
  IdentityModule,
  LoggingModule,
  RequestContextMiddleware,
  MetricsService,
  NotificationModule,
  QueueModule,
  REDIS,
  RedisHealthIndicator,
  RedisThrottlerStorage,
  RedisModule,
  RegistryModule,
  OutboxModule,
  PersonFactsModule,
  RetentionModule,
  CorrespondenceModule,
  SearchModule,
  StatsModule,
  StorageModule,
  WorkerHealthIndicator,
  type AppConfig,
} from '@aqtalu/server';
import type { Redis } from 'ioredis';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { diskStorage } from 'multer';
import { JwtAuthGuard } from './auth/auth.guards.js';
import { JwtStrategy } from './auth/jwt.strategy.js';
import { LocalStrategy } from './auth/local.strategy.js';
import { ArchiveRequestsController } from './controllers/archive-requests.controller.js';
import { AuditLogController } from './controllers/audit-log.controller.js';
import { CalendarController } from './controllers/calendar.controller.js';
import { CasesController } from './controllers/cases.controller.js';
import { CertificatesController } from './controllers/certificates.controller.js';
import { CommissionController } from './controllers/commission.controller.js';
import { EvidenceController } from './controllers/evidence.controller.js';
import { EventsController } from './controllers/events.controller.js';
import { GroupCasesController } from './controllers/group-cases.controller.js';
import { ArchiveRequestCitationsController, InventoryController } from './controllers/inventory.controller.js';
import { PersonLinksController } from './controllers/person-links.controller.js';
import { PublicationController, PublicationOpenDataController } from './controllers/publication.controller.js';
import { ContributionsController } from './controllers/contributions.controller.js';
import { PlaceSourcesController } from './controllers/place-sources.controller.js';
import { ExportsController } from './controllers/exports.controller.js';
import { DictionariesController } from './controllers/dictionaries.controller.js';
import { AuthController } from './controllers/auth.controller.js';
import { HealthController } from './controllers/health.controller.js';
import { MetricsController } from './controllers/metrics.controller.js';
import { NotificationsController } from './controllers/notifications.controller.js';
import { PlacesController } from './controllers/places.controller.js';
import { RegistryController } from './controllers/registry.controller.js';
import { RetentionController } from './controllers/retention.controller.js';
import { LettersController } from './controllers/letters.controller.js';
import { SearchController } from './controllers/search.controller.js';
import { StatsController } from './controllers/stats.controller.js';
import { TasksController } from './controllers/tasks.controller.js';
import { UsersController } from './controllers/users.controller.js';
import { QueueBoardController } from './http/queue-board.js';
import { HttpMetricsInterceptor } from './http/http-metrics.interceptor.js';
import { BulkReadsInterceptor } from './http/bulk-reads.interceptor.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { ReadRoutingInterceptor, ReadScopeMiddleware } from './http/read-routing.js';

@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware, ReadScopeMiddleware).forRoutes('{*path}');
  }

  static forRoot(config: AppConfig): DynamicModule {
    // The built back office, when there is one; `npm run dev` serves it from Vite instead.
    const adminDist = config.adminDistDir;
    const staticFiles =
      adminDist && existsSync(adminDist)
        ? [ServeStaticModule.forRoot({ rootPath: adminDist, exclude: ['/api/{*path}', '/admin/queues{*path}'] })]
        : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(config, 'api', { readReplicas: true }),
        RedisModule.forRoot(config),
        QueueModule.forRoot(config),
        TerminusModule,
        AuditModule,
        // Request-rate limit of the sign-in routes, per client address (failed sign-ins are throttled separately),
        // counted in Redis so that it holds across API replicas.
        ThrottlerModule.forRootAsync({
          inject: [REDIS, APP_CONFIG],
          useFactory: (redis: Redis, appConfig: AppConfig) => ({
            throttlers: [{ name: 'auth', ttl: 60_000, limit: appConfig.authRateLimitPerMinute }],
            storage: new RedisThrottlerStorage(redis, appConfig),
          }),
        }),
        PassportModule,
        IdentityModule.forRoot(config),
        NotificationModule,
        CasesModule,
        RegistryModule,
        PersonFactsModule,
        EventsModule,
        InventoryModule,
        OutboxModule,
        StorageModule.forRoot(config),
        EvidenceModule,
        RetentionModule,
        CorrespondenceModule,
        ExportsModule,
        PublicationModule,
        ContributionsModule,
        CalendarModule,
        StatsModule,
        SearchModule,
        // Uploads stream to a temporary file on the storage disk, never into memory.
        MulterModule.register({
          storage: diskStorage({ destination: join(config.storage.dir, 'incoming') }),
          limits: { fileSize: config.storage.uploadMaxBytes, files: 1, fields: 20 },
        }),
        ...staticFiles,
      ],
      controllers: [
        ArchiveRequestsController,
        AuditLogController,
        AuthController,
        CalendarController,
        CasesController,
        CertificatesController,
        CommissionController,
        EvidenceController,
        EventsController,
        GroupCasesController,
        PersonLinksController,
        PublicationController,
        PublicationOpenDataController,
        ContributionsController,
        PlaceSourcesController,
        InventoryController,
        ArchiveRequestCitationsController,
        ExportsController,
        DictionariesController,
        HealthController,
        MetricsController,
        UsersController,
        NotificationsController,
        QueueBoardController,
        PlacesController,
        RegistryController,
        RetentionController,
        LettersController,
        SearchController,
        StatsController,
        TasksController,
      ],
      providers: [
        LocalStrategy,
        JwtStrategy,
        RedisHealthIndicator,
        WorkerHealthIndicator,
        MetricsService,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ReadRoutingInterceptor },
        { provide: APP_INTERCEPTOR, useClass: BulkReadsInterceptor },
      ],
    };
  }
}
