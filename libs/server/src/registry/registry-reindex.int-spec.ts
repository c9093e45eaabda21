import { readFileSync } from 'node:fs';
import { nameKeyVersion, normaliseName, phoneticCode, spellingKeys } from '@aqtalu/domain';
import { createTestEnvironment, type TestEnvironment } from '@aqtalu/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { createDataSource } from '../database/data-source.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { reindexSpellings } from './registry-reindex.js';
import { RegistryService } from './registry.service.js';

const variantsFile = new URL('../../../domain/src/names/testdata/name-variants.tsv', import.meta.url);

/** Spellings as a folding before version 2 keyed them: word-initial у stayed u (Усманов → usman). */
const oldSpellings = [
  { fullName: 'Усманов Тұрар Бекұлы', oldSkeleton: 'bek turar usman' },
  { fullName: 'Умаров Ерлан', oldSkeleton: 'erlan umar' },
  { fullName: 'Ураз Ахметов', oldSkeleton: 'ahmet uraz' },
  { fullName: 'Uspanov Serik', oldSkeleton: 'serik uspan' },
  { fullName: 'Ыдырысов Ұлан', oldSkeleton: 'idiris ulan' },
];

describe('versioned search keys', () => {
  let environment: TestEnvironment;
  let dataSource: DataSource;
  let registry: RegistryService;
  const ids: string[] = [];

  beforeAll(async () => {
    environment = await createTestEnvironment();
    dataSource = createDataSource({ url: environment.databaseUrl, applicationName: 'reindex-test' });
    await dataSource.initialize();
    registry = new RegistryService(dataSource, new AuditService(dataSource), new OutboxService());
    for (const spelling of oldSpellings) {
      const personId = await dataSource.transaction((manager) => registry.createPerson(manager, { names: [{ fullName: spelling.fullName }] }));
      const [{ id }] = await dataSource.query(`SELECT id FROM person_name_variants WHERE person_id = $1`, [personId]);
      ids.push(id);
      // as version 1 stored it: the old skeleton, its pairs and words
      await dataSource.query(`UPDATE person_name_variants SET skeleton = $2, key_version = 1 WHERE id = $1`, [id, spelling.oldSkeleton]);
      await dataSource.query(`DELETE FROM name_word_pairs WHERE variant_id = $1`, [id]);
      await dataSource.query(`INSERT INTO name_word_pairs (pair, variant_id, skeleton) SELECT unnest(name_word_pairs($2)), $1, $2`, [id, spelling.oldSkeleton]);
      await dataSource.query(`INSERT INTO name_words (word) SELECT unnest(string_to_array($1, ' ')) ON CONFLICT DO NOTHING`, [spelling.oldSkeleton]);
    }
    await dataSource.query(`DELETE FROM name_words w WHERE NOT EXISTS (SELECT 1 FROM person_name_variants v WHERE string_to_array(v.skeleton, ' ') @> ARRAY[w.word])`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await environment?.dispose();
  });

  it('new spellings are stored with the current folding version', async () => {
    const personId = await dataSource.transaction((manager) => registry.createPerson(manager, { names: [{ fullName: 'Оспанов Серік' }] }));
    const [row] = await dataSource.query(`SELECT key_version, skeleton FROM person_name_variants WHERE person_id = $1`, [personId]);
    expect(row).toEqual({ key_version: nameKeyVersion, skeleton: spellingKeys('Оспанов Серік').skeleton });
    // and the database default is the same version, for bulk inserts that do not name the column
    const [{ column_default }] = await dataSource.query(
      `SELECT column_default FROM information_schema.columns WHERE table_name = 'person_name_variants' AND column_name = 'key_version'`,
    );
    expect(column_default).toBe(String(nameKeyVersion));
  });

  it('reindexes old spellings in batches, resumes after an interruption, and removes words no spelling uses', async () => {
    const vocabulary = async () => (await dataSource.query(`SELECT word FROM name_words ORDER BY word`)).map((row: { word: string }) => row.word);
    // the old keys: usman, not osman
    expect(await vocabulary()).toEqual(expect.arrayContaining(['usman', 'umar', 'uraz', 'uspan', 'ulan']));
    expect(await vocabulary()).not.toContain('osman');

    const progress: number[] = [];
    let batches = 0;
    const first = await reindexSpellings(dataSource, { batchSize: 2, shouldStop: () => batches++ >= 1, onProgress: ({ done }) => progress.push(done) });
    expect(first).toMatchObject({ done: 2, total: 5, complete: false });
    expect(progress).toEqual([2]);
    const versions = await dataSource.query(`SELECT key_version, count(*)::int AS n FROM person_name_variants WHERE id = ANY($1) GROUP BY key_version ORDER BY key_version`, [ids]);
    expect(versions).toEqual([{ key_version: 1, n: 3 }, { key_version: nameKeyVersion, n: 2 }]);

    const second = await reindexSpellings(dataSource, { batchSize: 2, onProgress: ({ done }) => progress.push(done) });
    expect(second).toMatchObject({ done: 3, total: 3, changed: 3, complete: true });
    expect(second.prunedWords).toBeGreaterThanOrEqual(5);
    expect(progress).toEqual([2, 2, 3]);

    for (const [i, spelling] of oldSpellings.entries()) {
      const keys = spellingKeys(spelling.fullName);
      const [row] = await dataSource.query(`SELECT skeleton, initials, phonetic_tokens, key_version FROM person_name_variants WHERE id = $1`, [ids[i]]);
      expect(row).toEqual({ skeleton: keys.skeleton, initials: keys.initials, phonetic_tokens: keys.phoneticTokens, key_version: nameKeyVersion });
      const pairs = await dataSource.query(`SELECT pair FROM name_word_pairs WHERE variant_id = $1 ORDER BY pair`, [ids[i]]);
      const [{ expected }] = await dataSource.query(`SELECT array(SELECT unnest(name_word_pairs($1)) ORDER BY 1) AS expected`, [keys.skeleton]);
      expect(pairs.map((row: { pair: string }) => row.pair)).toEqual(expected);
    }
    const words: string[] = await vocabulary();
    expect(words).toEqual(expect.arrayContaining(['osman', 'omar', 'oraz', 'ospan', 'olan']));
    expect(words.filter((word: string) => ['usman', 'umar', 'uraz', 'uspan', 'ulan'].includes(word))).toEqual([]);

    // found now, through the new keys
    expect((await registry.search('Osmanov Turar', { limit: 10 })).map((hit) => hit.matchedVariant)).toContain('Усманов Тұрар Бекұлы');
    // nothing left: a third run does nothing
    expect(await reindexSpellings(dataSource)).toMatchObject({ done: 0, total: 0, complete: true, prunedWords: 0 });
  });

  it("the database's phonetic code of a vocabulary word is libs/domain phoneticCode", async () => {
    const names = readFileSync(variantsFile, 'utf8').split('\n').filter((line) => /^p\d+\t/.test(line)).map((line) => line.split('\t')[1]!);
    const extra = ['Уәлиханов', 'Шоқан', 'Чокан', 'Тынышпаев', 'Кузьмич', 'Цой', 'Рысқұлов', 'Ұлан', 'Ахмет', 'Хамит', 'Mukhamedzhan', 'Kurnaz', 'Tsvetkov', 'Аубакир'];
    const words = [...new Set([...names, ...extra].flatMap((name) => normaliseName(name).parts.filter((part) => !part.initial).map((part) => part.stem)))];
    const rows: Array<{ word: string; code: string }> = await dataSource.query(`SELECT w AS word, name_word_code(w) AS code FROM unnest($1::text[]) w`, [words]);
    expect(rows.length).toBeGreaterThan(40);
    expect(Object.fromEntries(rows.map((row) => [row.word, row.code]))).toEqual(Object.fromEntries(words.map((word) => [word, phoneticCode(word)])));
  });
});
