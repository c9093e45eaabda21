import type { DataSource } from 'typeorm';
import { runMigrations } from './migrate.js';
import { seedReferenceData } from './reference-data.seed.js';

/** What every start does before serving: bring the schema up to date and add missing reference data. */
export async function prepareDatabase(dataSource: DataSource): Promise<string[]> {
  const applied = await runMigrations(dataSource);
  await seedReferenceData(dataSource);
  return applied.map((migration) => migration.name);
}
