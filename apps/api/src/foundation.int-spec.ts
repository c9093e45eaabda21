import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role, type LoginResponse, type SessionUser } from '@aqtalu/contracts';
import { demoLogins, NotificationService, OutboxRelay } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import { createWorker } from '@aqtalu/worker';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const admin = demoLogins.find((login) => login.role === Role.Admin)!;
const secretary = demoLogins.find((login) => login.role === Role.Secretary)!;

describe('the API on a real PostgreSQL and Redis', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext | undefined;
  let baseUrl: string;
  let db: pg.Client;

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].count);

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await worker?.close();
    await api?.close();
    await environment?.dispose();
  });

  it('logs the demo admin in and answers who they are', async () => {
    const login = await new HttpSession(baseUrl).post<LoginResponse>('/api/auth/login', {
      email: admin.email.toUpperCase(),
      password: admin.password,
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email: admin.email, role: Role.Admin });

    const me = await new HttpSession(baseUrl, login.body.accessToken).get<SessionUser>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(admin.email);
  });

  it('refuses a wrong password with a problem+json body that does not tell whether the e-mail exists', async () => {
    const wrong = await new HttpSession(baseUrl).post('/api/auth/login', { email: admin.email, password: 'wrong' });
    const unknown = await new HttpSession(baseUrl).post('/api/auth/login', { email: 'nobody@aqtalu.local', password: 'wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect((unknown.body as { detail: string }).detail).toBe((wrong.body as { detail: string }).detail);
  });

  it('refuses requests without a valid token', async () => {
    const anonymous = await new HttpSession(baseUrl).get('/api/users');
    const forged = await new HttpSession(baseUrl, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.').get('/api/users');
    expect(anonymous.status).toBe(401);
    expect(forged.status).toBe(401);
  });

  it('refuses a route to a role without its permission', async () => {
    const session = await HttpSession.loginAs(baseUrl, secretary);
    const answer = await session.get('/api/users');
    expect(answer.status).toBe(403);
    expect((answer.body as { detail: string }).detail).toContain('users.read');
  });

  it('reports PostgreSQL and Redis up, and the worker degraded while none runs', async () => {
    const health = await new HttpSession(baseUrl).get<{ status: string; details: Record<string, { status: string }> }>('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.details.database!.status).toBe('up');
    expect(health.body.details.redis!.status).toBe('up');
    expect(health.body.details.worker!.status).toBe('degraded');
  });

  it('refuses an unknown field with 400 naming it, and writes nothing', async () => {
    const session = await HttpSession.loginAs(baseUrl, admin);
    const before = await count('SELECT count(*) FROM users');
    const answer = await session.post<{ errors: Array<{ field: string }> }>('/api/users', {
      email: 'someone@aqtalu.kz',
      displayName: 'Someone',
      password: 'a-long-enough-password',
      role: Role.Secretary,
      isSuperuser: true,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { field: 'isSuperuser', message: 'isSuperuser is not a known field: remove it', code: 'validation.unknown_field', params: { field: 'isSuperuser' } },
    ]);
    expect(answer.body).toMatchObject({ code: 'validation.unknown_field', params: { field: 'isSuperuser' } });
    expect(await count('SELECT count(*) FROM users')).toBe(before);
  });

  it('says which scope a role needs', async () => {
    const session = await HttpSession.loginAs(baseUrl, admin);
    const answer = await session.post('/api/users', {
      email: 'member@zhambyl.kz',
      displayName: 'Жамбыл мүшесі',
      password: 'a-long-enough-password',
      role: Role.WgMember,
    });
    expect(answer.status).toBe(400);
    expect((answer.body as { detail: string }).detail).toBe('regionCode is required for the role wg_member.');
  });

  it('lists users in react-admin conventions, sorted by an allowed field', async () => {
    const session = await HttpSession.loginAs(baseUrl, admin);
    const page = await session.get<SessionUser[]>(`/api/users?sort=${encodeURIComponent('["email","DESC"]')}&range=[0,2]`);
    expect(page.status).toBe(200);
    expect(page.body).toHaveLength(3);
    expect(page.headers.get('content-range')).toMatch(/^users 0-2\/\d+$/);
    const emails = page.body.map((user) => user.email);
    expect(emails).toEqual([...emails].sort().reverse());

    const badSort = await session.get(`/api/users?sort=${encodeURIComponent('["password_hash","ASC"]')}`);
    expect(badSort.status).toBe(400);
  });

  it('carries a job through the outbox to the worker exactly once', async () => {
    const session = await HttpSession.loginAs(baseUrl, admin);
    const created = await session.post<SessionUser>('/api/users', {
      email: 'liaison.zhambyl@aqtalu.kz',
      displayName: 'Жамбыл архивисі',
      password: 'a-long-enough-password',
      role: Role.ArchiveLiaison,
      archiveCode: 'GA-ZHA',
    });
    expect(created.status).toBe(201);
    expect(created.body.archiveCode).toBe('GA-ZHA');

    // The notification and its outbox row were committed with the user; nothing has been sent yet.
    const pending = await db.query(
      `SELECT n.id FROM notifications n WHERE n.user_id = $1 AND n.delivered_at IS NULL`,
      [created.body.id],
    );
    expect(pending.rowCount).toBe(1);
    expect(await count(`SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL`)).toBe(1);

    worker = await createWorker(environment.config);
    await worker.init();
    await eventually(
      async () => (await count(`SELECT count(*) FROM notifications WHERE user_id = $1 AND delivered_at IS NOT NULL`, [created.body.id])) === 1,
      15_000,
      'delivery of the notification',
    );
    expect(await count(`SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL`)).toBe(0);

    // A job run twice has the effect of once: the worker's run delivered it, a second run finds nothing to do.
    const notifications = worker.get(NotificationService);
    const job = await eventually(async () => (await db.query(`SELECT 1 FROM notifications WHERE id = $1 AND delivered_at IS NOT NULL`, [pending.rows[0].id])).rowCount);
    expect(job).toBe(1);
    expect(await notifications.deliver(pending.rows[0].id)).toBe(false);
    // A message sent again (a crash between send and commit) makes no second job.
    await db.query(`UPDATE outbox_messages SET dispatched_at = NULL`);
    // whichever relay sends it again, this one or the worker's own poll (which may come first), its job id is the same:
    // the queue keeps one completed job (the metrics below count it)
    await worker.get(OutboxRelay).relayOnce();
    await eventually(async () => (await count(`SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL`)) === 0, 15_000, 'the message sent again');

    const health = await new HttpSession(baseUrl).get<{ details: Record<string, { status: string }> }>('/api/health');
    expect(health.body.details.worker!.status).toBe('up');
  });

  it('exposes Prometheus metrics with HTTP latency and queue depth', async () => {
    const metrics = await new HttpSession(baseUrl).get<string>('/api/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('aqtalu_http_request_duration_seconds_bucket');
    expect(metrics.body).toMatch(/aqtalu_queue_jobs\{queue="notifications",state="completed"\} 1/);
  });

  it('serves the OpenAPI document', async () => {
    const spec = await new HttpSession(baseUrl).get<{ paths: Record<string, unknown> }>('/api/docs/openapi.json');
    expect(spec.status).toBe(200);
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/health', '/api/users']));
  });
});
