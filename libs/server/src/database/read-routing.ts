import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * Where the reads of the current unit of work may go. The HTTP layer opens a scope per request
 * (`primary`) and turns it to `replica` for a GET of a caller who wrote nothing in the last few seconds
 * (apps/api/src/http/read-routing.interceptor.ts). Outside any scope (the worker, start-up, tests) every
 * statement goes to the primary.
 */
export interface ReadScope {
  reads: 'primary' | 'replica';
}

const scopes = new AsyncLocalStorage<ReadScope>();

export const readRouting = {
  /** Runs `callback` in a scope of its own; its reads go to the primary until `useReplica()`. */
  run<T>(callback: () => T): T {
    return scopes.run({ reads: 'primary' }, callback);
  },
  /** From now on, plain reads of this scope outside transactions may be served by a replica. */
  useReplica(): void {
    const scope = scopes.getStore();
    if (scope) scope.reads = 'replica';
  },
  current(): ReadScope['reads'] {
    return scopes.getStore()?.reads ?? 'primary';
  },
};

/**
 * A statement a hot standby can answer and whose answer may be a little stale: a SELECT (or WITH)
 * that locks no rows, writes nothing, takes no advisory lock and draws no sequence value. Anything
 * else, and anything in doubt, goes to the primary.
 */
