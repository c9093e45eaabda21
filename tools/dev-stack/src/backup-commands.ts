import { join } from 'node:path';
import {
  checkContentAddressedFiles,
  copyContentAddressedFiles,
  evidenceBackupOf,
  listBaseBackups,
  pruneBackups,
  restoreToTime,
  takeBaseBackup,
  type BaseBackupManifest,
  type FileCheckOutcome,
  type FileCopyOutcome,
  type RestoredCluster,
} from '@aqtalu/dev-stack';
import { createDataSource, verifyAuditLog, type AuditVerdict } from '@aqtalu/server';

/** What `npm run backup` and `npm run restore` do, apart from finding the servers; the drill test runs these. */

export interface BackupRequest {
  /** A superuser's URL of the server; its data folder must be on this machine. */
  databaseUrl: string;
  backupDir: string;
  /** The evidence files' STORAGE_DIR; null when they live in S3 (versioned and replicated there instead). */
  storageDir: string | null;
  /** Copy only new evidence files (cheap: run it often), no base backup. */
  filesOnly?: boolean;
  /** Keep this many base backups (and the WAL they need); older ones are removed. */
  keep?: number;
  say: (line: string) => void;
}

export interface BackupReport {
  base: (BaseBackupManifest & { path: string }) | null;
  files: FileCopyOutcome | null;
  seconds: number;
}

export async function backup(request: BackupRequest): Promise<BackupReport> {
  const started = Date.now();
  const { say } = request;
  let base: BackupReport['base'] = null;
  if (!request.filesOnly) {
    base = await takeBaseBackup({ url: request.databaseUrl, backupDir: request.backupDir, onLog: say });
    say(`base backup ${base.label}: ${megabytes(base.bytes)} in ${base.path}; restorable to any moment from ${base.stoppedAt} on`);
  }
  let files: FileCopyOutcome | null = null;
  if (request.storageDir) {
    files = await copyContentAddressedFiles(request.storageDir, evidenceBackupOf(request.backupDir));
    say(`evidence files: ${files.copied} new (${megabytes(files.bytes)}) copied, ${files.present} already backed up`);
    for (const path of files.corrupt) say(`NOT copied, its content does not match its name (look at it, restore it from an older backup): ${path}`);
  } else {
    say('evidence files live in S3 (STORAGE_DRIVER=s3): keep the bucket versioned and replicated, as the README says; nothing copied here');
  }
  if (request.keep !== undefined) {
    const pruned = await pruneBackups(request.backupDir, request.keep);
    if (pruned.removedBackups.length > 0) {
      say(`removed ${pruned.removedBackups.length} older base backups (${pruned.removedBackups.join(', ')}) and ${pruned.removedWalFiles} WAL segments only they needed`);
    }
  }
  return { base, files, seconds: (Date.now() - started) / 1000 };
}

export interface RestoreRequest {
  backupDir: string;
  target: Date | 'latest';
  /** A fresh folder: the cluster goes to `<into>/postgres`, the evidence files to `<into>/files`. */
  into: string;
  port: number;
  /** The application's database on the cluster. */
  database: string;
  say: (line: string) => void;
  /** PostgreSQL's own log lines of the recovery. */
  serverLog?: (line: string) => void;
}

export interface RestoreReport {
  base: BaseBackupManifest;
  /** The last transaction replayed, as PostgreSQL reported it. */
  lastTransactionAt: string | null;
  /** Base backup copied and WAL replayed, until the server accepted writes. */
  databaseSeconds: number;
  /** Evidence files copied back (and their hashes checked). */
  filesSeconds: number;
  /** From the command's start to a verified restore. */
  totalSeconds: number;
  cases: number;
  audit: AuditVerdict;
  evidence: FileCheckOutcome;
  dataDir: string;
  filesDir: string;
  /** True when the audit chain and every evidence file check out. */
  sound: boolean;
}

/**
 * Restores the cluster to `target` into a fresh folder, copies the evidence files back, and checks what came
 * back: the audit chain walks intact, and every file an evidence row names is there with its SHA-256. The
 * restored server is left running for the caller (who stops it).
 */
export async function restore(request: RestoreRequest): Promise<{ report: RestoreReport; server: RestoredCluster }> {
  const started = Date.now();
  const { say } = request;
  const dataDir = join(request.into, 'postgres');
  const filesDir = join(request.into, 'files');
  const server = await restoreToTime({ backupDir: request.backupDir, target: request.target, dataDir, port: request.port, onLog: request.serverLog });
  say(`database restored in ${server.seconds.toFixed(1)} s from base backup ${server.base.label}; last transaction replayed: ${server.lastTransactionAt ?? 'none after the backup'}`);
  try {
    const filesStarted = Date.now();
    const copied = await copyContentAddressedFiles(evidenceBackupOf(request.backupDir), filesDir);
    const filesSeconds = (Date.now() - filesStarted) / 1000;
    say(`evidence files: ${copied.copied} copied back (${megabytes(copied.bytes)}) in ${filesSeconds.toFixed(1)} s`);

    const dataSource = createDataSource({ url: server.urlFor(request.database), applicationName: 'aqtalu-restore' });
    await dataSource.initialize();
    try {
      const [{ cases }]: Array<{ cases: number }> = await dataSource.query('SELECT count(*)::int AS cases FROM cases');
      const audit = await verifyAuditLog(dataSource);
      const hashes: Array<{ sha256: string }> = await dataSource.query(
        `SELECT sha256 FROM evidence UNION SELECT thumbnail_sha256 FROM evidence WHERE thumbnail_sha256 IS NOT NULL`,
      );
      const evidence = await checkContentAddressedFiles(filesDir, hashes.map((row) => row.sha256.trim()));
      const report: RestoreReport = {
        base: server.base,
        lastTransactionAt: server.lastTransactionAt,
        databaseSeconds: server.seconds,
        filesSeconds,
        totalSeconds: (Date.now() - started) / 1000,
        cases,
        audit,
        evidence,
        dataDir,
        filesDir,
        sound: audit.intact && evidence.missing.length === 0 && evidence.corrupt.length === 0,
      };
      say(`${cases} cases; audit log ${audit.intact ? `intact (${audit.entries} sealed entries, ${audit.unsealed} not sealed yet)` : `BROKEN at entry ${audit.brokenAt}: ${audit.reason}`}`);
      say(
        `evidence files: ${evidence.checked - evidence.missing.length - evidence.corrupt.length} of ${evidence.checked} present with their SHA-256` +
          (evidence.missing.length ? `; MISSING (uploaded after the last \`npm run backup\`; find them in the old STORAGE_DIR): ${evidence.missing.join(', ')}` : '') +
          (evidence.corrupt.length ? `; CORRUPT: ${evidence.corrupt.join(', ')}` : ''),
      );
      return { report, server };
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** The base backups a restore could start from, for a person choosing a moment. */
export async function describeBackups(backupDir: string): Promise<string> {
  const backups = await listBaseBackups(backupDir);
  if (backups.length === 0) return `no base backup in ${backupDir} yet: run \`npm run backup\``;
  return `base backups in ${backupDir}: ${backups.map((b) => `${b.label} (restorable from ${b.stoppedAt})`).join(', ')}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
