import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TerminusModule } from '@nestjs/terminus';
import {
  ConfigModule,
  DatabaseModule,
  IdentityModule,
  MetricsService,
  NotificationModule,
  QueueModule,
  RedisHealthIndicator,
  RedisModule,
  WorkerHealthIndicator,
  type AppConfig,
} from '@aqtalu/server';
import { existsSync } from 'node:fs';
import { JwtAuthGuard } from './auth/auth.guards.js';
import { JwtStrategy } from './auth/jwt.strategy.js';
import { LocalStrategy } from './auth/local.strategy.js';
import { AuthController } from './controllers/auth.controller.js';
import { HealthController } from './controllers/health.controller.js';
import { MetricsController } from './controllers/metrics.controller.js';
import { NotificationsController } from './controllers/notifications.controller.js';
import { UsersController } from './controllers/users.controller.js';
import { HttpMetricsInterceptor } from './http/http-metrics.interceptor.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { LoggingModule } from './http/logging.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // The built back office, when there is one; `npm run dev` serves it from Vite instead.
    const adminDist = config.adminDistDir;
    const staticFiles =
      adminDist && existsSync(adminDist)
        ? [ServeStaticModule.forRoot({ rootPath: adminDist, exclude: ['/api/{*path}'] })]
        : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(config, 'api'),
        RedisModule.forRoot(config),
        QueueModule.forRoot(config),
        TerminusModule,
        PassportModule,
        IdentityModule.forRoot(config),
        NotificationModule,
        ...staticFiles,
      ],
      controllers: [AuthController, HealthController, MetricsController, UsersController, NotificationsController],
      providers: [
        LocalStrategy,
        JwtStrategy,
        RedisHealthIndicator,
        WorkerHealthIndicator,
        MetricsService,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
      ],
    };
  }
}
