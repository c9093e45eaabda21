import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

describe('the queues board at /admin/queues', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
  });

  afterAll(async () => {
    await api?.close();
    await environment?.dispose();
  });

  /** Trades a ticket for the board's cookie, as the browser does when the back office opens the link. */
  async function openBoard(url: string): Promise<{ status: number; cookie: string | null }> {
    const response = await fetch(`${baseUrl}${url}`, { redirect: 'manual' });
    return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? null };
  }

  it('is closed without a sign-in and to every role but the administrator', async () => {
    const anonymous = await fetch(`${baseUrl}/admin/queues`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('open Queues from its menu');
    for (const role of [Role.Secretary, Role.Auditor, Role.Chair]) {
      const answer = await (await HttpSession.loginAs(baseUrl, demo(role))).post('/api/admin/queues/ticket', {});
      expect(answer.status, role).toBe(403);
    }
    expect((await openBoard('/admin/queues?ticket=not-a-ticket')).status).toBe(401);
  });

  it('opens for an administrator through a one-minute ticket, shows every queue read-only, and closes at logout', async () => {
    const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    const ticket = await admin.post<{ url: string; expiresIn: number }>('/api/admin/queues/ticket', {});
    expect(ticket.status).toBe(200);
    expect(ticket.body.expiresIn).toBe(60);

    // the ticket is no access token
    const asBearer = await fetch(`${baseUrl}/api/users`, { headers: { authorization: `Bearer ${new URL(ticket.body.url, baseUrl).searchParams.get('ticket')}` } });
    expect(asBearer.status).toBe(401);

    const opened = await openBoard(ticket.body.url);
    expect(opened.status).toBe(303);
    expect((await openBoard(ticket.body.url)).status).toBe(401); // a ticket opens the board once
    expect(opened.cookie).toMatch(/^aqtalu_queues=/);
    const page = await fetch(`${baseUrl}/admin/queues`, { headers: { cookie: opened.cookie! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Aqtalu queues');
    const queues = await fetch(`${baseUrl}/admin/queues/api/queues`, { headers: { cookie: opened.cookie! } });
    expect(queues.status).toBe(200);
    const board = (await queues.json()) as { queues: Array<{ name: string; readOnlyMode: boolean }> };
    expect(board.queues.map((q) => q.name).sort()).toEqual(['contributions', 'correspondence', 'deadlines', 'documents', 'evidence', 'notifications', 'open-data', 'registry', 'registry-duplicates', 'retention']);
    expect(board.queues.every((q) => q.readOnlyMode)).toBe(true);

    const db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    const audited = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'queues.open'`);
    await db.end();
    expect(audited.rows[0].n).toBe(1);

    expect((await fetch(`${baseUrl}/api/auth/logout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: admin.login!.refreshToken }) })).status).toBe(204);
    expect((await fetch(`${baseUrl}/admin/queues`, { headers: { cookie: opened.cookie! } })).status).toBe(403);
  });
});
