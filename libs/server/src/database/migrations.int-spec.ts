import { createTestEnvironment, type TestEnvironment } from '@aqtalu/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from './data-source.js';
import { migrations } from './migrations/index.js';
import { runMigrations } from './migrate.js';

describe('migrations', () => {
  let environment: TestEnvironment;

  beforeAll(async () => {
    environment = await createTestEnvironment();
  });

  afterAll(async () => {
    await environment?.dispose();
  });

  it('revert to an empty schema and apply again, leaving nothing for the generator to add', async () => {
    const sut = createDataSource({ url: environment.ownerDatabaseUrl });
    await sut.initialize();
    try {
      // the template holds demo data that a schema revert cannot keep
      await sut.query('TRUNCATE users, regions, archives, holidays, notifications, outbox_messages CASCADE');
      for (let i = 0; i < migrations.length; i += 1) await sut.undoLastMigration({ transaction: 'each' });
      // "migrations" and "typeorm_metadata" (generated columns' expressions) are TypeORM's own, made by its runner
      const tables = await sut.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('migrations', 'typeorm_metadata')`,
      );
      expect(tables).toEqual([]);

      const applied = await runMigrations(sut);
      expect(applied).toHaveLength(migrations.length);
      const pending = await sut.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await sut.destroy();
    }
  });

  it('runs each migration once when two processes start together', async () => {
    const [a, b] = [createDataSource({ url: environment.ownerDatabaseUrl }), createDataSource({ url: environment.ownerDatabaseUrl })];
    await Promise.all([a.initialize(), b.initialize()]);
    try {
      const results = await Promise.all([runMigrations(a), runMigrations(b)]);
      expect(results.flat()).toEqual([]);
      const rows = await a.query('SELECT count(*)::int AS count FROM migrations');
      expect(rows[0].count).toBe(migrations.length);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
  });
});
