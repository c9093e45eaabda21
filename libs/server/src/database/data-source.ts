import { DataSource, type DataSourceOptions } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

export interface DatabaseOptions {
  url: string;
  logQueries?: boolean;
  /** Names the connection in pg_stat_activity: api, worker, migrations … */
  applicationName?: string;
}

/** The one place the TypeORM connection is described; schema changes only through migrations. */
export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    applicationName: options.applicationName ? `aqtalu-${options.applicationName}` : 'aqtalu',
    entities,
    migrations,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: options.logQueries ? ['query', 'error'] : ['error'],
    extra: { max: 10 },
  };
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}
