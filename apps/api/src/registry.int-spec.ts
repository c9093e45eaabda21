import { readFileSync } from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@aqtalu/contracts';
import { demoLogins, RegistryImportService, RegistryService } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const variantsFile = new URL('../../../libs/domain/src/names/testdata/name-variants.tsv', import.meta.url);

interface Spelling {
  group: string;
  spelling: string;
  personId?: string;
}

interface ImportAnswer {
  totalRows: number;
  validRows: number;
  errors: Array<{ line: number; reason: string }>;
  importId: string;
  detail?: string;
}

/** Every spelling of the shared list, and the pairs of different people listed at its end. */
function loadSpellings(): { spellings: Spelling[]; different: Array<[string, string]> } {
  const text = readFileSync(variantsFile, 'utf8');
  const spellings = text
    .split('\n')
    .filter((line) => /^p\d+\t/.test(line))
    .map((line) => {
      const [group, spelling] = line.split('\t');
      return { group: group!, spelling: spelling!.trim() };
    });
  const different = [...text.matchAll(/(p\d+) and (p\d+)/g)].map((match) => [match[1]!, match[2]!] as [string, string]);
  return { spellings, different };
}

describe('registry of names over HTTP', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  let secretary: HttpSession;
  const { spellings, different } = loadSpellings();

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    secretary = await HttpSession.loginAs(baseUrl, demoLogins.find((l) => l.role === Role.Secretary)!);
    // each spelling as its own record, as archival lists bring them in
    for (const spelling of spellings) {
      const created = await secretary.post<{ id: string }>('/api/registry/persons', { names: [{ fullName: spelling.spelling, source: `name-variants.tsv ${spelling.group}` }] });
      expect(created.status).toBe(201);
      spelling.personId = created.body.id;
    }
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  it('finds, for every spelling, the other spellings of the same person in its top 5 (recall@5 ≥ 0.95)', async () => {
    let found = 0;
    let expected = 0;
    const misses: string[] = [];
    for (const query of spellings) {
      const others = spellings.filter((s) => s.group === query.group && s !== query).map((s) => s.personId!);
      const answer = await secretary.get<Array<{ personId: string }>>(`/api/registry/persons?filter=${encodeURIComponent(JSON.stringify({ q: query.spelling }))}&range=[0,5]`);
      expect(answer.status).toBe(200);
      const top = answer.body.filter((hit) => hit.personId !== query.personId).slice(0, 5).map((hit) => hit.personId);
      const want = Math.min(others.length, 5);
      const hits = others.filter((id) => top.includes(id)).length;
      found += Math.min(hits, want);
      expected += want;
      if (hits < want) misses.push(`${query.spelling}: ${hits}/${want}`);
    }
    const recall = found / expected;
    expect(recall, `misses: ${misses.join('; ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('says why a result matched', async () => {
    const answer = await secretary.get<Array<{ score: number; reasons: string[]; matchedVariant: string }>>(`/api/registry/persons?filter=${encodeURIComponent('{"q":"Bukeikhanov Alikhan"}')}`);
    expect(answer.body[0]!.score).toBeGreaterThan(0.8);
    expect(answer.body[0]!.reasons.length).toBeGreaterThan(0);
    expect(answer.body[0]!.matchedVariant).toMatch(/Бөкейхан|Букейханов|Bok|Buk|Álihan|Álihan/i);
  });

  it('finds a person listed by surname and initials from a full name, in another script', async () => {
    const created = await secretary.post<{ id: string }>('/api/registry/persons', { names: [{ fullName: 'Жандосов О.', source: 'Book of memory, vol. 2, p. 14' }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const answer = await secretary.get<Array<{ id: string }>>(`/api/registry/persons?filter=${encodeURIComponent('{"q":"Zhandosov Oraz"}')}`);
    expect(answer.body.slice(0, 5).map((hit) => hit.id), JSON.stringify(answer.body.slice(0, 5))).toContain(created.body.id);
  });

  it('proposes duplicates but merges nothing by itself; the listed different people stay apart', async () => {
    const sut = api.get(RegistryService);
    let round = await sut.detectDuplicates(500);
    while (round.checked > 0) round = await sut.detectDuplicates(500);
    const merged = await db.query(`SELECT count(*)::int AS n FROM persons WHERE merged_into_id IS NOT NULL`);
    expect(merged.rows[0].n).toBe(0);
    const proposals = await secretary.get<Array<{ id: string; personAId: string; personBId: string; score: number }>>('/api/registry/duplicates?range=[0,499]');
    expect(proposals.body.length).toBeGreaterThan(0);
    const groupOf = new Map(spellings.map((s) => [s.personId!, s.group] as const));
    const sameGroup = proposals.body.filter((p) => groupOf.get(p.personAId) === groupOf.get(p.personBId)).length;
    expect(sameGroup / proposals.body.length).toBeGreaterThan(0.9);
    for (const [a, b] of different) {
      const crossing = proposals.body.filter((p) => [groupOf.get(p.personAId), groupOf.get(p.personBId)].sort().join() === [a, b].sort().join());
      for (const pair of crossing) expect(pair.score).toBeLessThan(0.8);
    }
  });

  it('merges on a person\'s decision, keeping every spelling, and undoes the merge', async () => {
    const proposals = await secretary.get<Array<{ id: string; personAId: string; personBId: string }>>('/api/registry/duplicates');
    const pick = proposals.body[0]!;
    const before = await secretary.get<{ variants: unknown[] }>(`/api/registry/persons/${pick.personAId}`);
    const merged = await secretary.post<{ survivorId: string; mergedId: string }>(`/api/registry/duplicates/${pick.id}/merge`, {});
    expect(merged.status).toBe(200);
    const after = await secretary.get<{ variants: unknown[] }>(`/api/registry/persons/${pick.personAId}`);
    expect(after.body.variants.length).toBe(before.body.variants.length + 1);
    const search = await secretary.get<Array<{ personId: string }>>(`/api/registry/persons?filter=${encodeURIComponent(JSON.stringify({ q: spellings.find((s) => s.personId === pick.personBId)!.spelling }))}`);
    expect(search.body.map((hit) => hit.personId)).not.toContain(pick.personBId);

    expect((await secretary.post(`/api/registry/duplicates/${pick.id}/unmerge`, {})).status).toBe(200);
    const restored = await secretary.get<{ variants: unknown[]; mergedIntoId: string | null }>(`/api/registry/persons/${pick.personBId}`);
    expect(restored.body.mergedIntoId).toBeNull();
    expect(restored.body.variants.length).toBe(1);
    const audit = await db.query(`SELECT action FROM audit_log WHERE action IN ('person.merge', 'person.unmerge') ORDER BY id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['person.merge', 'person.unmerge']);
  });

  it('never proposes a pair again once marked as different people', async () => {
    const proposals = await secretary.get<Array<{ id: string; personAId: string; personBId: string }>>('/api/registry/duplicates');
    const pick = proposals.body[0]!;
    expect((await secretary.post(`/api/registry/duplicates/${pick.id}/different`, {})).status).toBe(200);
    await db.query(`UPDATE persons SET duplicates_checked_at = NULL`);
    await api.get(RegistryService).detectDuplicates(500);
    const again = await db.query(`SELECT status FROM duplicate_candidates WHERE person_a_id = $1 AND person_b_id = $2`, [pick.personAId, pick.personBId]);
    expect(again.rows).toEqual([{ status: 'different' }]);
  });

  describe('bulk import of an archival list', () => {
    const upload = async (csv: string, dryRun: boolean) => {
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'uprising-1931.csv');
      form.append('source', 'ЦГА РК, ф. 1137, оп. 1, д. 22');
      form.append('mapping', JSON.stringify({ surname: 'Фамилия', givenName: 'Имя', birthYear: 'Год рождения', birthplace: 'Место рождения', personId: 'ID' }));
      form.append('dryRun', String(dryRun));
      const response = await fetch(`${baseUrl}/api/registry/imports`, { method: 'POST', headers: { authorization: `Bearer ${secretary.token}` }, body: form });
      return { status: response.status, body: (await response.json()) as ImportAnswer };
    };
    const persons = async () => (await db.query(`SELECT count(*)::int AS n FROM persons`)).rows[0].n as number;

    it('reports every bad row with its line and reason in a dry run, and imports none of them', async () => {
      const before = await persons();
      const csv = ['Фамилия,Имя,Год рождения,Место рождения,ID', 'Омаров,Қуаныш,1901,Қарқаралы,', ',Серік,1899,,', 'Сейітов,Ерғали,тысяча,,', 'Әбілов,Нұрлан,1903,,not-an-id'].join('\n');
      const dry = await upload(csv, true);
      expect(dry.status).toBe(201);
      expect(dry.body.totalRows).toBe(4);
      expect(dry.body.validRows).toBe(1);
      expect(dry.body.errors.map((e) => e.line)).toEqual([3, 4, 5]);
      expect(dry.body.errors[0]!.reason).toBe('the surname (column "Фамилия") is empty');
      expect(dry.body.errors[1]!.reason).toContain('the birth year "тысяча" cannot be read');
      expect(dry.body.errors[2]!.reason).toContain('is not an id of the registry');
      const real = await upload(csv, false);
      expect(real.status).toBe(400);
      expect(real.body.detail).toContain('3 row(s) cannot be imported; nothing was imported');
      expect(await persons()).toBe(before);
    });

    it('loads a clean list, resumes after an interruption without duplicates, and adds to a known person by id', async () => {
      const known = spellings.find((s) => s.group === 'p03')!.personId!;
      const names = ['Омаров Қуаныш', 'Бекмұхамбетов Асқар', 'Тәжібаев Нұрлан', 'Сейітов Ерғали', 'Әбілов Серік'];
      const csv = ['Фамилия,Имя,Год рождения,Место рождения,ID', ...names.map((n, i) => `${n.split(' ')[0]},${n.split(' ')[1]},${1895 + i},Қарқаралы ауданы,`), `Жумабаев,Магжан,1893,,${known}`].join('\n');
      const before = await persons();
      const loaded = await upload(csv, false);
      expect(loaded.status, JSON.stringify(loaded.body)).toBe(201);
      const sut = api.get(RegistryImportService);
      // the first batch is applied, then the process "dies"
      expect(await sut.apply(loaded.body.importId, { batchSize: 2, maxBatches: 1 })).toEqual({ applied: 2, done: false });
      const resumed = await sut.apply(loaded.body.importId, { batchSize: 2 });
      expect(resumed).toEqual({ applied: 4, done: true });
      expect(await sut.apply(loaded.body.importId)).toEqual({ applied: 0, done: true });
      expect(await persons()).toBe(before + 5);
      const progress = await secretary.get<{ status: string; appliedRows: number; createdPersons: number; updatedPersons: number }>(`/api/registry/imports/${loaded.body.importId}`);
      expect(progress.body).toMatchObject({ status: 'done', appliedRows: 6, createdPersons: 5, updatedPersons: 1 });
      const variants = await db.query(`SELECT full_name, source FROM person_name_variants WHERE person_id = $1 AND source LIKE 'ЦГА РК%'`, [known]);
      expect(variants.rows).toEqual([{ full_name: 'Жумабаев Магжан', source: 'ЦГА РК, ф. 1137, оп. 1, д. 22, line 7' }]);
    });
  });

  it('browses without a name, refuses an empty name with 400, and lets no liaison read the registry', async () => {
    const browsed = await secretary.get<unknown[]>('/api/registry/persons?range=[0,4]');
    expect(browsed.status).toBe(200);
    expect(browsed.headers.get('content-range')).toMatch(/^persons 0-\d+\/\d+$/);
    const empty = await secretary.get<{ code: string }>(`/api/registry/persons?filter=${encodeURIComponent('{"q":"  "}')}`);
    expect(empty.status).toBe(400);
    const liaison = await HttpSession.loginAs(baseUrl, demoLogins.find((l) => l.role === Role.ArchiveLiaison)!);
    expect((await liaison.get(`/api/registry/persons?filter=${encodeURIComponent('{"q":"Жұмабаев"}')}`)).status).toBe(403);
  });
});
