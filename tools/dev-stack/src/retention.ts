import { join } from 'node:path';
import { AuditService, createDataSource, loadConfig, RetentionService, runMigrations } from '@aqtalu/server';
import { developmentJwtSecret, repoRoot, say, startDevStack } from './dev-environment.js';

/**
 * `npm run retention [-- --dry-run]`: applies the retention rules now, as the worker's daily job does (against
 * `DATABASE_URL` or the embedded database, and the uploads left in `STORAGE_DIR`), or with `--dry-run` counts
 * per category what it would delete or reduce and changes nothing. Either way one audit entry.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--dry-run');
  if (unknown.length) throw new Error(`unknown argument(s) ${unknown.join(' ')}; usage: npm run retention [-- --dry-run]`);
  const dryRun = args.includes('--dry-run');
  const stack = await startDevStack({ withRedis: false });
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    JWT_SECRET: await developmentJwtSecret(),
    STORAGE_DIR: process.env.STORAGE_DIR ?? join(repoRoot, '.data', 'files'),
  });
  const dataSource = createDataSource({ url: stack.databaseUrl, applicationName: 'retention' });
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const result = await new RetentionService(dataSource, new AuditService(dataSource), config).run({ dryRun });
    const rules = new Map(result.rules.map((rule) => [rule.category, rule]));
    say(dryRun ? 'retention dry run (nothing changed):' : 'retention run:');
    for (const [category, count] of Object.entries(result.counts)) {
      const rule = rules.get(category as keyof typeof result.counts);
      const action: string | undefined = rule?.action;
      const verb = action === 'keep' ? 'kept (rule: keep)' : `${dryRun ? 'would be ' : ''}${action === 'reduce' ? 'reduced' : 'deleted'} (older than ${rule?.keepDays} days)`;
      say(`  ${category}: ${count} ${verb}`);
    }
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
