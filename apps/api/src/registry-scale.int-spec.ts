import type { NestExpressApplication } from '@nestjs/platform-express';
import { allQueues, JobName, jobQueue, QueueName, Role } from '@aqtalu/contracts';
import { demoLogins, DuplicateDetectionService, RegistryImportService } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

interface ImportAnswer {
  totalRows: number;
  validRows: number;
  newRows?: number;
  changedRows?: number;
  unchangedRows?: number;
  errors: Array<{ line: number; reason: string; code: string; params: Record<string, unknown> }>;
  importId: string;
  code?: string;
}

interface Proposal {
  personAId: string;
  personBId: string;
  score: number;
  strong: boolean;
  reasonCodes: Array<{ code: string } | null>;
}

describe('the registry at scale: one-pass import, set-based duplicates, dates, the source\'s own ids', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  let secretary: HttpSession;

  const upload = async (rows: unknown[][], options: { dryRun: boolean; source: string; mapping: Record<string, string> }) => {
    const form = new FormData();
    form.append('file', new Blob([stringify(rows)], { type: 'text/csv' }), 'list.csv');
    form.append('source', options.source);
    form.append('mapping', JSON.stringify(options.mapping));
    form.append('dryRun', String(options.dryRun));
    const response = await fetch(`${baseUrl}/api/registry/imports`, { method: 'POST', headers: { authorization: `Bearer ${secretary.token}` }, body: form });
    return { status: response.status, body: (await response.json()) as ImportAnswer };
  };
  const importList = async (rows: unknown[][], source: string, mapping: Record<string, string>) => {
    const loaded = await upload(rows, { dryRun: false, source, mapping });
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(201);
    expect(await api.get(RegistryImportService).apply(loaded.body.importId)).toMatchObject({ done: true });
    return loaded.body.importId;
  };
  const count = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0].n as number;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    secretary = await HttpSession.loginAs(baseUrl, demoLogins.find((l) => l.role === Role.Secretary)!);
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  describe('import in one pass', () => {
    it('keeps every value COPY could misread (quotes, commas, backslashes, braces, a name of initials only) exactly as written', async () => {
      const names = ['Омаров, Қуаныш', 'О\'Коннор "Джон"', 'Иванов\\ Иван', 'Сейітов {Ерғали}', 'А. Б.', 'Әбілов Нұрлан\tСерікұлы'];
      const importId = await importList(
        [['ФИО', 'Год', 'Место'], ...names.map((name, i) => [name, 1900 + i, i % 2 ? '' : 'Қарқаралы, аул № 5'])],
        'ЦГА РК, ф. 1, оп. 1, д. 1',
        { fullName: 'ФИО', birthYear: 'Год', birthplace: 'Место' },
      );
      const stored = await db.query(
        `SELECT v.full_name, p.birth_year, p.birthplace, r.line FROM registry_import_rows r JOIN persons p ON p.id = r.person_id
         JOIN person_name_variants v ON v.person_id = p.id WHERE r.import_id = $1 ORDER BY r.line`,
        [importId],
      );
      expect(stored.rows.map((row) => row.full_name)).toEqual(names);
      expect(stored.rows.map((row) => row.birthplace)).toEqual(names.map((_, i) => (i % 2 ? null : 'Қарқаралы, аул № 5')));
      expect(stored.rows.map((row) => row.birth_year)).toEqual(names.map((_, i) => String(1900 + i)));
      const progress = await secretary.get<{ status: string; appliedRows: number; createdPersons: number }>(`/api/registry/imports/${importId}`);
      expect(progress.body).toMatchObject({ status: 'done', appliedRows: names.length, createdPersons: names.length });
    });

    it('refuses a file with a bad row after reading it once, leaving no import, staged row or person behind', async () => {
      const before = await count(`SELECT (SELECT count(*) FROM registry_imports) + (SELECT count(*) FROM registry_import_rows) + (SELECT count(*) FROM persons) AS n`);
      const refused = await upload([['ФИО', 'Год'], ['Омаров Қуаныш', '1901'], ['Сейітов Ерғали', 'тысяча']], { dryRun: false, source: 'ЦГА РК, ф. 1, оп. 1, д. 2', mapping: { fullName: 'ФИО', birthYear: 'Год' } });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('import.rows_invalid');
      expect(await count(`SELECT (SELECT count(*) FROM registry_imports) + (SELECT count(*) FROM registry_import_rows) + (SELECT count(*) FROM persons) AS n`)).toBe(before);
    });
  });

  describe('duplicate detection', () => {
    it('runs on a queue of its own, apart from imports', () => {
      expect(jobQueue[JobName.DetectDuplicates]).toBe(QueueName.Duplicates);
      expect(jobQueue[JobName.ApplyRegistryImport]).toBe(QueueName.Registry);
      expect(allQueues).toContain(QueueName.Duplicates);
    });

    it('proposes the same person in another script or by initials in order as strong; namesakes, brothers and reversed initials never', async () => {
      const person = async (fullName: string, birthYear: string | null, birthplace: string) =>
        (await secretary.post<{ id: string }>('/api/registry/persons', { names: [{ fullName }], birthYear, birthplace })).body.id;
      const askar = await person('Омаров Асқар Нұрланұлы', '1905', 'Қарқаралы');
      const sameInRussian = await person('Омаров Аскар Нурланович', '1905', 'Каркаралы');
      const byInitials = await person('Омаров А. Н.', '1905', 'Қарқаралы');
      const reversedInitials = await person('Омаров Н. А.', '1905', 'Қарқаралы');
      const otherFather = await person('Омаров Асқар Серікұлы', '1905', 'Қарқаралы');
      const otherYear = await person('Омаров Асқар Нұрланұлы', '1921', 'Қарқаралы');
      const otherPlace = await person('Омаров Асқар Нұрланұлы', '1905', 'Семей');
      const brother = await person('Омаров Серік Нұрланұлы', null, 'Қарқаралы');
      // a father and son of one name, year and place would be one person by every record; their relation says otherwise
      const father = await person('Сейітов Ерғали Бекұлы', '1880', 'Семей');
      const son = await person('Сейітов Ерғали Бекұлы', '1880', 'Семей');
      const related = await secretary.post(`/api/registry/persons/${son}/relations`, { relativeId: father, kind: 'father', source: { kind: 'book', bookTitle: 'Книга памяти', bookPage: 3 } });
      expect(related.status, JSON.stringify(related.body)).toBe(201);
      const mine = [askar, sameInRussian, byInitials, reversedInitials, otherFather, otherYear, otherPlace, brother, father, son];
      await db.query(`UPDATE persons SET duplicates_checked_at = now() WHERE NOT (id = ANY($1::uuid[]))`, [mine]);

      const detected = await api.get(DuplicateDetectionService).detectAll(3);
      expect(detected.checked).toBe(mine.length);
      const answer = await secretary.get<Proposal[]>(`/api/registry/duplicates?filter=${encodeURIComponent(JSON.stringify({ personId: askar }))}&range=[0,99]`);
      const withAskar = new Map(answer.body.map((p) => [p.personAId === askar ? p.personBId : p.personAId, p] as const));
      expect(withAskar.get(sameInRussian)?.strong, JSON.stringify(answer.body)).toBe(true);
      expect(withAskar.get(sameInRussian)!.reasonCodes.map((reason) => reason?.code)).toEqual(expect.arrayContaining(['match.birth_year_agrees', 'match.birthplace_agrees']));
      expect(withAskar.get(byInitials)?.strong).toBe(true);
      expect(withAskar.has(reversedInitials)).toBe(false);
      for (const namesake of [otherFather, otherYear, otherPlace, brother]) expect(withAskar.get(namesake)?.strong ?? false).toBe(false);
      expect(withAskar.get(otherYear)!.reasonCodes.map((reason) => reason?.code)).toContain('match.birth_year_differs');
      expect(await count(`SELECT count(*)::int AS n FROM duplicate_candidates WHERE $1 IN (person_a_id, person_b_id) AND $2 IN (person_a_id, person_b_id)`, [father, son])).toBe(0);
      // every stored reason reads back as a code of the catalogue
      expect(answer.body.flatMap((p) => p.reasonCodes).every((reason) => reason !== null)).toBe(true);

      // checked persons are not checked again; a decided or proposed pair is not proposed twice
      expect(await api.get(DuplicateDetectionService).detect()).toEqual({ checked: 0, proposed: 0 });
      await db.query(`UPDATE persons SET duplicates_checked_at = NULL WHERE id = ANY($1::uuid[])`, [mine]);
      expect((await api.get(DuplicateDetectionService).detectAll()).proposed).toBe(0);
    });
  });

  describe('facts and episodes by uncertain dates', () => {
    it('finds "autumn 1937" and "1937 or 1938" for arrests in 1937–1938, not 1936 or 1939, in the list dialect', async () => {
      const subject = (await secretary.post<{ id: string }>('/api/registry/persons', { names: [{ fullName: 'Тәжібаев Нұрлан' }] })).body.id;
      const source = { kind: 'archival', reference: 'ЦГА РК, ф. 1137, оп. 1, д. 22, л. 5' };
      const arrest = async (date: string) => {
        const created = await secretary.post<{ id: string }>(`/api/registry/persons/${subject}/facts`, { kind: 'episode', episodeKind: 'arrest', date, source });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        return created.body.id;
      };
      const autumn = await arrest('осень 1937');
      const either = await arrest('1937 или 1938');
      await arrest('1936');
      const later = await arrest('1939');
      const exile = await secretary.post<{ id: string }>(`/api/registry/persons/${subject}/facts`, { kind: 'episode', episodeKind: 'exile', date: '1937', source });
      expect(exile.status).toBe(201);

      const list = (filter: Record<string, unknown>) =>
        fetch(`${baseUrl}/api/registry/facts?filter=${encodeURIComponent(JSON.stringify({ personId: subject, ...filter }))}&sort=${encodeURIComponent('["date","ASC"]')}&range=[0,9]`, {
          headers: { authorization: `Bearer ${secretary.token}` },
        });
      const arrested = await list({ episodeKind: 'arrest', dateFrom: 1937, dateTo: 1938 });
      expect(arrested.status).toBe(200);
      expect(arrested.headers.get('content-range')).toBe('facts 0-1/2');
      expect(((await arrested.json()) as Array<{ id: string }>).map((fact) => fact.id).sort()).toEqual([autumn, either].sort());
      const fromSpring38 = (await (await list({ episodeKind: 'arrest', dateFrom: 'весна 1938' })).json()) as Array<{ id: string }>;
      expect(fromSpring38.map((fact) => fact.id)).toEqual([either, later]);
      const in1937 = (await (await list({ dateFrom: '1937', dateTo: '1937' })).json()) as Array<{ id: string; episodeKind: string }>;
      expect(in1937.map((fact) => fact.episodeKind).sort()).toEqual(['arrest', 'arrest', 'exile']);

      const reversed = await list({ dateFrom: 1939, dateTo: 1937 });
      expect(reversed.status).toBe(400);
      expect(((await reversed.json()) as { code: string }).code).toBe('registry.date_range_reversed');
      const unreadable = await list({ dateFrom: 'когда-то' });
      expect(unreadable.status).toBe(400);
      expect(((await unreadable.json()) as { code: string }).code).toBe('validation.date');
      const wrongType = await list({ dateTo: true });
      expect(((await wrongType.json()) as { code: string }).code).toBe('list.filter_value_invalid');
    });
  });

  describe('import by the source\'s own ids', () => {
    const source = 'Книга памяти Карагандинской области, т. 2';
    const mapping = { fullName: 'ФИО', birthYear: 'Год рождения', birthplace: 'Место рождения', externalId: '№' };
    const header = ['№', 'ФИО', 'Год рождения', 'Место рождения'];

    it('says in a dry run how many rows are new, changed and unchanged, and a corrected list updates its persons instead of adding them', async () => {
      await importList(
        [header, ['101', 'Бекмұхамбетов Асқар', '1899', 'Қарқаралы'], ['102', 'Сейтов Ергали', '1901', 'Семей'], ['103', 'Әбілов Серік', '1903', 'Баянауыл']],
        source,
        mapping,
      );
      const known = async (id: string) =>
        (await db.query(`SELECT x.person_id, p.birth_year, p.birthplace, v.full_name FROM person_external_ids x JOIN persons p ON p.id = x.person_id
                         JOIN person_name_variants v ON v.id = x.variant_id WHERE x.source = $1 AND x.external_id = $2`, [source, id])).rows[0];
      const before = { persons: await count(`SELECT count(*)::int AS n FROM persons`), seitov: await known('102'), abilov: await known('103') };
      const corrected = [header, ['101', 'Бекмұхамбетов Асқар', '1899', 'Қарқаралы'], ['102', 'Сейітов Ерғали', '1900', 'Семей'], ['103', 'Әбілов Серік', '1903', 'Баянауыл'], ['104', 'Тәжібаев Нұрлан', '1905', 'Ақмола']];
      const dry = await upload(corrected, { dryRun: true, source, mapping });
      expect(dry.status, JSON.stringify(dry.body)).toBe(201);
      expect(dry.body).toMatchObject({ totalRows: 4, validRows: 4, newRows: 1, changedRows: 1, unchangedRows: 2, errors: [] });
      expect(await count(`SELECT count(*)::int AS n FROM persons`)).toBe(before.persons);

      const importId = await importList(corrected, source, mapping);
      expect(await count(`SELECT count(*)::int AS n FROM persons`)).toBe(before.persons + 1);
      const progress = await secretary.get<Record<string, unknown>>(`/api/registry/imports/${importId}`);
      expect(progress.body).toMatchObject({ status: 'done', appliedRows: 4, createdPersons: 1, updatedPersons: 1, unchangedRows: 2 });
      const seitov = await known('102');
      expect(seitov).toMatchObject({ person_id: before.seitov.person_id, full_name: 'Сейітов Ерғали', birth_year: '1900', birthplace: 'Семей' });
      expect(await count(`SELECT count(*)::int AS n FROM person_name_variants WHERE person_id = $1`, [seitov.person_id])).toBe(1);
      expect(await known('103')).toEqual(before.abilov);
      // the corrected spelling is what the search finds
      const found = await secretary.get<Array<{ personId: string }>>(`/api/registry/persons?filter=${encodeURIComponent(JSON.stringify({ q: 'Сейітов Ерғали' }))}`);
      expect(found.body.map((hit) => hit.personId)).toContain(seitov.person_id);
      const shown = await secretary.get<{ nameKk: string | null; nameRu: string | null }>(`/api/registry/persons/${seitov.person_id}`);
      expect(shown.body).toMatchObject({ nameKk: 'Сейітов Ерғали', nameRu: null });

      // the same list once more changes nothing
      const again = await upload(corrected, { dryRun: true, source, mapping });
      expect(again.body).toMatchObject({ newRows: 0, changedRows: 0, unchangedRows: 4 });
    });

    it('keeps a person\'s own correction of the birth year when the source corrects its spelling only', async () => {
      await importList([header, ['201', 'Жұмабаев Ахмет', '1890', 'Қарқаралы']], source, mapping);
      const [{ person_id: personId }] = (await db.query(`SELECT person_id FROM person_external_ids WHERE source = $1 AND external_id = '201'`, [source])).rows;
      const person = await secretary.get<{ version: number }>(`/api/registry/persons/${personId}`);
      expect((await secretary.patch(`/api/registry/persons/${personId}`, { version: person.body.version, birthYear: '1891' })).status).toBe(200);
      await importList([header, ['201', 'Жұмабаев Ахмет Құнанбайұлы', '1890', 'Қарқаралы']], source, mapping);
      const after = await secretary.get<{ birthYear: string; variants: Array<{ fullName: string }> }>(`/api/registry/persons/${personId}`);
      expect(after.body.birthYear).toBe('1891');
      expect(after.body.variants.map((variant) => variant.fullName)).toEqual(['Жұмабаев Ахмет Құнанбайұлы']);
    });

    it('names a repeated or overlong id of the source by line, as codes', async () => {
      const dry = await upload([header, ['301', 'Омаров Қуаныш', '1901', ''], ['301', 'Омаров Серік', '1903', ''], ['x'.repeat(201), 'Омаров Ерлан', '1905', '']], { dryRun: true, source, mapping });
      expect(dry.status).toBe(201);
      expect(dry.body.errors.map((error) => [error.line, error.code, error.params])).toEqual([
        [3, 'import.row_external_id_repeated', { value: '301', line: 2 }],
        [4, 'import.row_external_id_too_long', { length: 201, max: 200 }],
      ]);
    });
  });
});
