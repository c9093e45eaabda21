import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { embeddedPostgresUrl, runningEmbeddedPostgresPort } from '@aqtalu/dev-stack';
import { backup } from './backup-commands.js';
import { backupDir, dataDir, repoRoot, say, startDevStack } from './dev-environment.js';

const usage = 'usage: npm run backup [-- --files-only] [--keep N]';

/**
 * `npm run backup`: a base backup of the database (its WAL is archived continuously by the server) and a copy
 * of the evidence files not backed up yet, into AQTALU_BACKUP_DIR (default .data/backups). Works while
 * `npm start` runs (against its PostgreSQL) and while it does not (starts PostgreSQL for the backup).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'files-only': { type: 'boolean' }, keep: { type: 'string' } }, strict: true });
  const keep = values.keep === undefined ? undefined : Number(values.keep);
  if (keep !== undefined && !(Number.isInteger(keep) && keep >= 1)) throw new Error(`--keep takes a number of base backups, at least 1 (${usage})`);
  const storageDir = process.env.STORAGE_DRIVER === 's3' ? null : (process.env.STORAGE_DIR ?? join(repoRoot, '.data', 'files'));

  let stop = async () => undefined as void;
  // A backup needs the owner's rights (pg_backup_start); the application's role has none.
  let databaseUrl = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL;
  if (!databaseUrl) {
    const port = await runningEmbeddedPostgresPort(join(dataDir, 'postgres'));
    if (port) {
      say(`backing up the running embedded PostgreSQL (port ${port})`);
      databaseUrl = embeddedPostgresUrl(port, 'aqtalu');
    } else {
      const stack = await startDevStack({ withRedis: false });
      databaseUrl = stack.databaseUrl;
      stop = stack.stop;
    }
  }
  try {
    const report = await backup({ databaseUrl, backupDir, storageDir, filesOnly: values['files-only'], keep, say });
    say(`backup done in ${report.seconds.toFixed(1)} s into ${backupDir}`);
    say('keep this folder on storage in the territory of Kazakhstan (Law No. 94-V on personal data), on another disk or machine than .data');
    if (report.files && report.files.corrupt.length > 0) process.exitCode = 1;
  } finally {
    await stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(`[aqtalu] backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
