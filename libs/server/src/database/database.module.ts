import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { createDataSource, dataSourceOptions } from './data-source.js';

/**
 * A DataSource on a connection that bypasses PgBouncer (`DATABASE_DIRECT_URL`), for what needs a
 * session of its own: migrations and session-level advisory locks, which PgBouncer's transaction mode
 * would hand to another client. Without `DATABASE_DIRECT_URL` it is the application's DataSource.
 */
export const DIRECT_DATA_SOURCE = Symbol('DIRECT_DATA_SOURCE');

@Injectable()
class DirectDataSourceCloser implements OnApplicationShutdown {
  constructor(
    @Inject(DIRECT_DATA_SOURCE) private readonly direct: DataSource,
    private readonly main: DataSource,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.direct !== this.main && this.direct.isInitialized) await this.direct.destroy();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  /** `readReplicas`: this process may send the reads of its replica scopes to `DATABASE_REPLICA_URLS` (the API). */
  static forRoot(config: AppConfig, applicationName: string, options: { readReplicas?: boolean } = {}): DynamicModule {
    const { replicaUrls, directUrl, poolSize } = config.database;
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions({
              url: config.databaseUrl,
              logQueries: config.dbLogQueries,
              applicationName,
              replicaUrls: options.readReplicas ? replicaUrls : [],
              poolSize,
            }),
            // A database that is down at start is retried, not fatal: compose may start us first.
            retryAttempts: 30,
            retryDelay: 1000,
          }),
          // The read routing is installed on the DataSource before it connects.
          dataSourceFactory: async (typeOrmOptions) => createDataSource(typeOrmOptions!),
        }),
      ],
      providers: [
        {
          provide: DIRECT_DATA_SOURCE,
          inject: [getDataSourceToken()],
          useFactory: async (main: DataSource) =>
            directUrl
              ? createDataSource({ url: directUrl, logQueries: config.dbLogQueries, applicationName: `${applicationName}-direct`, poolSize }).initialize()
              : main,
        },
        DirectDataSourceCloser,
      ],
      exports: [DIRECT_DATA_SOURCE],
    };
  }
}
