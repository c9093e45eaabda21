import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role, type LoginResponse } from '@aqtalu/contracts';
import { demoLogins, demoPassword, verifyAuditLog, sealAuditLog, createDataSource } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import { generateSync } from 'otplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A JWT made by hand, to present what no honest client would. */
function handMadeToken(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string | null): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode(header)}.${encode(payload)}`;
  if (secret === null) return `${body}.`;
  const algorithm = header.alg === 'HS512' ? 'sha512' : 'sha256';
  return `${body}.${createHmac(algorithm, secret).update(body).digest('base64url')}`;
}

let nextAddress = 10;
/** A client address of its own per test, so failure counts of one test never block another. */
const freshIp = () => `10.0.0.${nextAddress++}`;

describe('identity: tokens, sessions, lockout, second factor, administration and audit', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;

  const anonymous = () => new HttpSession(baseUrl);
  const auditCount = async (action: string) => Number((await db.query('SELECT count(*) FROM audit_log WHERE action = $1', [action])).rows[0].count);

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    // the owner's connection: to show what even the trigger refuses, and what an attacker with the owner's rights does
    db = new pg.Client({ connectionString: environment.ownerDatabaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  describe('access tokens', () => {
    it('refuses a token with alg none, a forged signature, another algorithm, and an expired one', async () => {
      const session = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
      const claims = JSON.parse(Buffer.from(session.token!.split('.')[1]!, 'base64url').toString());
      const now = Math.floor(Date.now() / 1000);
      const secret = environment.config.jwt.secret;
      const tokens = {
        none: handMadeToken({ alg: 'none', typ: 'JWT' }, claims, null),
        forged: handMadeToken({ alg: 'HS256', typ: 'JWT' }, claims, 'not-the-secret-not-the-secret-not-the-secret'),
        otherAlgorithm: handMadeToken({ alg: 'HS512', typ: 'JWT' }, claims, secret),
        expired: handMadeToken({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now - 3600, exp: now - 60 }, secret),
      };
      for (const [kind, token] of Object.entries(tokens)) {
        const answer = await new HttpSession(baseUrl, token).get('/api/auth/me');
        expect(answer.status, kind).toBe(401);
      }
      // and the honest token still works
      expect((await session.get('/api/auth/me')).status).toBe(200);
    });
  });

  describe('refresh tokens', () => {
    it('rotates: a refresh returns a new pair and the old refresh token stops working', async () => {
      const first = await HttpSession.loginAs(baseUrl, demo(Role.Secretary));
      const refreshed = await anonymous().post<LoginResponse>('/api/auth/refresh', { refreshToken: first.login!.refreshToken });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refreshToken).not.toBe(first.login!.refreshToken);
      expect((await new HttpSession(baseUrl, refreshed.body.accessToken).get('/api/auth/me')).status).toBe(200);
    });

    it('revokes the whole family when a rotated token is used again', async () => {
      const first = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
      const stolen = first.login!.refreshToken;
      const legit = await anonymous().post<LoginResponse>('/api/auth/refresh', { refreshToken: stolen });
      expect(legit.status).toBe(200);
      const reusesBefore = await auditCount('auth.refresh_reuse');

      const replay = await anonymous().post('/api/auth/refresh', { refreshToken: stolen });
      expect(replay.status).toBe(401);
      // every token of the family is dead: the newest refresh token and the access tokens
      expect((await anonymous().post('/api/auth/refresh', { refreshToken: legit.body.refreshToken })).status).toBe(401);
      expect((await new HttpSession(baseUrl, legit.body.accessToken).get('/api/auth/me')).status).toBe(401);
      expect((await first.get('/api/auth/me')).status).toBe(401);
      expect(await auditCount('auth.refresh_reuse')).toBe(reusesBefore + 1);
    });

    it('refuses a made-up refresh token with 401', async () => {
      const answer = await anonymous().post('/api/auth/refresh', { refreshToken: '00000000-0000-4000-8000-000000000000.' + 'a'.repeat(43) });
      expect(answer.status).toBe(401);
    });
  });

  describe('logging out', () => {
    it('ends one sign-in with its refresh token', async () => {
      const session = await HttpSession.loginAs(baseUrl, demo(Role.Chair));
      expect((await anonymous().post('/api/auth/logout', { refreshToken: session.login!.refreshToken })).status).toBe(204);
      expect((await session.get('/api/auth/me')).status).toBe(401);
      expect((await anonymous().post('/api/auth/refresh', { refreshToken: session.login!.refreshToken })).status).toBe(401);
    });

    it('ends every sign-in of the user when logging out everywhere', async () => {
      const laptop = await HttpSession.loginAs(baseUrl, demo(Role.CommissionMember));
      const phone = await HttpSession.loginAs(baseUrl, demo(Role.CommissionMember));
      const other = await HttpSession.loginAs(baseUrl, demo(Role.Auditor));
      const answer = await laptop.post<{ revokedSessions: number }>('/api/auth/logout-all', {});
      expect(answer.status).toBe(200);
      expect(answer.body.revokedSessions).toBe(2);
      expect((await laptop.get('/api/auth/me')).status).toBe(401);
      expect((await phone.get('/api/auth/me')).status).toBe(401);
      expect((await other.get('/api/auth/me')).status).toBe(200);
    });
  });

  describe('failed sign-ins', () => {
    it('locks an account for a while after five failures, even with the right password, and says how long', async () => {
      const created = await (await HttpSession.loginAs(baseUrl, demo(Role.Admin))).post<{ id: string }>('/api/users', {
        email: 'lock.me@aqtalu.kz', displayName: 'Бұғатталатын', password: 'the right passphrase 1', role: Role.Auditor,
      });
      expect(created.status).toBe(201);
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const wrong = await anonymous().post('/api/auth/login', { email: 'lock.me@aqtalu.kz', password: `wrong ${attempt}` }, { 'x-forwarded-for': freshIp() });
        expect(wrong.status).toBe(401);
      }
      const locked = await anonymous().post<{ detail: string; retryAfterSeconds: number }>(
        '/api/auth/login', { email: 'lock.me@aqtalu.kz', password: 'the right passphrase 1' }, { 'x-forwarded-for': freshIp() },
      );
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(locked.body.detail).toMatch(/Too many failed sign-ins\. Wait \d+ s/);
      expect(await auditCount('auth.login_failed')).toBeGreaterThanOrEqual(5);
    });

    it('blocks a client address that fails against many accounts', async () => {
      const ip = freshIp();
      for (let attempt = 1; attempt <= 20; attempt += 1) {
        const answer = await anonymous().post('/api/auth/login', { email: `guess${attempt}@aqtalu.kz`, password: 'guess' }, { 'x-forwarded-for': ip });
        expect(answer.status).toBe(401);
      }
      const blocked = await anonymous().post('/api/auth/login', { email: demo(Role.Auditor).email, password: demoPassword }, { 'x-forwarded-for': ip });
      expect(blocked.status).toBe(429);
      // another address is not affected
      expect((await anonymous().post('/api/auth/login', { email: demo(Role.Auditor).email, password: demoPassword }, { 'x-forwarded-for': freshIp() })).status).toBe(200);
    });
  });

  describe('second factor', () => {
    it('enrols a user, then asks for the code at every sign-in', async () => {
      const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
      const created = await admin.post<{ id: string }>('/api/users', {
        email: 'totp.user@aqtalu.kz', displayName: 'Екі факторлы', password: 'two factors are better', role: Role.Secretary,
      });
      const session = await HttpSession.login(baseUrl, 'totp.user@aqtalu.kz', 'two factors are better');
      const setup = await session.post<{ secret: string; otpauthUri: string }>('/api/auth/totp/setup', {});
      expect(setup.status).toBe(200);
      expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Aqtalu:totp\.user/);

      expect((await session.post('/api/auth/totp/confirm', { code: '000000' })).status).toBe(401);
      const code = generateSync({ secret: setup.body.secret });
      expect((await session.post('/api/auth/totp/confirm', { code })).status).toBe(200);

      const withoutCode = await anonymous().post<{ totpRequired: boolean }>('/api/auth/login', { email: 'totp.user@aqtalu.kz', password: 'two factors are better' });
      expect(withoutCode.status).toBe(401);
      expect(withoutCode.body.totpRequired).toBe(true);
      const signedIn = await HttpSession.login(baseUrl, 'totp.user@aqtalu.kz', 'two factors are better', { totpCode: generateSync({ secret: setup.body.secret }) });
      expect(signedIn.login!.user.totpEnabled).toBe(true);
      expect(created.status).toBe(201);
    });
  });

  describe('administration of users', () => {
    it('disables a user, which ends their sessions and refuses their sign-in, and enables them again', async () => {
      const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
      const user = await admin.post<{ id: string; version: number }>('/api/users', {
        email: 'leaving@aqtalu.kz', displayName: 'Кететін мүше', password: 'blue river stones 42', role: Role.WgMember, regionCode: 'ZHA',
      });
      const theirs = await HttpSession.login(baseUrl, 'leaving@aqtalu.kz', 'blue river stones 42');

      const disabled = await admin.post<{ disabled: boolean; version: number }>(`/api/users/${user.body.id}/disable`, { version: user.body.version });
      expect(disabled.status).toBe(200);
      expect(disabled.body.disabled).toBe(true);
      expect((await theirs.get('/api/auth/me')).status).toBe(401);
      expect((await anonymous().post('/api/auth/login', { email: 'leaving@aqtalu.kz', password: 'blue river stones 42' })).status).toBe(401);

      const enabled = await admin.post<{ disabled: boolean }>(`/api/users/${user.body.id}/enable`, { version: disabled.body.version });
      expect(enabled.body.disabled).toBe(false);
      await HttpSession.login(baseUrl, 'leaving@aqtalu.kz', 'blue river stones 42');
    });

    it('refuses a change made on a stale version with 409 and the current version, and changes nothing', async () => {
      const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
      const user = await admin.post<{ id: string; version: number }>('/api/users', {
        email: 'moving@aqtalu.kz', displayName: 'Көшетін мүше', password: 'steppe wind blows 7', role: Role.WgMember, regionCode: 'ALM',
      });
      const moved = await admin.patch<{ regionCode: string; version: number }>(`/api/users/${user.body.id}`, { version: user.body.version, regionCode: 'ZHA' });
      expect(moved.status).toBe(200);
      expect(moved.body.regionCode).toBe('ZHA');

      const stale = await admin.patch<{ currentVersion: number; detail: string }>(`/api/users/${user.body.id}`, { version: user.body.version, role: Role.WgLead });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(moved.body.version);
      expect((await admin.get<{ role: string }>(`/api/users/${user.body.id}`)).body.role).toBe(Role.WgMember);
    });

    it('resets a password: the old one and every session stop working', async () => {
      const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
      const user = await admin.post<{ id: string; version: number }>('/api/users', {
        email: 'forgetful@aqtalu.kz', displayName: 'Ұмытшақ', password: 'first password here', role: Role.Auditor,
      });
      const theirs = await HttpSession.login(baseUrl, 'forgetful@aqtalu.kz', 'first password here');
      const weak = await admin.post<{ errors: Array<{ field: string }> }>(`/api/users/${user.body.id}/reset-password`, { version: user.body.version, password: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body.errors[0]!.field).toBe('password');
      expect((await admin.post(`/api/users/${user.body.id}/reset-password`, { version: user.body.version, password: 'second password here' })).status).toBe(200);
      expect((await theirs.get('/api/auth/me')).status).toBe(401);
      expect((await anonymous().post('/api/auth/login', { email: 'forgetful@aqtalu.kz', password: 'first password here' })).status).toBe(401);
      await HttpSession.login(baseUrl, 'forgetful@aqtalu.kz', 'second password here');
    });

    it('lets an auditor read users but never change them', async () => {
      const auditor = await HttpSession.loginAs(baseUrl, demo(Role.Auditor));
      expect((await auditor.get('/api/users')).status).toBe(200);
      const before = Number((await db.query('SELECT count(*) FROM users')).rows[0].count);
      const write = await auditor.post('/api/users', { email: 'x@aqtalu.kz', displayName: 'X X', password: 'auditors never write', role: Role.Admin });
      expect(write.status).toBe(403);
      expect(Number((await db.query('SELECT count(*) FROM users')).rows[0].count)).toBe(before);
    });
  });

  describe('audit log', () => {
    it('records writes with a before/after diff, and denials', async () => {
      const secretary = await HttpSession.loginAs(baseUrl, demo(Role.Secretary));
      expect((await secretary.get('/api/users')).status).toBe(403);
      const denied = await db.query(`SELECT actor_role, details FROM audit_log WHERE action = 'access.denied' ORDER BY id DESC LIMIT 1`);
      expect(denied.rows[0]).toMatchObject({ actor_role: 'secretary', details: { permission: 'users.read', path: '/api/users' } });

      const update = await db.query(`SELECT diff FROM audit_log WHERE action = 'user.update' ORDER BY id DESC LIMIT 1`);
      expect(update.rows[0].diff).toMatchObject({ before: { regionCode: 'ALM' }, after: { regionCode: 'ZHA' } });
      const secrets = await db.query(`SELECT count(*) FROM audit_log WHERE diff::text LIKE '%argon2%'`);
      expect(Number(secrets.rows[0].count)).toBe(0);
    });

    it('lets an auditor filter the log, and no one else read it', async () => {
      const auditor = await HttpSession.loginAs(baseUrl, demo(Role.Auditor));
      const page = await auditor.get<Array<{ id: string; action: string; outcome: string }>>(`/api/audit-log?filter=${encodeURIComponent('{"outcome":"denied"}')}&range=[0,9]`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-range')).toMatch(/^audit-log 0-\d+\/\d+$/);
      expect(page.body.length).toBeGreaterThan(0);
      expect(page.body.every((entry) => entry.outcome === 'denied')).toBe(true);
      const prefix = await auditor.get<Array<{ action: string }>>(`/api/audit-log?filter=${encodeURIComponent('{"action":"auth."}')}`);
      expect(prefix.body.every((entry) => entry.action.startsWith('auth.'))).toBe(true);
      expect((await auditor.get(`/api/audit-log?filter=${encodeURIComponent('{"from":"yesterday"}')}`)).status).toBe(400);
      // an entry is sealed into the hash chain a moment after it is written (the sealer runs on an interval)
      const one = await eventually(async () => {
        const answer = await auditor.get<{ id: string; hash: string | null }>(`/api/audit-log/${page.body[0]!.id}`);
        return answer.status !== 200 || answer.body.hash ? answer : null;
      }, 15_000, 'the entry sealed');
      expect(one.status).toBe(200);
      expect(one.body.hash).toMatch(/^[0-9a-f]{64}$/);
      expect((await auditor.get('/api/audit-log/999999999')).status).toBe(404);
      expect((await (await HttpSession.loginAs(baseUrl, demo(Role.Admin))).get('/api/audit-log')).status).toBe(403);
    });

    it('refuses to change or delete an audit row, in the database itself', async () => {
      await expect(db.query(`UPDATE audit_log SET action = 'nothing' WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    });

    it('names the tampered row when one is changed behind the trigger\'s back', async () => {
      const dataSource = createDataSource({ url: environment.databaseUrl });
      await dataSource.initialize();
      try {
        // the running API seals entries within a moment; sealing here too makes the wait explicit
        await eventually(async () => (await sealAuditLog(dataSource)).sealed !== null, 15_000, 'the sealer lock');
        const verdict = await verifyAuditLog(dataSource, 7);
        expect(verdict).toMatchObject({ intact: true });
        const target = (await db.query(`SELECT id::text AS id FROM audit_log WHERE hash IS NOT NULL ORDER BY chain_seq OFFSET 3 LIMIT 1`)).rows[0].id as string;
        // what an attacker with database superuser rights would do
        await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
        await db.query(`UPDATE audit_log SET details = '{"covered": "up"}'::jsonb WHERE id = $1`, [target]);
        await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');

        expect(await verifyAuditLog(dataSource, 7)).toMatchObject({ intact: false, brokenAt: target });
        const cli = await promisify(execFile)(process.execPath, ['tools/dev-stack/dist/audit-verify.js'], {
          cwd: repoRoot,
          env: { ...process.env, DATABASE_URL: environment.databaseUrl },
        }).then(
          () => ({ code: 0, stderr: '' }),
          (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
        );
        expect(cli.code).toBe(1);
        expect(cli.stderr).toContain(`audit log BROKEN at entry ${target}`);
      } finally {
        await dataSource.destroy();
      }
    });
  });
});

describe('identity with TOTP required and a tight rate limit', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    environment = await createTestEnvironment({ TOTP_REQUIRED: 'true', AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
  });

  afterAll(async () => {
    await api?.close();
    await environment?.dispose();
  });

  it('lets the chair in only to set up a second factor', async () => {
    const chair = await HttpSession.login(baseUrl, demo(Role.Chair).email, demoPassword, { ip: '10.1.0.1' });
    expect(chair.login!.totpEnrolmentRequired).toBe(true);
    expect((await chair.get('/api/auth/me')).status).toBe(200);
    const elsewhere = await chair.get<{ detail: string }>('/api/notifications');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.detail).toContain('Set up your second factor first');
    // a role without the requirement is not held up
    const secretary = await HttpSession.login(baseUrl, demo(Role.Secretary).email, demoPassword, { ip: '10.1.0.2' });
    expect(secretary.login!.totpEnrolmentRequired).toBe(false);
    expect((await secretary.get('/api/notifications')).status).toBe(200);
  });

  it('limits the rate of sign-in requests per client address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      statuses.push((await new HttpSession(baseUrl).post('/api/auth/refresh', { refreshToken: 'nonsense' }, { 'x-forwarded-for': '10.1.0.9' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
