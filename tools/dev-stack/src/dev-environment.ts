import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { startStack, walArchiveOf, type RunningStack } from '@aqtalu/dev-stack';
import { newAuditKeyPair } from '@aqtalu/server';

/** The repository's top folder (this file runs from tools/dev-stack/dist or src). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Everything the local servers keep between runs; git-ignored. */
export const dataDir = process.env.AQTALU_DATA_DIR ?? join(repoRoot, '.data');

/** Base backups, the WAL archive and copies of the evidence files (`npm run backup`); see the README on where they must live. */
export const backupDir = resolve(process.env.AQTALU_BACKUP_DIR || join(dataDir, 'backups'));

export const devPorts = {
  postgres: Number(process.env.AQTALU_PG_PORT ?? 54329),
  redis: Number(process.env.AQTALU_REDIS_PORT ?? 63790),
};

export function say(line: string): void {
  process.stdout.write(`[aqtalu] ${line}\n`);
}

/** Starts (or reuses, through DATABASE_URL / REDIS_URL) the servers of the development stack. */
export function startDevStack({ withRedis = true } = {}): Promise<RunningStack> {
  return startStack({
    dataDir,
    persistent: true,
    databaseName: 'aqtalu',
    postgresPort: devPorts.postgres,
    redisPort: devPorts.redis,
    databaseUrl: process.env.DATABASE_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
    allowInstall: process.env.AQTALU_NO_INSTALL !== '1',
    withRedis,
    log: say,
    walArchiveDir: walArchiveOf(backupDir),
  });
}

/** A signing secret made once per checkout, so sessions survive restarts without a shared default. */
export async function developmentJwtSecret(): Promise<string> {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * The audit checkpoints' signing key, made once per checkout and kept beside the database's folder, never in
 * the database; with the folder the checkpoints are written to.
 */
export async function developmentAuditCheckpoints(): Promise<{ AUDIT_SIGNING_KEY: string; AUDIT_CHECKPOINT_DIR: string }> {
  const dir = process.env.AUDIT_CHECKPOINT_DIR ?? join(dataDir, 'audit-checkpoints');
  if (process.env.AUDIT_SIGNING_KEY) return { AUDIT_SIGNING_KEY: process.env.AUDIT_SIGNING_KEY, AUDIT_CHECKPOINT_DIR: dir };
  const file = join(dataDir, 'audit-signing-key');
  if (existsSync(file)) return { AUDIT_SIGNING_KEY: (await readFile(file, 'utf8')).trim(), AUDIT_CHECKPOINT_DIR: dir };
  await mkdir(dataDir, { recursive: true });
  const { signingKey } = newAuditKeyPair();
  await writeFile(file, `${signingKey}\n`, { mode: 0o600 });
  return { AUDIT_SIGNING_KEY: signingKey, AUDIT_CHECKPOINT_DIR: dir };
}
