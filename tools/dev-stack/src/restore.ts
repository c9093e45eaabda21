import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '@aqtalu/dev-stack';
import { describeBackups, restore } from './backup-commands.js';
import { backupDir, dataDir, say } from './dev-environment.js';

const usage = 'usage: npm run restore -- --to "2026-05-01T14:30:00+05:00" | latest [--into <folder>]';

/**
 * `npm run restore -- --to "<time>"`: the database as it was at that moment, and the evidence files, into a
 * fresh folder (never over the current data); checks the audit chain and every evidence file's hash, then
 * says how to run Aqtalu on the restored folder.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { to: { type: 'string' }, into: { type: 'string' }, port: { type: 'string' } }, strict: true });
  if (!values.to) throw new Error(`say which moment to restore to with --to (${usage}); ${await describeBackups(backupDir)}`);
  const target = values.to === 'latest' ? 'latest' : new Date(values.to);
  if (target !== 'latest' && Number.isNaN(target.getTime())) {
    throw new Error(`--to "${values.to}" is not a time: write it as ISO 8601 with its offset, e.g. 2026-05-01T14:30:00+05:00, or latest`);
  }
  if (target !== 'latest' && target.getTime() > Date.now()) {
    throw new Error(`--to ${target.toISOString()} is in the future: to restore everything archived so far, use --to latest`);
  }
  const stamp = (target === 'latest' ? new Date() : target).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const into = resolve(values.into ?? join(dataDir, `restore-${stamp}`));
  const database = process.env.DATABASE_URL ? decodeURIComponent(new URL(process.env.DATABASE_URL).pathname.slice(1)) : 'aqtalu';
  say(`restoring to ${target === 'latest' ? 'the end of the WAL archive' : `${target.toISOString()} (UTC)`} from ${backupDir} into ${into}`);

  const { report, server } = await restore({ backupDir, target, into, port: values.port ? Number(values.port) : await freePort(), database, say });
  await server.stop();
  say(`restore finished in ${report.totalSeconds.toFixed(1)} s (database ${report.databaseSeconds.toFixed(1)} s, evidence files ${report.filesSeconds.toFixed(1)} s)`);
  say(`run Aqtalu on it:  AQTALU_DATA_DIR=${into} STORAGE_DIR=${report.filesDir} npm start`);
  say(`or, for production, copy ${report.dataDir} into the PostgreSQL data volume and the files into the bucket (README, "Backup and restore")`);
  if (!report.sound) {
    process.stderr.write('[aqtalu] the restore is not sound: see the lines above for the broken audit entry or the missing evidence files\n');
    process.exitCode = 1;
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(`[aqtalu] restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
