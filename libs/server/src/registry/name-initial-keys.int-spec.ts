import { createTestEnvironment, type TestEnvironment } from '@aqtalu/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreeingInitialRanges, agreeingInitialRangesSql, initialKeysOf } from './name-initial-keys.js';

/**
 * The key format of `name_initial_keys` is written twice: in the migration's SQL (the function that fills the table,
 * and the duplicate detection's ranges) and in TypeScript (the search's ranges). Change one and this names the other.
 */
describe('the keys of name_initial_keys, in SQL and in TypeScript', () => {
  let environment: TestEnvironment;
  let db: pg.Client;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await environment?.dispose();
  });

  const spellings: Array<[string, string]> = [
    ['baitursin', 'a.'], ['baitursin', 'a.k.'], ['baitursin akhmet', 'k.'], ['abai', 'a.o.'], ['abai', 'a.b.'], ['abai', 'b.'], ['abaiev', 'a.'],
    ['abai abai', 'a.'], ['abai', ''], ['', 'a.'], ['zhumabai', 'm.'], ['zhumabai', 'mk.'],
  ];

  it('makes the same keys of a spelling as the migration’s name_initial_keys_of', async () => {
    for (const [skeleton, initials] of spellings) {
      const sql = (await db.query<{ keys: string[] }>(`SELECT name_initial_keys_of($1, $2) AS keys`, [skeleton, initials])).rows[0]!.keys;
      expect([...sql].sort(), `${skeleton} | ${initials}`).toEqual(initialKeysOf(skeleton, initials).sort());
    }
  });

  it('reads the same keys by the search’s ranges as by the duplicate detection’s SQL ranges', async () => {
    const keys = spellings.flatMap(([skeleton, initials]) => initialKeysOf(skeleton, initials));
    for (const [word, initials] of [['abai', 'a.'], ['abai', 'a.o.'], ['baitursin', 'a.k.'], ['baitursin', 'a.'], ['zhumabai', 'm.']] as const) {
      const ranges = agreeingInitialRanges(word, initials);
      const byTypeScript = keys.filter((key) => ranges.some((range) => Buffer.compare(Buffer.from(key), Buffer.from(range.from)) >= 0 && Buffer.compare(Buffer.from(key), Buffer.from(range.to)) < 0));
      const bySql = (
        await db.query<{ key: string }>(
          `SELECT DISTINCT k.key FROM unnest($3::text[]) k(key), ${agreeingInitialRangesSql('$1::text', '$2::text')} r(low, high)
           WHERE k.key >= r.low COLLATE "C" AND k.key < r.high COLLATE "C"`,
          [word, initials, keys],
        )
      ).rows.map((row) => row.key);
      expect(bySql.sort(), `${word} | ${initials}`).toEqual([...new Set(byTypeScript)].sort());
      expect(bySql.length, `${word} | ${initials} finds its own keys`).toBeGreaterThan(0);
    }
  });
});
