import type { DataSource } from 'typeorm';
import { grantApplicationRole } from './app-role.js';
import { runMigrations } from './migrate.js';
import { seedReferenceData } from './reference-data.seed.js';

/**
 * What every start does before serving: bring the schema up to date and add missing reference data. With
 * `appUrl` (the application's own connection, as another role than the owner's) it also grants that role
 * its privileges, so the application cannot rewrite the audit log.
 */
export async function prepareDatabase(dataSource: DataSource, options: { appUrl?: string } = {}): Promise<string[]> {
  const applied = await runMigrations(dataSource);
  await seedReferenceData(dataSource);
  if (options.appUrl) await grantApplicationRole(dataSource, options.appUrl);
  return applied.map((migration) => migration.name);
}
