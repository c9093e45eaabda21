import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

/**
 * The user behind an access token is cached per process for SESSION_CACHE_MS; here two API instances share the
 * database and Redis as two replicas do. The cache is long (10 s) so that every refusal below, coming in well under
 * a second, can only be the revocation travelling through Redis, never the entry expiring.
 */
describe('session cache: revocation reaches every replica at once', () => {
  let environment: TestEnvironment;
  let first: NestExpressApplication;
  let second: NestExpressApplication;
  let firstUrl: string;
  let secondUrl: string;
  let db: pg.Client;
  let admin: HttpSession;

  /** A fresh wg_member (its own account, so tests never share a user) signed in through the first instance. */
  const newMember = async (name: string) => {
    const email = `${name}-${Date.now()}@bench.aqtalu`;
    const created = await admin.post<{ id: string; version: number }>('/api/users', {
      email, displayName: `Ерлан ${name}`, password: 'Kazakh-Steppe-1937-long', role: Role.WgMember, regionCode: 'ALM',
    });
    expect(created.status).toBe(201);
    const session = await HttpSession.login(firstUrl, email, 'Kazakh-Steppe-1937-long');
    return { id: created.body.id, version: created.body.version, session, onSecond: new HttpSession(secondUrl, session.token) };
  };

  /** Both instances have the user cached: a request to each has read it. */
  const warm = async (member: Awaited<ReturnType<typeof newMember>>) => {
    expect((await member.session.get('/api/auth/me')).status).toBe(200);
    expect((await member.onSecond.get('/api/auth/me')).status).toBe(200);
  };

  const refusedWithin = async (session: HttpSession, ms: number) => {
    const started = Date.now();
    await eventually(async () => (await session.get('/api/auth/me')).status === 401, ms, `a 401 from ${session.baseUrl}`);
    return Date.now() - started;
  };

  beforeAll(async () => {
    environment = await createTestEnvironment({ SESSION_CACHE_MS: '10000' });
    first = await createApi(environment.config);
    await first.listen(0, '127.0.0.1');
    firstUrl = await first.getUrl();
    second = await createApi(environment.config);
    await second.listen(0, '127.0.0.1');
    secondUrl = await second.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    admin = await HttpSession.loginAs(firstUrl, demo(Role.Admin));
  });

  afterAll(async () => {
    await db?.end();
    await second?.close();
    await first?.close();
    await environment?.dispose();
  });

  it('keeps the user of a token for a while: a change made behind the API\'s back is not seen at once', async () => {
    const member = await newMember('cached');
    await warm(member);
    // no service call, so no revocation: only the cache can still answer the old name
    await db.query(`UPDATE users SET display_name = 'Renamed behind the back' WHERE id = $1`, [member.id]);
    expect((await member.session.get<{ displayName: string }>('/api/auth/me')).body.displayName).toBe('Ерлан cached');
    expect((await member.onSecond.get<{ displayName: string }>('/api/auth/me')).body.displayName).toBe('Ерлан cached');
  });

  it('refuses a disabled user\'s token at once on the instance that disabled it, and on the other within moments', async () => {
    const member = await newMember('disabled');
    await warm(member);
    const disabled = await admin.post(`/api/users/${member.id}/disable`, { version: member.version });
    expect(disabled.status).toBe(200);
    expect((await member.session.get('/api/auth/me')).status).toBe(401);
    expect(await refusedWithin(member.onSecond, 1000)).toBeLessThan(1000);
    // and it stays refused, on both
    expect((await member.session.get('/api/cases')).status).toBe(401);
    expect((await member.onSecond.get('/api/cases')).status).toBe(401);
  });

  it('ends the token of a sign-in logged out through the other instance', async () => {
    const member = await newMember('logout');
    await warm(member);
    const out = await new HttpSession(secondUrl).post('/api/auth/logout', { refreshToken: member.session.login!.refreshToken });
    expect(out.status).toBe(204);
    expect((await member.onSecond.get('/api/auth/me')).status).toBe(401);
    expect(await refusedWithin(member.session, 1000)).toBeLessThan(1000);
  });

  it('ends the tokens of a user whose role changed, on both instances', async () => {
    const member = await newMember('promoted');
    await warm(member);
    const changed = await admin.patch(`/api/users/${member.id}`, { version: member.version, role: Role.WgLead, regionCode: 'ALM' });
    expect(changed.status).toBe(200);
    expect((await member.session.get('/api/auth/me')).status).toBe(401);
    expect(await refusedWithin(member.onSecond, 1000)).toBeLessThan(1000);
  });

  it('ends every sign-in of a user who logged out everywhere, on both instances', async () => {
    const member = await newMember('everywhere');
    const otherDevice = await HttpSession.login(secondUrl, member.session.login!.user.email, 'Kazakh-Steppe-1937-long');
    await warm(member);
    expect((await otherDevice.get('/api/auth/me')).status).toBe(200);
    expect((await new HttpSession(firstUrl, otherDevice.token).get('/api/auth/me')).status).toBe(200);
    const all = await member.session.post<{ revokedSessions: number }>('/api/auth/logout-all', {});
    expect(all.body.revokedSessions).toBe(2);
    expect((await member.session.get('/api/auth/me')).status).toBe(401);
    expect((await new HttpSession(firstUrl, otherDevice.token).get('/api/auth/me')).status).toBe(401);
    expect(await refusedWithin(otherDevice, 1000)).toBeLessThan(1000);
    expect(await refusedWithin(member.onSecond, 1000)).toBeLessThan(1000);
  });
});
