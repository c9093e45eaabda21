import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

interface Holiday { id: string; date: string; nameKk: string; nameRu: string; nameEn: string }
interface Coverage { coveredUntil: string | null; warning: { code: string; params: Record<string, unknown> } | null }

describe('the holiday calendar beyond its seeded years', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  let admin: HttpSession;
  let secretary: HttpSession;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    secretary = await HttpSession.loginAs(baseUrl, demo(Role.Secretary));
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  it('is kept by an administrator (add a year, a moving holiday, rename, remove), audited, and read by others', async () => {
    const before = Number((await db.query(`SELECT count(*) AS n FROM holidays WHERE extract(year FROM date) = 2028`)).rows[0].n);
    expect(before).toBe(0);
    const fixed = await admin.post<Holiday[]>('/api/calendar/years/2028/fixed-holidays', {});
    expect(fixed.status).toBe(200);
    expect(fixed.body.map((holiday) => holiday.date)).toContain('2028-03-22');
    expect((await admin.post<Holiday[]>('/api/calendar/years/2028/fixed-holidays', {})).body).toEqual([]);

    const kurban = await admin.post<Holiday>('/api/calendar/holidays', { date: '2028-05-05', nameKk: 'Құрбан айт', nameRu: 'Курбан айт', nameEn: 'Kurban Ait' });
    expect(kurban.status, JSON.stringify(kurban.body)).toBe(201);
    const again = await admin.post<{ code: string }>('/api/calendar/holidays', { date: '2028-05-05', nameKk: 'Құрбан айт', nameRu: 'Курбан айт', nameEn: 'Kurban Ait' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('calendar.holiday_exists');
    const badDate = await admin.post<{ code: string }>('/api/calendar/holidays', { date: '2028-02-30', nameKk: 'Жоқ күн', nameRu: 'Нет дня', nameEn: 'No day' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.code).toBe('validation.format');

    const renamed = await admin.patch<Holiday>('/api/calendar/holidays/2028-05-05', { nameEn: 'Kurban Ait (first day)' });
    expect(renamed.body.nameEn, JSON.stringify(renamed.body)).toBe('Kurban Ait (first day)');
    const list = await secretary.get<Holiday[]>(`/api/calendar/holidays?filter=${encodeURIComponent('{"year":2028}')}&range=[0,99]`);
    expect(list.status).toBe(200);
    expect(list.body.map((holiday) => holiday.date)).toEqual([...fixed.body.map((holiday) => holiday.date), '2028-05-05'].sort());
    expect((await secretary.post('/api/calendar/holidays', { date: '2028-12-31', nameKk: 'Жаңа', nameRu: 'Новый', nameEn: 'New' })).status).toBe(403);

    expect((await admin.request('DELETE', '/api/calendar/holidays/2028-05-05')).status).toBe(200);
    expect((await admin.request<{ code: string }>('DELETE', '/api/calendar/holidays/2028-05-05')).body.code).toBe('calendar.holiday_not_found');
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_type = 'holiday' ORDER BY id`);
    expect(audit.rows.map((row) => row.action)).toEqual(['holiday.add_fixed_year', 'holiday.add_fixed_year', 'holiday.create', 'holiday.update', 'holiday.delete']);
  });

  it('warns, as a code, when the calendar ends within six months', async () => {
    const coverage = await secretary.get<Coverage>('/api/calendar/coverage');
    expect(coverage.status).toBe(200);
    const last = (await db.query(`SELECT extract(year FROM max(date))::int AS year FROM holidays`)).rows[0].year as number;
    expect(coverage.body.coveredUntil).toBe(`${last}-12-31`);
    const horizon = new Date();
    horizon.setUTCMonth(horizon.getUTCMonth() + 6);
    const endsSoon = new Date(`${last}-12-31T00:00:00Z`) < new Date(horizon.toISOString().slice(0, 10) + 'T00:00:00Z');
    expect(coverage.body.warning?.code ?? null).toBe(endsSoon ? 'calendar.ends_soon' : null);

    // a calendar reaching well past six months from now: no warning
    const far = new Date().getUTCFullYear() + 2;
    await admin.post(`/api/calendar/years/${far}/fixed-holidays`, {});
    expect((await secretary.get<Coverage>('/api/calendar/coverage')).body).toMatchObject({ coveredUntil: `${far}-12-31`, warning: null });
    // emptied: the warning says so
    await db.query(`DELETE FROM holidays`);
    expect((await secretary.get<Coverage>('/api/calendar/coverage')).body.warning).toEqual({ code: 'calendar.empty', params: {} });
  });
});
