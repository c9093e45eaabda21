import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { appendFile, chmod, chown, copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import pg from 'pg';
import { postgresServerUser, startEmbeddedPostgres, type RunningPostgres } from './postgres.js';
import { copyDataDir } from './standby.js';

/*
 * Backups made with PostgreSQL's own machinery only (the embedded package ships no pg_dump or pg_basebackup):
 * the server archives every WAL segment into `<backup dir>/wal` as it fills (`archive_command`, postgres.ts);
 * a base backup is `pg_backup_start` … a copy of the data folder … `pg_backup_stop`; a restore to a moment is
 * a base backup taken before it plus the archived WAL replayed up to it (`recovery_target_time`).
 *
 *   <backup dir>/wal/<segment>.gz               archived WAL, compressed, written by the server
 *   <backup dir>/base/<label>/data/             a data folder, with its backup_label
 *   <backup dir>/base/<label>/backup.json       what the backup is (BaseBackupManifest)
 *   <backup dir>/files/ab/cd/<sha256>           evidence files, content-addressed like STORAGE_DIR
 */

export const walArchiveOf = (backupDir: string) => join(backupDir, 'wal');
export const evidenceBackupOf = (backupDir: string) => join(backupDir, 'files');
const baseBackupsOf = (backupDir: string) => join(backupDir, 'base');

export interface BaseBackupManifest {
  label: string;
  /** When pg_backup_start was called. */
  startedAt: string;
  /** When pg_backup_stop answered: the earliest moment this backup can be restored to. */
  stoppedAt: string;
  startLsn: string;
  stopLsn: string;
  /** The first and the last WAL segment a restore of this backup needs from the archive. */
  startWalFile: string;
  stopWalFile: string;
  timeline: number;
  serverVersion: string;
  systemIdentifier: string;
  /** The source's data folder. */
  sourceDataDir: string;
  bytes: number;
}

export interface BaseBackupOptions {
  /** A superuser's URL of the server (the embedded cluster's user is one). */
  url: string;
  backupDir: string;
  onLog?: (line: string) => void;
}

/**
 * Takes a base backup of a server whose data folder is on this machine and which archives its WAL. The copy is
 * made under `<label>.partial` and renamed once complete, so a failed backup never looks like a good one.
 */
export async function takeBaseBackup(options: BaseBackupOptions): Promise<BaseBackupManifest & { path: string }> {
  const client = new pg.Client({ connectionString: options.url, application_name: 'aqtalu-backup' });
  await client.connect();
  try {
    const settings = await settingsOf(client, ['data_directory', 'archive_mode', 'archive_command', 'archive_library', 'server_version']);
    if (settings.archive_mode === 'off' || (!settings.archive_command && !settings.archive_library)) {
      throw new Error(
        'this PostgreSQL does not archive its WAL (archive_mode is off or archive_command is empty), so a base backup could not be restored to any moment: ' +
          'restart `npm start` (its embedded PostgreSQL archives into AQTALU_BACKUP_DIR/wal), or configure archiving as the README section "Backup and restore" shows',
      );
    }
    const dataDir = settings.data_directory!;
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      throw new Error(
        `the server's data folder ${dataDir} is not on this machine: back up a remote or containerised PostgreSQL with its own pg_basebackup (README, "Backup and restore")`,
      );
    }
    const { rows: identity } = await client.query<{ system_identifier: string }>(`SELECT system_identifier::text FROM pg_control_system()`);

    const startedAt = new Date();
    const label = `${compactTime(startedAt)}-${randomBytes(2).toString('hex')}`;
    const folder = join(baseBackupsOf(options.backupDir), label);
    const partial = `${folder}.partial`;
    await mkdir(partial, { recursive: true, mode: 0o700 });
    // pg_backup_start and pg_backup_stop must run on one session: this client's. fast: an immediate checkpoint.
    const started = await client.query<{ lsn: string }>(`SELECT pg_backup_start($1, fast => true)::text AS lsn`, [`aqtalu ${label}`]);
    options.onLog?.(`base backup ${label}: copying ${dataDir} (from WAL position ${started.rows[0]!.lsn})`);
    const copied = await copyDataDir(dataDir, join(partial, 'data'), true).then(
      () => null,
      (error: unknown) => error,
    );
    // Always end the backup (else the server keeps forcing full-page writes); it waits until its last WAL is archived.
    const stopped = await client.query<{ lsn: string; labelfile: string; spcmapfile: string | null; walfile: string }>(
      `SELECT lsn::text AS lsn, labelfile, spcmapfile, pg_walfile_name(lsn) AS walfile FROM pg_backup_stop(wait_for_archive => true)`,
    );
    if (copied) {
      await rm(partial, { recursive: true, force: true });
      throw copied;
    }
    const stop = stopped.rows[0]!;
    const stoppedAt = new Date();
    await writeFile(join(partial, 'data', 'backup_label'), stop.labelfile);
    if (stop.spcmapfile) await writeFile(join(partial, 'data', 'tablespace_map'), stop.spcmapfile);

    const startWal = /START WAL LOCATION: \S+ \(file ([0-9A-F]{24})\)/.exec(stop.labelfile);
    const timeline = /START TIMELINE: (\d+)/.exec(stop.labelfile);
    if (!startWal || !timeline) throw new Error(`pg_backup_stop answered a backup label this tool does not understand:\n${stop.labelfile}`);
    const manifest: BaseBackupManifest = {
      label,
      startedAt: startedAt.toISOString(),
      stoppedAt: stoppedAt.toISOString(),
      startLsn: started.rows[0]!.lsn,
      stopLsn: stop.lsn,
      startWalFile: startWal[1]!,
      stopWalFile: stop.walfile,
      timeline: Number(timeline[1]),
      serverVersion: settings.server_version!,
      systemIdentifier: identity[0]!.system_identifier,
      sourceDataDir: dataDir,
      bytes: await sizeOf(join(partial, 'data')),
    };
    await writeFile(join(partial, 'backup.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(partial, folder);
    return { ...manifest, path: folder };
  } finally {
    await client.end();
  }
}

/** The finished base backups in a backup folder, oldest first. */
export async function listBaseBackups(backupDir: string): Promise<Array<BaseBackupManifest & { path: string }>> {
  const root = baseBackupsOf(backupDir);
  if (!existsSync(root)) return [];
  const found: Array<BaseBackupManifest & { path: string }> = [];
  for (const name of await readdir(root)) {
    const file = join(root, name, 'backup.json');
    if (name.endsWith('.partial') || !existsSync(file)) continue;
    found.push({ ...(JSON.parse(await readFile(file, 'utf8')) as BaseBackupManifest), path: join(root, name) });
  }
  return found.sort((a, b) => a.stoppedAt.localeCompare(b.stoppedAt));
}

export interface PruneOutcome {
  removedBackups: string[];
  removedWalFiles: number;
}

/**
 * Keeps the newest `keep` base backups and the WAL from the oldest kept one on; so the oldest moment one can
 * restore to becomes that backup's end. Evidence files are never pruned (they are never deleted either).
 */
export async function pruneBackups(backupDir: string, keep: number): Promise<PruneOutcome> {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep at least one base backup (asked to keep ${keep})`);
  const backups = await listBaseBackups(backupDir);
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const backup of removed) await rm(backup.path, { recursive: true, force: true });
  const oldestKept = backups[removed.length];
  let removedWalFiles = 0;
  if (oldestKept && existsSync(walArchiveOf(backupDir))) {
    // Segment names are timeline (8 hex) + position (16 hex); like pg_archivecleanup, compare positions only.
    const keepFrom = oldestKept.startWalFile.slice(8);
    for (const name of await readdir(walArchiveOf(backupDir))) {
      const segment = /^[0-9A-F]{24}(\.partial)?\.gz$/.exec(name);
      if (segment && name.slice(8, 24) < keepFrom) {
        await rm(join(walArchiveOf(backupDir), name), { force: true });
        removedWalFiles += 1;
      }
    }
  }
  return { removedBackups: removed.map((backup) => backup.label), removedWalFiles };
}

export interface RestoreOptions {
  backupDir: string;
  /** The moment to restore to, or the end of the archived WAL. */
  target: Date | 'latest';
  /** A data folder that does not exist yet (or is empty). */
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}

export interface RestoredCluster extends RunningPostgres {
  dataDir: string;
  base: BaseBackupManifest;
  /** The commit time of the last transaction replayed, as PostgreSQL reported it. */
  lastTransactionAt: string | null;
  /** From the start of the copy to the server accepting writes. */
  seconds: number;
}

/**
 * Point-in-time restore into a fresh data folder: the newest base backup finished before the target, its WAL
 * fetched from the archive (`restore_command`) and replayed up to the target, then promoted. The running
 * server is answered; the recovery settings are removed again, so the folder starts as an ordinary cluster.
 */
export async function restoreToTime(options: RestoreOptions): Promise<RestoredCluster> {
  const started = Date.now();
  const log = options.onLog ?? (() => undefined);
  const backups = await listBaseBackups(options.backupDir);
  if (backups.length === 0) throw new Error(`there is no base backup in ${baseBackupsOf(options.backupDir)}: run \`npm run backup\` first`);
  const candidates = options.target === 'latest' ? backups : backups.filter((backup) => new Date(backup.stoppedAt) <= (options.target as Date));
  const base = candidates[candidates.length - 1];
  if (!base) {
    throw new Error(
      `no base backup had finished by ${(options.target as Date).toISOString()}: the earliest moment these backups can restore is ${backups[0]!.stoppedAt}`,
    );
  }
  const archive = resolve(walArchiveOf(options.backupDir)); // restore_command runs in the data folder
  const missing = await missingWal(archive, base);
  if (missing.length > 0) {
    throw new Error(`the WAL archive ${archive} lacks ${missing.join(', ')}, which base backup ${base.label} needs: restore from another base backup or find those segments`);
  }
  if (existsSync(options.dataDir) && (await readdir(options.dataDir)).length > 0) {
    throw new Error(`${options.dataDir} is not empty: a restore goes into a fresh folder, so it never overwrites data (choose another --into)`);
  }

  log(`restoring base backup ${base.label} (finished ${base.stoppedAt}) into ${options.dataDir}`);
  await rm(options.dataDir, { recursive: true, force: true });
  await copyDataDir(join(base.path, 'data'), options.dataDir, false);
  await mkdir(join(options.dataDir, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
  const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
  if (/['%\n]/.test(archive)) throw new Error(`the WAL archive folder ${archive} contains a quote, % or a line break: move the backups elsewhere`);
  const recovery = [
    '',
    '# point-in-time restore (libs/dev-stack/src/backup.ts); removed again once the restore has finished',
    `restore_command = ${quote(`test -f '${archive}/%f.gz' && gzip -dc '${archive}/%f.gz' > '%p'`)}`,
    `recovery_target_timeline = 'latest'`,
    ...(options.target === 'latest' ? [] : [`recovery_target_time = ${quote(postgresTargetTime(options.target))}`, `recovery_target_action = 'promote'`]),
    '',
  ];
  await appendFile(join(options.dataDir, 'postgresql.auto.conf'), recovery.join('\n'));
  await writeFile(join(options.dataDir, 'recovery.signal'), '');
  const owner = await postgresServerUser();
  if (owner) await chownTree(options.dataDir, owner.uid, owner.gid);
  await chmod(options.dataDir, 0o700);

  const lines: string[] = [];
  let server: RunningPostgres;
  try {
    server = await startEmbeddedPostgres({
      dataDir: options.dataDir,
      port: options.port,
      database: 'postgres',
      persistent: true,
      onLog: (line) => {
        lines.push(line);
        log(line);
      },
    });
  } catch (error) {
    const output = lines.join('\n');
    if (output.includes('recovery ended before configured recovery target was reached')) {
      throw new Error(
        `the WAL archive ends before ${options.target === 'latest' ? 'the target' : options.target.toISOString()}: restore to an earlier moment ` +
          `(the archive's newest segment is ${await newestSegment(archive)}; the server archives a changed segment within archive_timeout, 60 s by default), or add the surviving pg_wal segments of the damaged server to ${archive} first`,
      );
    }
    throw new Error(`the restored PostgreSQL did not start${error instanceof Error ? `: ${error.message}` : ''}\n${output.slice(-3000)}`);
  }

  const client = new pg.Client({ connectionString: server.urlFor('postgres') });
  await client.connect();
  try {
    for (let waited = 0; (await client.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]!.r; waited += 50) {
      if (waited > 600_000) throw new Error('the restored PostgreSQL is still in recovery after 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Rewrites postgresql.auto.conf without them: the next start is an ordinary one (no reload needed now).
    for (const setting of ['restore_command', 'recovery_target_timeline', 'recovery_target_time', 'recovery_target_action']) {
      await client.query(`ALTER SYSTEM RESET ${setting}`);
    }
  } finally {
    await client.end();
  }
  const last = /last completed transaction was at log time (.+)$/m.exec(lines.join('\n'));
  return {
    ...server,
    dataDir: options.dataDir,
    base,
    lastTransactionAt: last ? postgresTime(last[1]!) : null,
    seconds: (Date.now() - started) / 1000,
  };
}

export interface FileCopyOutcome {
  /** Objects copied now. */
  copied: number;
  /** Objects already there (copied by an earlier run). */
  present: number;
  bytes: number;
  /** Objects whose content does not match their name: not copied, named for a person to look at. */
  corrupt: string[];
}

/**
 * Copies the content-addressed objects (`ab/cd/<sha256>`) of `from` that `to` lacks, checking each one's hash
 * on the way; an object already in `to` is never read again, so a backup copies only what is new.
 */
export async function copyContentAddressedFiles(from: string, to: string): Promise<FileCopyOutcome> {
  const outcome: FileCopyOutcome = { copied: 0, present: 0, bytes: 0, corrupt: [] };
  if (!existsSync(from)) return outcome;
  const staging = join(to, 'tmp');
  await mkdir(staging, { recursive: true });
  for (const sha256 of await contentAddresses(from)) {
    const target = join(to, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    if (existsSync(target)) {
      outcome.present += 1;
      continue;
    }
    const source = join(from, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    const temporary = join(staging, `${sha256}-${randomBytes(4).toString('hex')}`);
    await copyFile(source, temporary);
    const actual = await sha256Of(temporary);
    if (actual !== sha256) {
      outcome.corrupt.push(source);
      await rm(temporary, { force: true });
      continue;
    }
    await mkdir(join(target, '..'), { recursive: true });
    // link() refuses to replace an existing object; rename() would silently do it.
    await link(temporary, target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    await rm(temporary, { force: true });
    outcome.copied += 1;
    outcome.bytes += (await stat(target)).size;
  }
  await rm(staging, { recursive: true, force: true });
  return outcome;
}

export interface FileCheckOutcome {
  checked: number;
  missing: string[];
  /** Present under their address with other content. */
  corrupt: string[];
}

/** Whether each object exists in a content-addressed folder and its bytes hash to its address. */
export async function checkContentAddressedFiles(root: string, sha256s: Iterable<string>): Promise<FileCheckOutcome> {
  const outcome: FileCheckOutcome = { checked: 0, missing: [], corrupt: [] };
  for (const sha256 of new Set(sha256s)) {
    outcome.checked += 1;
    const path = join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    if (!existsSync(path)) outcome.missing.push(sha256);
    else if ((await sha256Of(path)) !== sha256) outcome.corrupt.push(sha256);
  }
  return outcome;
}

async function contentAddresses(root: string): Promise<string[]> {
  const hex2 = /^[0-9a-f]{2}$/;
  const found: string[] = [];
  for (const first of (await readdir(root)).filter((name) => hex2.test(name))) {
    for (const second of (await readdir(join(root, first))).filter((name) => hex2.test(name))) {
      for (const name of await readdir(join(root, first, second))) {
        if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(first + second)) found.push(name);
      }
    }
  }
  return found.sort();
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(
    createReadStream(path),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done();
      },
    }),
  );
  return hash.digest('hex');
}

async function settingsOf(client: pg.Client, names: string[]): Promise<Record<string, string | undefined>> {
  const { rows } = await client.query<{ name: string; setting: string }>(`SELECT name, setting FROM pg_settings WHERE name = ANY($1)`, [names]);
  return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
}

/** The segments from a backup's start to its stop that the archive does not hold. */
async function missingWal(archive: string, backup: BaseBackupManifest): Promise<string[]> {
  const segmentsPerLog = 0x100000000n / (16n * 1024n * 1024n); // 16 MB segments, PostgreSQL's default
  const position = (name: string) => BigInt(`0x${name.slice(8, 16)}`) * segmentsPerLog + BigInt(`0x${name.slice(16, 24)}`);
  const nameOf = (timeline: string, at: bigint) =>
    `${timeline}${(at / segmentsPerLog).toString(16).toUpperCase().padStart(8, '0')}${(at % segmentsPerLog).toString(16).toUpperCase().padStart(8, '0')}`;
  const timeline = backup.startWalFile.slice(0, 8);
  const missing: string[] = [];
  for (let at = position(backup.startWalFile); at <= position(backup.stopWalFile); at += 1n) {
    const name = nameOf(timeline, at);
    if (!existsSync(join(archive, `${name}.gz`))) missing.push(name);
  }
  return missing;
}

async function newestSegment(archive: string): Promise<string> {
  const segments = existsSync(archive) ? (await readdir(archive)).filter((name) => /^[0-9A-F]{24}\.gz$/.test(name)).sort() : [];
  const newest = segments[segments.length - 1];
  if (!newest) return 'none';
  return `${newest}, archived ${(await stat(join(archive, newest))).mtime.toISOString()}`;
}

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await readdir(path)) total += await sizeOf(join(path, name));
  return total;
}

async function chownTree(path: string, uid: number, gid: number): Promise<void> {
  await chown(path, uid, gid);
  if (!(await stat(path)).isDirectory()) return;
  for (const name of await readdir(path)) await chownTree(join(path, name), uid, gid);
}

/** `2026-12-02 00:04:30.574+00`: recovery_target_time is read before time-zone abbreviations (such as Z) are known. */
function postgresTargetTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '+00');
}

/** PostgreSQL's log time (`2026-12-01 23:55:00.123456+00`) as ISO 8601, or null when it does not parse. */
function postgresTime(text: string): string | null {
  const date = new Date(text.trim().replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** 2026-12-01T23:55:00.123Z → 20261201T235500Z */
function compactTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
