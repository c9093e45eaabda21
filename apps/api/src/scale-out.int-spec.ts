import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@aqtalu/contracts';
import { freePort, startEmbeddedPostgres, startStreamingStandby, type RunningPostgres, type RunningStandby } from '@aqtalu/dev-stack';
import { createDataSource, demoLogins, demoPassword, prepareDatabase, readRoutingStats, seedDemoUsers } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

async function startApi(environment: TestEnvironment): Promise<{ api: NestExpressApplication; baseUrl: string }> {
  const api = await createApi(environment.config);
  await api.listen(0, '127.0.0.1');
  return { api, baseUrl: await api.getUrl() };
}

describe('two API replicas sharing one Redis', () => {
  let environment: TestEnvironment;
  const replicas: Array<{ api: NestExpressApplication; baseUrl: string }> = [];

  beforeAll(async () => {
    environment = await createTestEnvironment({ AUTH_RATE_LIMIT_PER_MINUTE: '4' });
    replicas.push(await startApi(environment), await startApi(environment));
  });

  afterAll(async () => {
    for (const { api } of replicas) await api.close();
    await environment?.dispose();
  });

  it('share the sign-in rate limit of a client address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const { baseUrl } = replicas[attempt % 2]!;
      statuses.push((await new HttpSession(baseUrl).post('/api/auth/refresh', { refreshToken: 'nonsense' }, { 'x-forwarded-for': '10.7.0.1' })).status);
    }
    // per process, each replica would have let four through
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const refused = await new HttpSession(replicas[0]!.baseUrl).post<{ code: string }>('/api/auth/refresh', { refreshToken: 'nonsense' }, { 'x-forwarded-for': '10.7.0.1' });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('http.too_many_requests');
    // another address has its own count
    expect((await new HttpSession(replicas[1]!.baseUrl).post('/api/auth/refresh', { refreshToken: 'nonsense' }, { 'x-forwarded-for': '10.7.0.2' })).status).toBe(401);
  });

  it('accept a session signed in on the other and open a queues ticket only once across both', async () => {
    const admin = await HttpSession.login(replicas[0]!.baseUrl, demo(Role.Admin).email, demoPassword, { ip: '10.7.0.3' });
    const onOther = new HttpSession(replicas[1]!.baseUrl, admin.token);
    expect((await onOther.get('/api/auth/me')).status).toBe(200);
    const ticket = await onOther.post<{ url: string }>('/api/admin/queues/ticket', {});
    expect(ticket.status).toBe(200);
    const open = (baseUrl: string) => fetch(`${baseUrl}${ticket.body.url}`, { redirect: 'manual' }).then((response) => response.status);
    expect(await open(replicas[0]!.baseUrl)).toBe(303);
    expect(await open(replicas[1]!.baseUrl)).toBe(401);
  });
});

