import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;
const registryRows = 200_000;
/** The API's RSS may grow by at most this much while it streams the registry (it runs in this process). */
const rssGrowthBound = 150 * 1024 * 1024;

describe('streamed exports of the lists', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  let secretary: HttpSession;
  let member: HttpSession;
  let liaison: HttpSession;

  const download = async (session: HttpSession, path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${session.token}` } });
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer()) };
  };
  const insertCase = async (number: string, regionCode: string, summary: string) => {
    const { rows } = await db.query(
      `INSERT INTO cases (number, region_id, category_code, status, summary, applicant_kind, applicant_name, created_by)
       VALUES ($1, (SELECT id FROM regions WHERE code = $2), 'counter_revolutionary', 'intake_review', $3, 'relative', 'Айгерім Нұрланқызы',
               (SELECT id FROM users WHERE email = $4)) RETURNING id`,
      [number, regionCode, summary, demo(Role.Secretary).email],
    );
    return rows[0].id as string;
  };
  const auditOf = (resource: string, since: number) =>
    eventually(async () => {
      const { rows } = await db.query(`SELECT details, actor_role FROM audit_log WHERE action = 'export' AND entity_type = $1 AND id > $2 ORDER BY id`, [resource, since]);
      return rows.length > 0 ? rows : null;
    });
  const lastAuditId = async () => Number((await db.query(`SELECT coalesce(max(id), 0) AS id FROM audit_log`)).rows[0].id);

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
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  it('streams 200,000 registry rows as CSV with the API process under its memory bound, escaped, audited once with the count', async () => {
    await db.query(
      `INSERT INTO persons (name_kk, name_ru, birth_year, birthplace)
       SELECT 'Тестұлы ' || g, 'Тестов ' || g, (1880 + g % 50)::text, 'ауыл ' || (g % 977) FROM generate_series(1, $1::int) g`,
      [registryRows - 1],
    );
    await db.query(`INSERT INTO persons (name_kk, name_ru, birth_year) VALUES ('@SUM(1+1)', '=HYPERLINK("http://example.com")', '1900')`);
    const expected = Number((await db.query(`SELECT count(*) AS n FROM persons WHERE merged_into_id IS NULL`)).rows[0].n);
    expect(expected).toBeGreaterThanOrEqual(registryRows);
    const since = await lastAuditId();

    const before = process.memoryUsage().rss;
    let peak = before;
    const response = await fetch(`${baseUrl}/api/exports/persons?format=csv&sort=${encodeURIComponent('["birthYear","ASC"]')}&range=${encodeURIComponent('[0,9]')}`, {
      headers: { authorization: `Bearer ${secretary.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    let lines = 0;
    let bytes = 0;
    let first = '';
    let tail = '';
    let escapedAt = false;
    let escapedEq = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      const text = tail + decoder.decode(value, { stream: true });
      if (first.length < 200) first += text.slice(0, 200);
      for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines += 1;
      escapedAt ||= text.includes("'@SUM(1+1)");
      escapedEq ||= text.includes(`"'=HYPERLINK(""http://example.com"")"`);
      // keep a few characters so a value split between chunks is still seen (not counted twice: no newline in it)
      tail = text.slice(-60).replace(/^[\s\S]*\n/, '');
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const growth = peak - before;
    console.info(`export of ${expected} registry rows: ${(bytes / 1048576).toFixed(1)} MB of CSV, RSS ${(before / 1048576).toFixed(0)} → peak ${(peak / 1048576).toFixed(0)} MB (growth ${(growth / 1048576).toFixed(1)} MB)`);
    expect(first.charCodeAt(0)).toBe(0xfeff);
    expect(first.slice(1).startsWith('name_kk,name_ru,birth_year')).toBe(true);
    // the page clamp (100) does not apply: every row came, after the header
    expect(lines).toBe(expected + 1);
    expect(escapedAt).toBe(true);
    expect(escapedEq).toBe(true);
    expect(growth).toBeLessThan(rssGrowthBound);
    const audit = await auditOf('persons', since);
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ format: 'csv', rows: expected, completed: true });
  }, 300_000);

  it('exports only the cases of the caller\'s region, formula cells escaped in XLSX too, and refuses a role without the list', async () => {
    const alm = [await insertCase('EXP-ALM-1', 'ALM', '=1+2'), await insertCase('EXP-ALM-2', 'ALM', '+7 701 000 00 00')];
    await insertCase('EXP-KAR-1', 'KAR', 'не в регионе');
    const since = await lastAuditId();

    const xlsx = await download(member, `/api/exports/cases?format=xlsx&filter=${encodeURIComponent('{"q":"EXP-"}')}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const numberColumn = header.indexOf('number') + 1;
    const summaryColumn = header.indexOf('summary') + 1;
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, index) => sheet.getRow(index + 2));
    expect(rows.map((row) => row.getCell(numberColumn).value).sort()).toEqual(['EXP-ALM-1', 'EXP-ALM-2']);
    expect(rows.map((row) => row.getCell(summaryColumn).value).sort()).toEqual(["'+7 701 000 00 00", "'=1+2"]);
    // no cell of the file is a formula
    rows.forEach((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

    const audit = await auditOf('cases', since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_role: 'wg_member', details: { format: 'xlsx', rows: alm.length, filter: { q: 'EXP-' } } });

    const all = await download(secretary, `/api/exports/cases?format=csv&filter=${encodeURIComponent('{"q":"EXP-"}')}`);
    const numbers = all.body.toString('utf8').split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[0]);
    expect(numbers.sort()).toEqual(['EXP-ALM-1', 'EXP-ALM-2', 'EXP-KAR-1']);

    expect((await download(liaison, '/api/exports/cases?format=csv')).status).toBe(403);
    const badFormat = await member.get<{ code: string }>('/api/exports/cases?format=pdf');
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.code).toBe('validation.must_be_one_of');
    const badFilter = await member.get<{ code: string }>(`/api/exports/cases?filter=${encodeURIComponent('{"nope":1}')}`);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.code).toBe('list.filter_unknown');
  }, 60_000);
});
