import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role, type StatsAnswer, type StatsArchiveRow, type StatsBacklogRow, type StatsCountRow, type StatsDurationRow } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;
const day = 86_400_000;
const lifecycle = ['submitted', 'intake_review', 'archive_verification', 'working_group_review', 'commission_review'] as const;

/** A small deterministic generator (mulberry32), so the seeded year is the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The calendar day in Kazakhstan (UTC+5 since 2024) of a moment. */
const almatyDay = (at: Date) => new Date(at.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
const quarterOf = (at: Date) => {
  const dayText = almatyDay(at);
  return `${dayText.slice(0, 4)}-Q${Math.floor((Number(dayText.slice(5, 7)) - 1) / 3) + 1}`;
};
/** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!);
}

interface SeededCase {
  id: string;
  region: string;
  createdAt: Date;
  /** Status entered and when, the first being the status the case was created in. */
  entries: Array<{ status: string; at: Date }>;
  subjects: Array<{ id: string; bodies: string[] }>;
}

describe('statistics of a seeded year', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  let secretary: HttpSession;
  let member: HttpSession;
  let liaison: HttpSession;
  const cases: SeededCase[] = [];
  const requests: Array<{ archive: string; region: string; status: string; sentOn: string; dueDate: string; answeredDay: string | null }> = [];
  const year = { from: '2025-01-01', to: '2025-12-31' };
  const query = (extra: Record<string, string>) => new URLSearchParams({ ...year, ...extra }).toString();
  const today = almatyDay(new Date());

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

    expect(Number((await db.query(`SELECT count(*) AS n FROM cases`)).rows[0].n)).toBe(0);
    const codes = async (table: string) => (await db.query(`SELECT code FROM ${table} ORDER BY code LIMIT 3`)).rows.map((row) => row.code as string);
    const [categories, bodies, articles, kinds, archives] = [await codes('victim_categories'), await codes('sentencing_bodies'), await codes('criminal_articles'), await codes('sentence_kinds'), await codes('archives')];
    const creator = (await db.query(`SELECT id FROM users WHERE email = $1`, [demo(Role.Secretary).email])).rows[0].id as string;
    const next = random(17);
    const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
    const start = Date.UTC(2024, 11, 20, 7); // a few cases from late 2024: their steps may still end in 2025

    for (let index = 0; index < 48; index += 1) {
      const region = index % 3 === 0 ? 'KAR' : 'ALM';
      const createdAt = new Date(start + Math.floor(next() * 380) * day + Math.floor(next() * 10) * 3_600_000);
      const entries = [{ status: 'draft', at: createdAt }];
      const steps = Math.floor(next() * 7);
      for (let step = 0; step < steps; step += 1) {
        const previous = entries[entries.length - 1]!.at;
        const status = step < lifecycle.length ? lifecycle[step]! : pick(['rehabilitated', 'rejected']);
        entries.push({ status, at: new Date(previous.getTime() + (1 + Math.floor(next() * 60)) * day + Math.floor(next() * 20) * 3_600_000) });
      }
      const status = entries[entries.length - 1]!.status;
      const { rows } = await db.query(
        `INSERT INTO cases (number, region_id, category_code, status, applicant_kind, applicant_name, created_by, created_at)
         VALUES ($1, (SELECT id FROM regions WHERE code = $2), $3, $4, 'relative', 'Өтініш беруші', $5, $6) RETURNING id`,
        [`ST-${index}`, region, pick(categories), status, creator, createdAt],
      );
      const seeded: SeededCase = { id: rows[0].id, region, createdAt, entries, subjects: [] };
      for (let position = 1; position < entries.length; position += 1) {
        await db.query(`INSERT INTO case_events (case_id, occurred_at, kind, data) VALUES ($1, $2, 'transition', $3)`, [
          seeded.id, entries[position]!.at, { transition: 'seeded', from: entries[position - 1]!.status, to: entries[position]!.status },
        ]);
      }
      const subjectCount = index % 7 === 0 ? 0 : 1 + Math.floor(next() * 2);
      for (let position = 0; position < subjectCount; position += 1) {
        const person = (await db.query(`INSERT INTO persons (name_kk) VALUES ($1) RETURNING id`, [`Субъект ${index}-${position}`])).rows[0].id as string;
        const outcome = status === 'rehabilitated' || status === 'rejected' ? status : null;
        const subject = (await db.query(`INSERT INTO case_subjects (case_id, person_id, position, outcome) VALUES ($1, $2, $3, $4) RETURNING id`, [seeded.id, person, position, outcome])).rows[0].id as string;
        const episodes = Math.floor(next() * 3);
        const personBodies = new Set<string>();
        for (let episode = 0; episode < episodes; episode += 1) {
          const body = pick(bodies);
          personBodies.add(body);
          await db.query(
            `INSERT INTO person_facts (person_id, recorded_for_id, kind, episode_kind, accept_key, sentencing_body_code, article_codes, sentence_kind_code, source_kind, reference_text)
             VALUES ($1, $1, 'episode', 'sentence', 'episode:sentence', $2, $3, $4, 'archival', 'ф. 1, оп. 1, д. 1')`,
            [person, body, [pick(articles)], pick(kinds)],
          );
        }
        seeded.subjects.push({ id: subject, bodies: [...personBodies] });
      }
      cases.push(seeded);
    }

    for (let index = 0; index < 30; index += 1) {
      const seeded = cases[index]!;
      const sent = new Date(Date.UTC(2025, 0, 5) + Math.floor(next() * 360) * day);
      const sentOn = sent.toISOString().slice(0, 10);
      const dueDate = new Date(sent.getTime() + 30 * day).toISOString().slice(0, 10);
      const status = pick(['answered', 'answered', 'nothing_found', 'sent', 'in_progress', 'cancelled']);
      const answeredAt = status === 'answered' || status === 'nothing_found' ? new Date(sent.getTime() + (10 + Math.floor(next() * 40)) * day + 15 * 3_600_000) : null;
      const archive = pick(archives);
      await db.query(
        `INSERT INTO archive_requests (case_id, archive_id, sought, status, sent_on, due_date, answered_at, created_by)
         VALUES ($1, (SELECT id FROM archives WHERE code = $2), 'сведения', $3, $4, $5, $6, $7)`,
        [seeded.id, archive, status, sentOn, dueDate, answeredAt, creator],
      );
      requests.push({ archive, region: seeded.region, status, sentOn, dueDate, answeredDay: answeredAt ? almatyDay(answeredAt) : null });
    }
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  const inYear = (at: Date) => almatyDay(at) >= year.from && almatyDay(at) <= year.to;

  function expectedCounts(visible: SeededCase[], keyOf: (seeded: SeededCase, subject: SeededCase['subjects'][number] | null) => string[], periodOf: (at: Date) => string) {
    const table = new Map<string, { cases: Set<string>; applications: Set<string>; subjects: Set<string> }>();
    const cell = (period: string, key: string) => {
      const id = `${period}|${key}`;
      if (!table.has(id)) table.set(id, { cases: new Set(), applications: new Set(), subjects: new Set() });
      return table.get(id)!;
    };
    for (const seeded of visible) {
      const submitted = seeded.entries.find((entry) => entry.status === 'submitted');
      const subjects = seeded.subjects.length ? seeded.subjects : [null];
      for (const subject of subjects) {
        for (const key of keyOf(seeded, subject)) {
          if (inYear(seeded.createdAt)) {
            const counted = cell(periodOf(seeded.createdAt), key);
            counted.cases.add(seeded.id);
            if (subject) counted.subjects.add(subject.id);
          }
          if (submitted && inYear(submitted.at)) cell(periodOf(submitted.at), key).applications.add(seeded.id);
        }
      }
    }
    return [...table.entries()]
      .map(([id, counted]) => ({ period: id.split('|')[0], key: id.split('|')[1], cases: counted.cases.size, applications: counted.applications.size, subjects: counted.subjects.size }))
      .sort((a, b) => `${a.period}|${a.key}`.localeCompare(`${b.period}|${b.key}`));
  }
  const simplify = (rows: StatsCountRow[]) =>
    rows.map(({ period, key, cases: n, applications, subjects }) => ({ period, key, cases: n, applications, subjects })).sort((a, b) => `${a.period}|${a.key}`.localeCompare(`${b.period}|${b.key}`));

  it('counts applications, cases and subjects by quarter and region as the seeded data says, and a working group only its region', async () => {
    const all = await secretary.get<StatsAnswer<StatsCountRow>>(`/api/stats/counts?${query({ period: 'quarter', by: 'region' })}`);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(simplify(all.body.rows)).toEqual(expectedCounts(cases, (seeded) => [seeded.region], quarterOf));
    expect(all.body.rows.find((row) => row.key === 'ALM')?.nameRu).toBe('Алматинская область');

    const own = await member.get<StatsAnswer<StatsCountRow>>(`/api/stats/counts?${query({ period: 'quarter', by: 'region' })}`);
    expect(simplify(own.body.rows)).toEqual(expectedCounts(cases.filter((seeded) => seeded.region === 'ALM'), (seeded) => [seeded.region], quarterOf));
    expect(own.body.rows.every((row) => row.key === 'ALM')).toBe(true);
    expect((await liaison.get(`/api/stats/counts?${query({})}`)).status).toBe(403);
  });

  it('counts subjects by sentencing body over the year (a subject under each body that sentenced them)', async () => {
    const answer = await secretary.get<StatsAnswer<StatsCountRow>>(`/api/stats/counts?${query({ period: 'year', by: 'sentencingBody' })}`);
    expect(answer.status).toBe(200);
    const expected = expectedCounts(cases, (_, subject) => (subject && subject.bodies.length ? subject.bodies : ['none']), (at) => almatyDay(at).slice(0, 4));
    expect(simplify(answer.body.rows)).toEqual(expected);
  });

  it('gives the median and p90 of the days spent in each step left within the year, from the case history', async () => {
    const answer = await secretary.get<StatsAnswer<StatsDurationRow>>(`/api/stats/durations?${query({ period: 'quarter' })}`);
    expect(answer.status).toBe(200);
    const spent = new Map<string, number[]>();
    const byQuarter = new Map<string, number[]>();
    for (const seeded of cases) {
      seeded.entries.slice(0, -1).forEach((entry, index) => {
        const left = seeded.entries[index + 1]!.at;
        if (!inYear(left)) return;
        const days = (left.getTime() - entry.at.getTime()) / day;
        spent.set(entry.status, [...(spent.get(entry.status) ?? []), days]);
        const id = `${entry.status}|${quarterOf(left)}`;
        byQuarter.set(id, [...(byQuarter.get(id) ?? []), days]);
      });
    }
    const whole = answer.body.rows.filter((row) => row.period === null);
    expect(whole.length).toBeGreaterThanOrEqual(4);
    expect(whole.map((row) => row.step).sort()).toEqual([...spent.keys()].sort());
    for (const row of whole) {
      const values = spent.get(row.step)!;
      expect(row.count, row.step).toBe(values.length);
      expect(row.medianDays, row.step).toBeCloseTo(percentile(values, 0.5), 1);
      expect(row.p90Days, row.step).toBeCloseTo(percentile(values, 0.9), 1);
    }
    const trend = answer.body.rows.filter((row) => row.period !== null);
    expect(trend.map((row) => `${row.step}|${row.period}`).sort()).toEqual([...byQuarter.keys()].sort());
    for (const row of trend) expect(row.medianDays).toBeCloseTo(percentile(byQuarter.get(`${row.step}|${row.period}`)!, 0.5), 1);
  });

  it('counts archive requests answered on time per archive, and the backlog by stage and age', async () => {
    const answer = await secretary.get<StatsAnswer<StatsArchiveRow>>(`/api/stats/archive-requests?${query({})}`);
    expect(answer.status).toBe(200);
    for (const row of answer.body.rows) {
      const mine = requests.filter((request) => request.archive === row.archiveCode && request.sentOn >= year.from && request.sentOn <= year.to);
      const settled = mine.filter((request) => request.answeredDay !== null);
      const open = mine.filter((request) => request.status === 'sent' || request.status === 'in_progress');
      expect(row, row.archiveCode).toMatchObject({
        sent: mine.length,
        answered: settled.length,
        onTime: settled.filter((request) => request.answeredDay! <= request.dueDate).length,
        late: settled.filter((request) => request.answeredDay! > request.dueDate).length,
        openOverdue: open.filter((request) => request.dueDate < today).length,
        open: open.filter((request) => request.dueDate >= today).length,
        cancelled: mine.filter((request) => request.status === 'cancelled').length,
      });
    }
    expect(answer.body.rows.reduce((sum, row) => sum + row.sent, 0)).toBe(requests.length);
    expect(answer.body.rows.reduce((sum, row) => sum + row.onTime + row.late, 0)).toBeGreaterThan(0);

    const backlog = await member.get<StatsAnswer<StatsBacklogRow>>(`/api/stats/backlog?${query({})}`);
    const bucket = (days: number) => (days <= 30 ? '0-30' : days <= 90 ? '31-90' : days <= 180 ? '91-180' : days <= 365 ? '181-365' : '366+');
    const expected = new Map<string, number>();
    for (const seeded of cases.filter((item) => item.region === 'ALM')) {
      const last = seeded.entries[seeded.entries.length - 1]!;
      const days = Math.round((Date.parse(today) - Date.parse(almatyDay(last.at))) / day);
      const id = `${last.status}|${bucket(days)}`;
      expected.set(id, (expected.get(id) ?? 0) + 1);
    }
    expect(backlog.body.rows.length).toBeGreaterThan(0);
    expect(Object.fromEntries(backlog.body.rows.map((row) => [`${row.status}|${row.age}`, row.count]))).toEqual(Object.fromEntries(expected));
  });

  it('downloads a table as XLSX with its filters written above it, audited as an export', async () => {
    const json = await secretary.get<StatsAnswer<StatsCountRow>>(`/api/stats/counts?${query({ period: 'month', by: 'category', regionCode: 'ALM' })}`);
    const response = await fetch(`${baseUrl}/api/stats/counts.xlsx?${query({ period: 'month', by: 'category', regionCode: 'ALM' })}`, {
      headers: { authorization: `Bearer ${secretary.token}` },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    const preamble = new Map<string, unknown>();
    let row = 1;
    for (; values(row).length > 0; row += 1) preamble.set(String(values(row)[0]), values(row)[1]);
    expect(Object.fromEntries(preamble)).toMatchObject({ table: 'counts', from: '2025-01-01', to: '2025-12-31', period: 'month', by: 'category', regionCode: 'ALM', role: 'secretary' });
    const header = values(row + 1) as string[];
    expect(header).toEqual(['period', 'key', 'name_kk', 'name_ru', 'applications', 'cases', 'subjects']);
    const body = Array.from({ length: sheet.rowCount - row - 1 }, (_, index) => values(row + 2 + index));
    expect(body.map((cells) => [cells[0], cells[1], cells[5]])).toEqual(json.body.rows.map((item) => [item.period, item.key, item.cases]));
    await eventually(async () => (await db.query(`SELECT 1 FROM audit_log WHERE action = 'export' AND entity_type = 'stats-counts'`)).rowCount === 1);

    const bad = await secretary.get<{ code: string }>(`/api/stats/counts.xlsx?from=2025-12-31&to=2025-01-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('stats.period_range');
    expect((await secretary.get<{ code: string }>(`/api/stats/counts?by=camp`)).body.code).toBe('validation.must_be_one_of');
  });
});