describe('reads from a streaming standby (DATABASE_REPLICA_URLS)', () => {
  let folder: string;
  let primary: RunningPostgres;
  let standby: RunningStandby | undefined;
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let redis: Redis;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'aqtalu-replica-'));
    primary = await startEmbeddedPostgres({ dataDir: join(folder, 'primary'), port: await freePort(), database: 'aqtalu', persistent: false });
    const setup = createDataSource({ url: primary.url, applicationName: 'test-setup' });
    await setup.initialize();
    await prepareDatabase(setup);
    await seedDemoUsers(setup);
    await setup.destroy();
    standby = await startStreamingStandby({ primaryDataDir: join(folder, 'primary'), primaryUrl: primary.urlFor('postgres'), dataDir: join(folder, 'standby'), port: await freePort() });
    environment = await createTestEnvironment({
      DATABASE_URL: primary.url,
      DATABASE_REPLICA_URLS: standby.urlFor('aqtalu'),
      DATABASE_READ_AFTER_WRITE_SECONDS: '2',
    });
    ({ api, baseUrl } = await startApi(environment));
    redis = new Redis(environment.config.redisUrl);
  });

  afterAll(async () => {
    redis?.disconnect();
    await api?.close();
    await environment?.dispose();
    await standby?.stop();
    await primary?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  const onStandby = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: standby!.urlFor('aqtalu') });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  };

  /** Signs in (a write: it marks the user) and waits until the read-after-write mark has expired. */
  async function signedInReader(role: Role, ip: string): Promise<HttpSession> {
    const session = await HttpSession.login(baseUrl, demo(role).email, demoPassword, { ip });
    const mark = `${environment.config.queuePrefix}:db-wrote:${session.login!.user.id}`;
    await eventually(async () => (await redis.exists(mark)) === 0, 10_000, 'the sign-in mark to expire');
    return session;
  }

  const caseNumbers = (answer: { body: unknown }) => (answer.body as Array<{ number: string }>).map((row) => row.number);

  it('serves lists from the standby, writes on the primary, and a writer’s next reads from the primary', async () => {
    expect(await onStandby<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby')).toEqual([{ standby: true }]);
    const reader = await signedInReader(Role.Auditor, '10.8.0.1');
    const secretary = await HttpSession.login(baseUrl, demo(Role.Secretary).email, demoPassword, { ip: '10.8.0.2' });

    // The standby stops replaying: what it serves is what the primary had before the write below.
    await onStandby('SELECT pg_wal_replay_pause()');
    const created = await secretary.post<{ id: string; number: string }>('/api/cases', {
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы' },
      subjects: [{ nameKk: 'Жұмабаев Қабдолла', nameRu: 'Жумабаев Кабдолла' }],
    });
    expect(created.status).toBe(201); // a write: the standby would have refused it

    // the writer reads their own write (the primary, for DATABASE_READ_AFTER_WRITE_SECONDS)
    const ownList = await secretary.get('/api/cases?range=[0,99]');
    expect(ownList.status).toBe(200);
    expect(caseNumbers(ownList)).toContain(created.body.number);

    // another user's list comes from the paused standby, and the API's pool is connected to it
    const otherList = await reader.get('/api/cases?range=[0,99]');
    expect(otherList.status).toBe(200);
    expect(caseNumbers(otherList)).not.toContain(created.body.number);
    expect(readRoutingStats(api.get(DataSource)).replicaReads).toBeGreaterThan(0);
    const sessions = await onStandby<{ application_name: string }>(`SELECT application_name FROM pg_stat_activity WHERE datname = 'aqtalu' AND application_name = 'aqtalu-api'`);
    expect(sessions.length).toBeGreaterThan(0);

    await onStandby('SELECT pg_wal_replay_resume()');
    await standby!.catchUp();
    expect(caseNumbers(await reader.get('/api/cases?range=[0,99]'))).toContain(created.body.number);
    const search = await reader.get('/api/registry/persons?filter={"q":"Zhumabaev"}');
    expect(search.status).toBe(200);
  });

  it('keeps answering from the primary once the standby is gone', async () => {
    const reader = await signedInReader(Role.Auditor, '10.8.0.3');
    const before = readRoutingStats(api.get(DataSource)).fallbacks;
    await standby!.stop();
    standby = undefined;

    const list = await reader.get('/api/cases?range=[0,99]');
    expect(list.status).toBe(200);
    expect((list.body as unknown[]).length).toBeGreaterThan(0);
    expect((await reader.get('/api/registry/persons?filter={"q":"Zhumabaev"}')).status).toBe(200);
    expect(readRoutingStats(api.get(DataSource)).fallbacks).toBeGreaterThan(before);
    expect(readRoutingStats(api.get(DataSource)).replicasUp).toEqual([false]);

    const secretary = await HttpSession.login(baseUrl, demo(Role.Secretary).email, demoPassword, { ip: '10.8.0.4' });
    const created = await secretary.post('/api/cases', {
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      applicant: { kind: 'relative', name: 'Асқар Серікұлы' },
      subjects: [{ nameKk: 'Сейфуллин Сәкен', nameRu: 'Сейфуллин Сакен' }],
    });
    expect(created.status).toBe(201);
  });
});
