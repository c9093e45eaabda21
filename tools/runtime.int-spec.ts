import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { pinnedRuntime } from './runtime.js';

const sut = pinnedRuntime();

describe('the pinned runtime in the integration tests', () => {
  it('runs them on Node 24, with the test PostgreSQL reachable from it', async () => {
    expect(process.version.startsWith('v24.')).toBe(true);
    expect(process.version).toBe(`v${sut.version}`);
    const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
    await client.connect();
    try {
      const [row] = (await client.query<{ ok: number }>('SELECT 1 AS ok')).rows;
      expect(row!.ok).toBe(1);
    } finally {
      await client.end();
    }
  });
});
