import { join } from 'node:path';
import { startEmbeddedPostgres } from './postgres.js';
import { startLocalRedis } from './redis.js';

export interface StackOptions {
  /** Folder for the embedded servers' data. */
  dataDir: string;
  persistent: boolean;
  databaseName: string;
  postgresPort: number;
  redisPort: number;
  /** Use these servers instead of starting our own. */
  databaseUrl?: string;
  redisUrl?: string;
  allowInstall: boolean;
  /** Migrations need only PostgreSQL. */
  withRedis?: boolean;
  log: (line: string) => void;
  serverLog?: (line: string) => void;
  /** The embedded PostgreSQL archives its WAL here (backup.ts); unset: no archiving. */
  walArchiveDir?: string;
}

export interface RunningStack {
  databaseUrl: string;
  /** URL of another database on the same server (tests make one per file). */
  databaseUrlFor(database: string): string;
  redisUrl: string;
  /** Stops what this stack started, in reverse order. */
  stop(): Promise<void>;
}

/** Starts PostgreSQL and Redis unless URLs for them were given. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((error) => options.log(`stop failed: ${String(error)}`));
  };
  try {
    let databaseUrl = options.databaseUrl;
    let databaseUrlFor = (database: string) => {
      const url = new URL(databaseUrl!);
      url.pathname = `/${encodeURIComponent(database)}`;
      return url.toString();
    };
    if (!databaseUrl) {
      options.log(`starting PostgreSQL (embedded) on port ${options.postgresPort}, data in ${join(options.dataDir, 'postgres')}`);
      const postgres = await startEmbeddedPostgres({
        dataDir: join(options.dataDir, 'postgres'),
        port: options.postgresPort,
        database: options.databaseName,
        persistent: options.persistent,
        onLog: options.serverLog,
        onNotice: options.log,
        walArchiveDir: options.walArchiveDir,
      });
      stops.push(() => postgres.stop());
      databaseUrl = postgres.url;
      databaseUrlFor = postgres.urlFor;
    }

    let redisUrl = options.redisUrl ?? '';
    if (!redisUrl && options.withRedis !== false) {
      options.log(`starting Redis on port ${options.redisPort}, data in ${join(options.dataDir, 'redis')}`);
      const redis = await startLocalRedis({
        dataDir: join(options.dataDir, 'redis'),
        port: options.redisPort,
        persistent: options.persistent,
        allowInstall: options.allowInstall,
        onLog: options.serverLog,
      });
      stops.push(() => redis.stop());
      redisUrl = redis.url;
    }
    return { databaseUrl, databaseUrlFor, redisUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