export function isPlainRead(sql: string): boolean {
  if (!/^\s*(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*(?:select|with)\b/i.test(sql)) return false;
  return !/\b(?:insert|update|delete|merge|truncate|nextval|setval|set_config|pg_notify|txid_current|pg_current_xact_id)\b|\bfor\s+(?:no\s+key\s+update|key\s+share|share)\b|pg_(?:try_)?advisory/i.test(sql);
}

/** Errors after which a read on a replica is retried on the primary: the replica went away or cancelled it. */
export function isReplicaFailure(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const sqlState = typeof code === 'string' ? code : '';
  return (
    sqlState.startsWith('08') || // connection exception
    ['57P01', '57P02', '57P03', '40001', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(sqlState) ||
    /connection terminated|connection (?:is )?closed|client has encountered a connection error|timeout exceeded when trying to connect/i.test(String(message ?? ''))
  );
}

export interface ReadRoutingStats {
  /** Statements served by a replica. */
  replicaReads: number;
  /** Reads that wanted a replica and were served by the primary because none answered. */
  fallbacks: number;
  /** Per replica (in `DATABASE_REPLICA_URLS` order): whether it is believed reachable now. */
  replicasUp: boolean[];
}

const replicaIndex = Symbol('aqtalu.replicaIndex');
interface PgClient {
  [replicaIndex]?: number;
}
interface PgPool {
  connect(callback: (error: Error | undefined, client: PgClient, release: (error?: unknown) => void) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}
type PoolCredentials = { url?: string };
type RoutedRunner = QueryRunner & {
  mode: ReplicationMode;
  databaseConnection?: PgClient;
  databaseConnectionPromise?: Promise<unknown>;
};
interface RoutedDriver {
  slaves: PgPool[];
  postgres: { Pool: new (options: Record<string, unknown>) => PgPool };
  options: PostgresDriver['options'] & { replication?: { slaves: PoolCredentials[] } };
  createPool(options: unknown, credentials: PoolCredentials): Promise<PgPool>;
  obtainSlaveConnection(): Promise<[PgClient, (error?: unknown) => void]>;
  obtainMasterConnection(): Promise<[PgClient, (error?: unknown) => void]>;
  createQueryRunner(mode: ReplicationMode): RoutedRunner;
}

const statsOf = new WeakMap<DataSource, ReadRoutingStats>();

/** Counters of the routing installed on `dataSource` (zeros when it has no replicas). */
export function readRoutingStats(dataSource: DataSource): ReadRoutingStats {
  return statsOf.get(dataSource) ?? { replicaReads: 0, fallbacks: 0, replicasUp: [] };
}

/**
 * Teaches a replicated TypeORM DataSource (not yet initialised) three things TypeORM's replication
 * lacks: replica pools are opened lazily, so a replica that is down at start does not stop the process;
 * a replica that refuses a connection is left alone for `retryAfterMs` and its reads go to the primary;
 * and statements are routed by the read scope above instead of by how they were built, so the raw SQL
 * of lists and searches reaches a replica while every write, transaction and locking read stays on
 * the primary.
 */
export function installReadRouting(dataSource: DataSource, options: { retryAfterMs?: number; connectTimeoutMs?: number } = {}): void {
  const driver = dataSource.driver as unknown as RoutedDriver;
  const replicas = driver.options.replication?.slaves ?? [];
  if (replicas.length === 0) return;
  const logger = new Logger('ReadRouting');
  const retryAfterMs = options.retryAfterMs ?? 5_000;
  const downUntil = replicas.map(() => 0);
  const stats: ReadRoutingStats = {
    replicaReads: 0,
    fallbacks: 0,
    get replicasUp() {
      return downUntil.map((until) => until <= Date.now());
    },
  };
  statsOf.set(dataSource, stats);

  const markDown = (index: number, error: unknown) => {
    if (downUntil[index]! <= Date.now()) logger.warn(`read replica ${index + 1} is unreachable, its reads go to the primary for ${retryAfterMs} ms: ${String(error)}`);
    downUntil[index] = Date.now() + retryAfterMs;
  };

  // TypeORM connects to every replica in initialize() and fails when one is down: open them lazily.
  const createPool = driver.createPool.bind(driver);
  driver.createPool = async (poolOptions, credentials) => {
    if (!replicas.includes(credentials)) return createPool(poolOptions, credentials);
    const { applicationName, extra } = poolOptions as { applicationName?: string; extra?: Record<string, unknown> };
    const pool = new driver.postgres.Pool({
      connectionString: credentials.url,
      application_name: applicationName,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000,
      ...extra,
    });
    pool.on('error', (error) => logger.warn(`read replica pool: ${String(error)}`));
    return pool;
  };

  driver.obtainSlaveConnection = async () => {
    const now = Date.now();
    const candidates = replicas.map((_, index) => index).filter((index) => downUntil[index]! <= now);
    candidates.sort(() => Math.random() - 0.5);
    for (const index of candidates) {
      try {
        const [client, release] = await new Promise<[PgClient, (error?: unknown) => void]>((resolve, reject) =>
          driver.slaves[index]!.connect((error, client, release) => (error ? reject(error) : resolve([client, release]))),
        );
        client[replicaIndex] = index;
        return [client, release];
      } catch (error) {
        markDown(index, error);
      }
    }
    stats.fallbacks += 1;
    return driver.obtainMasterConnection();
  };

  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode: ReplicationMode) => {
    const runner = createQueryRunner(mode);
    const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
    const primaryQuery = (primary: QueryRunner) => primary.query.bind(primary) as typeof query;
    // A runner is bound to one connection from its first statement on: decide then, and only for a
    // runner that is not (and will not be, having no connection yet) in a transaction.
    runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
      const fresh = runner.databaseConnection === undefined && runner.databaseConnectionPromise === undefined;
      if (fresh && runner.mode === 'master' && !runner.isTransactionActive && readRouting.current() === 'replica' && isPlainRead(sql)) {
        runner.mode = 'slave';
      }
      if (runner.mode !== 'slave') return query(sql, parameters, structured);
      try {
        const result = await query(sql, parameters, structured);
        if (runner.databaseConnection?.[replicaIndex] !== undefined) stats.replicaReads += 1;
        return result;
      } catch (error) {
        if (!isReplicaFailure(error)) throw error;
        const index = runner.databaseConnection?.[replicaIndex];
        if (index !== undefined) markDown(index, error);
        stats.fallbacks += 1;
        const primary = createQueryRunner('master');
        try {
          return await primaryQuery(primary)(sql, parameters, structured);
        } finally {
          await primary.release();
        }
      }
    }) as QueryRunner['query'];
    return runner;
  };
}
