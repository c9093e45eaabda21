import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source.js';

@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, applicationName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: config.databaseUrl, logQueries: config.dbLogQueries, applicationName }),
          // A database that is down at start is retried, not fatal: compose may start us first.
          retryAttempts: 30,
          retryDelay: 1000,
        }),
      ],
    };
  }
}
