import { DataSource, type DataSourceOptions } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { installReadRouting } from './read-routing.js';

export interface DatabaseOptions {
  url: string;
  logQueries?: boolean;
  /** Names the connection in pg_stat_activity: api, worker, migrations … */
  applicationName?: string;
  /** Read replicas (hot standbys of `url`): plain reads of a replica scope go to them (read-routing.ts). */
  replicaUrls?: string[];
  /** Connections per pool (the primary's, and each replica's); `DATABASE_POOL_SIZE`. */
  poolSize?: number;
}

/** The one place the TypeORM connection is described; schema changes only through migrations. */
export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  const replicaUrls = options.replicaUrls ?? [];
  return {
    type: 'postgres',
    // With replicas, TypeORM opens a pool per server; SELECTs it builds itself stay on the primary
    // (`defaultMode: 'master'`) unless the read routing sends them to a replica.
    ...(replicaUrls.length > 0
      ? { replication: { master: { url: options.url }, slaves: replicaUrls.map((url) => ({ url })), defaultMode: 'master' as const } }
      : { url: options.url }),
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
    extra: { max: options.poolSize ?? 10 },
  };
}

/** A DataSource (not yet initialised) with the read routing installed when it has replicas. */
export function createDataSource(options: DatabaseOptions | DataSourceOptions): DataSource {
  const dataSource = new DataSource('type' in options ? options : dataSourceOptions(options));
  installReadRouting(dataSource);
  return dataSource;
}
