import type { DataSource, Migration } from 'typeorm';

/** Any constant works; it only has to be the same for every process of this application. */
const migrationLockKey = 7_331_001;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so several API replicas starting at once
 * apply each migration exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]).catch(() => undefined);
    await runner.release();
  }
}
