import type { NestExpressApplication } from '@nestjs/platform-express';
import { type CaseSearchHit, Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

describe('full-text search across cases', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  let secretary: HttpSession;
  let member: HttpSession;
  let liaison: HttpSession;
  const ids: Record<string, string> = {};
  const find = (session: HttpSession, filter: Record<string, unknown>) => session.get<CaseSearchHit[]>(`/api/search?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,49]`);

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    secretary = await HttpSession.loginAs(baseUrl, demo(Role.Secretary));
    member = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
    liaison = await HttpSession.loginAs(baseUrl, demo(Role.ArchiveLiaison));
    const creator = (await db.query(`SELECT id FROM users WHERE email = $1`, [demo(Role.Secretary).email])).rows[0].id as string;
    const newCase = async (number: string, region: string, summary: string) =>
      (
        await db.query(
          `INSERT INTO cases (number, region_id, category_code, status, summary, applicant_kind, applicant_name, created_by)
           VALUES ($1, (SELECT id FROM regions WHERE code = $2), (SELECT code FROM victim_categories ORDER BY code LIMIT 1), 'archive_verification', $3, 'relative', 'Өтініш беруші', $4) RETURNING id`,
          [number, region, summary, creator],
        )
      ).rows[0].id as string;
    const scan = async (caseId: string, text: string) =>
      (
        await db.query(
          `INSERT INTO evidence (case_id, uploaded_by, kind, declared_mime, sha256, size, original_name, pages, text_content)
           VALUES ($1, $2, 'troika_protocol', 'application/pdf', repeat('a', 64), 1000, 'хаттама.pdf', 1, $3) RETURNING id`,
          [caseId, creator, text],
        )
      ).rows[0].id as string;
    ids.alm = await newCase('FTS-ALM-1', 'ALM', 'Просьба о реабилитации деда, расстрелянного по приговору тройки.');
    ids.kar = await newCase('FTS-KAR-1', 'KAR', 'Заявление внука.');
    ids.almScan = await scan(ids.alm, 'ВЫПИСКА ИЗ ПРОТОКОЛА заседания тройки УНКВД. Слушали: дело Жұмабаев Ақмешіт ауылы, Қарағанды облысы.');
    ids.karScan = await scan(ids.kar, 'Протокол допроса. Уроженец аула Ақмешіт, Каркаралинский район.');
    const person = (await db.query(`INSERT INTO persons (name_kk) VALUES ('Жұмабаев Сәкен') RETURNING id`)).rows[0].id as string;
    await db.query(`INSERT INTO case_subjects (case_id, person_id, position) VALUES ($1, $2, 0)`, [ids.alm, person]);
    await db.query(
      `INSERT INTO person_facts (person_id, recorded_for_id, kind, accept_key, value, source_kind, reference_text, note)
       VALUES ($1, $1, 'occupation', 'occupation', 'мұғалім', 'archival', 'ф. 1, оп. 1, д. 2', 'Работал учителем в школе Спасского завода')`,
      [person],
    );
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  it("finds an OCR'd word only in the cases of the caller's region, and in all for the secretary", async () => {
    const own = await find(member, { q: 'Ақмешіт' });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.map((hit) => [hit.source, hit.recordId, hit.caseNumber])).toEqual([['evidence', ids.almScan, 'FTS-ALM-1']]);
    expect(own.body[0]!.snippet).toContain('\u0002Ақмешіт\u0003');

    const all = await find(secretary, { q: 'Ақмешіт' });
    expect(all.body.map((hit) => hit.caseNumber).sort()).toEqual(['FTS-ALM-1', 'FTS-KAR-1']);
    expect((await find(liaison, { q: 'Ақмешіт' })).status).toBe(403);
    const audit = await db.query(`SELECT details FROM audit_log WHERE action = 'case.search' ORDER BY id`);
    expect(audit.rows.map((row) => row.details.returned)).toEqual([1, 2]);
  });

  it('matches Kazakh words without their letters, Russian words by stem, and facts\' notes through the case', async () => {
    // "Акмешит" and "Караганды" typed without the Kazakh letters
    expect((await find(member, { q: 'Акмешит' })).body.map((hit) => hit.recordId)).toEqual([ids.almScan]);
    expect((await find(secretary, { q: 'Караганды' })).body.map((hit) => hit.recordId)).toEqual([ids.almScan]);
    // the summary says "расстрелянного"; the search "расстрелян" (another form of the same stem)
    const stem = await find(member, { q: 'расстрелянный' });
    expect(stem.body.map((hit) => [hit.source, hit.caseId])).toEqual([['summary', ids.alm]]);
    const note = await find(member, { q: 'учитель', source: 'fact_note' });
    expect(note.body.map((hit) => [hit.source, hit.caseId, hit.title])).toEqual([['fact_note', ids.alm, 'Жұмабаев Сәкен']]);
    // ranked: a text naming the words twice comes first
    const ranked = await find(secretary, { q: 'тройки' });
    expect(ranked.body.map((hit) => hit.source)).toEqual(expect.arrayContaining(['evidence', 'summary']));
    expect(ranked.body.every((hit, index) => index === 0 || ranked.body[index - 1]!.rank >= hit.rank)).toBe(true);
    const short = await find(member, { q: 'а' });
    expect(short.status).toBe(400);
    expect((short.body as unknown as { code: string }).code).toBe('search.query_length');
  });
});
