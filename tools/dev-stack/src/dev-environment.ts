import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startStack, type RunningStack } from '@aqtalu/dev-stack';

/** The repository's top folder (this file runs from tools/dev-stack/dist or src). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Everything the local servers keep between runs; git-ignored. */
export const dataDir = process.env.AQTALU_DATA_DIR ?? join(repoRoot, '.data');

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
