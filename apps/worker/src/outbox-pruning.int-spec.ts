import type { INestApplicationContext } from '@nestjs/common';
import { createDataSource, OutboxPruner } from '@aqtalu/server';
import { createTestEnvironment, eventually, type TestEnvironment } from '@aqtalu/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from './bootstrap.js';

describe('outbox pruning (OUTBOX_RETENTION_DAYS)', () => {
  let environment: TestEnvironment;
  let dataSource: DataSource;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    environment = await createTestEnvironment({ OUTBOX_RETENTION_DAYS: '7' });
    dataSource = createDataSource({ url: environment.databaseUrl, applicationName: 'test' });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await worker?.close();
    await dataSource?.destroy();
    await environment?.dispose();
  });

  /** A row created `createdDaysAgo` and published `publishedDaysAgo` (null: never) days ago; returns its id. */
  async function row(createdDaysAgo: number, publishedDaysAgo: number | null): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO outbox_messages (job_name, payload, created_at, dispatched_at, attempts)
       VALUES ('deliver-notification', '{}', now() - make_interval(days => $1),
               CASE WHEN $2::int IS NULL THEN NULL ELSE now() - make_interval(days => $2::int) END, 1)
       RETURNING id`,
      [createdDaysAgo, publishedDaysAgo],
    );
    return id;
  }

  const remaining = async (ids: string[]) =>
    ((await dataSource.query(`SELECT id FROM outbox_messages WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids])) as Array<{ id: string }>).map((r) => r.id);

  it('deletes published rows older than the retention and never a row not yet published', async () => {
    const oldPublished = [await row(9, 8), await row(30, 29)];
    const recentPublished = await row(7, 6);
    const oldUnpublished = await row(30, null);
    const sut = new OutboxPruner(dataSource, environment.config);

    expect(await sut.pruneOnce()).toBe(2);
    expect(await remaining([...oldPublished, recentPublished, oldUnpublished])).toEqual([recentPublished, oldUnpublished]);
    expect(await sut.pruneOnce()).toBe(0);
    // a shorter retention reaches the recent one too, still not the unpublished one
    expect(await sut.pruneOnce(5)).toBe(1);
    expect(await remaining([recentPublished, oldUnpublished])).toEqual([oldUnpublished]);
    await dataSource.query(`DELETE FROM outbox_messages WHERE id = $1`, [oldUnpublished]);
  });

  it('is run by the worker on its own once it has started', async () => {
    const old = await row(10, 9);
    const kept = await row(1, 1);
    worker = await createWorker(environment.config);
    await worker.init();
    await eventually(async () => (await remaining([old])).length === 0, 20_000, 'the worker to prune the old row');
    expect(await remaining([kept])).toEqual([kept]);
  });
});
