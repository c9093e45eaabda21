import type { NestExpressApplication } from '@nestjs/platform-express';
import { CaseTransition, EvidenceKind, Role } from '@aqtalu/contracts';
import { demoLogins, jwtAlgorithm } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, renderTestPdf, type TestEnvironment } from '@aqtalu/testing';
import { execFileSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Problem {
  status: number;
  code: string;
  params: Record<string, unknown>;
  requestId?: string;
  clientRequestId?: string;
  errors?: Array<{ field: string; code: string }>;
}
interface CaseBody {
  id: string;
  version: number;
  status: string;
}

const applicant = { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'granddaughter', kinshipProof: 'birth certificates' };
const newCase = (summary: string) => ({
  regionCode: 'ALM',
  categoryCode: 'counter_revolutionary',
  summary,
  applicant,
  subjects: [{ nameKk: 'Жұмабаев Қабдолла', nameRu: 'Жумабаев Кабдолла' }],
});

/** An HS256 token signed with the API's secret, with the claims given (as an attacker holding the secret could not, but a bug could). */
function signToken(secret: string, claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: jwtAlgorithm, typ: 'JWT' })}.${part(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** Fixed one-minute windows: a test that counts reads starts early in a minute, so that its reads share one window. */
async function earlyInAMinute(): Promise<void> {
  const second = (Date.now() % 60_000) / 1000;
  if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

/** Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN): the disk-full test needs a real full disk. */
function tryMountTinyDisk(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('HTTP hardening: input edges, request ids, caching, bulk reads, audit once, failing stores', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let limited: NestExpressApplication;
  let limitedTwin: NestExpressApplication;
  let limitedTwinUrl: string;
  let baseUrl: string;
  let limitedUrl: string;
  let db: pg.Client;
  let owner: pg.Client;
  let admin: HttpSession;
  const sessions = new Map<string, HttpSession>();
  const as = async (email: string, password?: string) => {
    if (!sessions.has(email)) sessions.set(email, await HttpSession.login(baseUrl, email, password));
    return sessions.get(email)!;
  };
  const secretary = () => as(demo(Role.Secretary).email);
  const member = () => as(demo(Role.WgMember).email);
  const lead = () => as(demo(Role.WgLead).email);

  const raw = (path: string, init: RequestInit) => fetch(`${baseUrl}${path}`, init);
  const problemOf = async (response: Response) => ({ status: response.status, headers: response.headers, body: (await response.json()) as Problem });

  /** A fresh user of a role (its own read counters), signed in on the instance given. */
  async function freshUser(role: Role, url: string, regionCode?: string): Promise<HttpSession> {
    const email = `${role}-${randomUUID().slice(0, 8)}@hardening.aqtalu`;
    const created = await admin.post('/api/users', { email, displayName: 'Тексеруші', password: 'Kazakh-Steppe-1937-long', role, ...(regionCode ? { regionCode } : {}) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return HttpSession.login(url, email, 'Kazakh-Steppe-1937-long');
  }

  beforeAll(async () => {
    // the user behind a token is read on every request: the database outage below reaches the JWT strategy itself
    environment = await createTestEnvironment({ SESSION_CACHE_MS: '0' });
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    // a second replica with small read limits (counters are shared through Redis)
    limited = await createApi({ ...environment.config, reads: { ratePerMinute: 8, alertRecordsPerMinute: 150 } });
    await limited.listen(0, '127.0.0.1');
    limitedUrl = await limited.getUrl();
    // a third, with the same limits: the count is shared between replicas through Redis
    limitedTwin = await createApi({ ...environment.config, reads: { ratePerMinute: 8, alertRecordsPerMinute: 150 } });
    await limitedTwin.listen(0, '127.0.0.1');
    limitedTwinUrl = await limitedTwin.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    owner = new pg.Client({ connectionString: environment.ownerDatabaseUrl });
    await owner.connect();
    admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await owner?.end();
    await limited?.close();
    await limitedTwin?.close();
    await api?.close();
    await environment?.dispose();
  });

  describe('input edges', () => {
    it('refuses JSON nested 5,000 levels deep with 400 and a code, without signing in', async () => {
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      const answer = await problemOf(await raw('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep }));
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ code: 'http.body_too_deep', params: { maxDepth: 32 } });
      expect(answer.body.requestId).toMatch(uuid);
      expect(answer.body.requestId).toBe(answer.headers.get('x-request-id'));
    });

    it('answers a body that is not JSON with problem+json carrying the request id', async () => {
      const answer = await problemOf(await raw('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email": ' }));
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('http.body_malformed');
      expect(answer.body.requestId).toBe(answer.headers.get('x-request-id'));
    });

    it('refuses text/xml, form posts and multipart on a JSON route with 415', async () => {
      const xml = await problemOf(await raw('/api/auth/login', { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<login/>' }));
      expect(xml.status).toBe(415);
      expect(xml.body).toMatchObject({ code: 'http.unsupported_media_type', params: { contentType: 'text/xml', supported: ['application/json'] } });
      const form = await problemOf(await raw('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a&password=b' }));
      expect(form.status).toBe(415);
      const multipart = new FormData();
      multipart.append('summary', 'x');
      const onJsonRoute = await problemOf(await raw('/api/cases', { method: 'POST', headers: { authorization: `Bearer ${(await secretary()).token}` }, body: multipart }));
      expect(onJsonRoute.status).toBe(415);
      // a POST without a body is not refused for its (absent) type
      expect((await raw('/api/auth/logout', { method: 'POST' })).status).not.toBe(415);
    });

    it('refuses an array where the applicant object belongs, on create and on update, changing nothing', async () => {
      const created = await (await secretary()).post<Problem>('/api/cases', { ...newCase('array applicant'), applicant: [] });
      expect(created.status).toBe(400);
      expect(created.body.errors?.map((error) => [error.field, error.code])).toContainEqual(['applicant', 'validation.must_be_object']);
      const subjectsAsArrays = await (await secretary()).post<Problem>('/api/cases', { ...newCase('nested arrays'), subjects: [[]] });
      expect(subjectsAsArrays.status).toBe(400);

      const opened = await (await secretary()).post<CaseBody>('/api/cases', newCase('applicant kept'));
      expect(opened.status).toBe(201);
      const updated = await (await secretary()).patch<Problem>(`/api/cases/${opened.body.id}`, { version: opened.body.version, applicant: [] });
      expect(updated.status).toBe(400);
      expect(updated.body.code).toBe('validation.must_be_object');
      const after = await (await secretary()).get<CaseBody>(`/api/cases/${opened.body.id}`);
      expect(after.body.version).toBe(opened.body.version);
    });
  });

  describe('request ids', () => {
    it('gives every request an id of its own; a client UUID is kept apart and never becomes an audit entry\'s request id', async () => {
      const clientId = randomUUID();
      const session = await secretary();
      const created = await session.post<CaseBody>('/api/cases', newCase('request id'), { 'x-request-id': clientId });
      expect(created.status).toBe(201);
      const serverId = created.headers.get('x-request-id');
      expect(serverId).toMatch(uuid);
      expect(serverId).not.toBe(clientId);
      const audited = await db.query(`SELECT request_id FROM audit_log WHERE entity_id = $1`, [created.body.id]);
      expect(audited.rows.length).toBeGreaterThan(0);
      expect(audited.rows.every((row) => row.request_id === serverId)).toBe(true);

      const forged = await session.post<Problem>('/api/cases', { ...newCase('forged id'), applicant: [] }, { 'x-request-id': 'DROP TABLE audit_log; --' });
      expect(forged.body.requestId).toMatch(uuid);
      expect(forged.body.clientRequestId).toBeUndefined();
      const kept = await session.post<Problem>('/api/cases', { ...newCase('kept id'), applicant: [] }, { 'x-request-id': clientId });
      expect(kept.body).toMatchObject({ clientRequestId: clientId });
      expect(kept.body.requestId).not.toBe(clientId);
      expect((await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1`, [clientId])).rows[0].n).toBe(0);
    });
  });

  describe('tokens', () => {
    it('refuses a correctly signed token without exp, and one older than the access lifetime', async () => {
      const session = await member();
      const claims = JSON.parse(Buffer.from(session.token!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
      expect((await session.get('/api/auth/me')).status).toBe(200);
      const { exp: _exp, ...withoutExp } = claims;
      const noExp = signToken(environment.config.jwt.secret, withoutExp);
      expect((await new HttpSession(baseUrl, noExp).get('/api/auth/me')).status).toBe(401);
      const now = Math.floor(Date.now() / 1000);
      const old = signToken(environment.config.jwt.secret, { ...claims, iat: now - 7200, exp: now + 600 });
      expect((await new HttpSession(baseUrl, old).get('/api/auth/me')).status).toBe(401);
      const resigned = signToken(environment.config.jwt.secret, { ...claims, iat: now, exp: now + 600 });
      expect((await new HttpSession(baseUrl, resigned).get('/api/auth/me')).status).toBe(200);
    });
  });

  describe('caching and downloads', () => {
    it('marks API answers no-store, and serves a file as a sandboxed attachment', async () => {
      const opened = await (await secretary()).post<CaseBody>('/api/cases', newCase('download headers'));
      const read = await (await secretary()).get(`/api/cases/${opened.body.id}`);
      expect(read.headers.get('cache-control')).toBe('no-store');
      const list = await (await secretary()).get('/api/cases');
      expect(list.headers.get('cache-control')).toBe('no-store');
      const problem = await (await secretary()).get('/api/cases/00000000-0000-4000-8000-000000000000');
      expect(problem.headers.get('cache-control')).toBe('no-store');
      expect((await fetch(`${baseUrl}/api/health`)).headers.get('cache-control')).not.toBe('no-store');

      const form = new FormData();
      form.append('kind', EvidenceKind.TroikaProtocol);
      form.append('file', new Blob([new Uint8Array(await renderTestPdf([['Приговор исполнен']]))], { type: 'application/pdf' }), 'протокол <script>.pdf');
      const uploaded = await fetch(`${baseUrl}/api/cases/${opened.body.id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${(await member()).token}` }, body: form });
      expect(uploaded.status).toBe(201);
      const evidence = (await uploaded.json()) as { id: string };
      // no worker here: the file is opened only once its safety checks have run
      const unchecked = await fetch(`${baseUrl}/api/evidence/${evidence.id}/download`, { headers: { authorization: `Bearer ${(await member()).token}` } });
      expect(unchecked.status).toBe(409);
      expect(((await unchecked.json()) as { code: string }).code).toBe('evidence.checks_pending');
      // a safety check that ended otherwise than passed (the scanner failed on its last attempt): still not opened
      await owner.query(`UPDATE evidence_checks SET state = CASE WHEN "check" = 'malware' THEN 'failed' ELSE 'passed' END WHERE evidence_id = $1`, [evidence.id]);
      const failed = await fetch(`${baseUrl}/api/evidence/${evidence.id}/download`, { headers: { authorization: `Bearer ${(await member()).token}` } });
      expect(failed.status).toBe(409);
      expect(await failed.json()).toMatchObject({ code: 'evidence.safety_check_failed', params: { checks: 'malware' } });
      await owner.query(`UPDATE evidence_checks SET state = 'passed' WHERE evidence_id = $1`, [evidence.id]);
      const download = await fetch(`${baseUrl}/api/evidence/${evidence.id}/download`, { headers: { authorization: `Bearer ${(await member()).token}` } });
      expect(download.status).toBe(200);
      expect(download.headers.get('cache-control')).toBe('no-store');
      expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('content-security-policy')).toMatch(/^sandbox;/);
      await download.arrayBuffer();
    });
  });

  describe('bulk reads', () => {
    it('serves at most 100 rows a page and says so in Content-Range', async () => {
      const secretaryOf = await secretary();
      for (let batch = 0; batch < 11; batch++) {
        await Promise.all(Array.from({ length: 10 }, (_, n) => secretaryOf.post('/api/cases', newCase(`bulk ${batch}-${n}`))));
      }
      const total = (await db.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n as number;
      expect(total).toBeGreaterThan(100);
      const page = await secretaryOf.get<unknown[]>('/api/cases?range=[0,499]');
      expect(page.status).toBe(200);
      expect(page.body).toHaveLength(100);
      expect(page.headers.get('content-range')).toBe(`cases 0-99/${total}`);
      const tooMany = await secretaryOf.get<Problem>(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ id: Array.from({ length: 101 }, () => randomUUID()) }))}`);
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.code).toBe('list.too_many_ids');
    }, 120_000);

    it('writes one access.anomaly entry and counts a metric when a user reads more personal records a minute than allowed', async () => {
      await earlyInAMinute();
      const reader = await freshUser(Role.Secretary, limitedUrl);
      for (let n = 0; n < 3; n++) {
        const page = await reader.get<unknown[]>('/api/cases?range=[0,99]');
        expect(page.status).toBe(200);
        expect(page.body).toHaveLength(100);
      }
      const readerId = (await reader.get<{ id: string }>('/api/auth/me')).body.id;
      const anomalies = await db.query(`SELECT outcome, details FROM audit_log WHERE action = 'access.anomaly' AND actor_id = $1`, [readerId]);
      expect(anomalies.rows).toHaveLength(1);
      expect(anomalies.rows[0].details).toMatchObject({ anomaly: 'bulk_read', records: 200, thresholdPerMinute: 150, kind: 'case' });
      const metrics = await (await fetch(`${limitedUrl}/api/metrics`)).text();
      expect(metrics).toMatch(/aqtalu_bulk_read_anomalies_total\{kind="case"\} 1/);
    });

    it('answers 429 with Retry-After and a code once a user passes the reads of a minute, counted across replicas', async () => {
      await earlyInAMinute();
      const reader = await freshUser(Role.Auditor, limitedUrl);
      const onFirst = new HttpSession(limitedTwinUrl, reader.token);
      // 4 reads on each replica: the eighth is still allowed, the count is one
      for (let n = 0; n < 4; n++) {
        expect((await reader.get('/api/auth/me')).status).toBe(200);
        expect((await onFirst.get('/api/auth/me')).status).toBe(200);
      }
      const refused = await reader.get<Problem>('/api/auth/me');
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'http.read_rate_limited', params: { limit: 8 } });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    });
  });

  describe('audit what matters, once', () => {
    it('audits the lockout and the sign-ins refused while it lasts', async () => {
      const email = `nobody-${randomUUID().slice(0, 8)}@hardening.aqtalu`;
      const attempt = () => new HttpSession(baseUrl).request<Problem>('POST', '/api/auth/login', { email, password: 'wrong password guess' }, { 'x-forwarded-for': '10.77.0.1' });
      for (let n = 0; n < 5; n++) expect((await attempt()).status).toBe(401);
      const throttled = await attempt();
      expect(throttled.status).toBe(429);
      const rows = await db.query(`SELECT action, outcome, details FROM audit_log WHERE details->>'email' = $1 ORDER BY id`, [email]);
      expect(rows.rows.map((row) => row.action)).toEqual([...Array(5).fill('auth.login_failed'), 'auth.locked_out', 'auth.throttled']);
      expect(rows.rows[5]).toMatchObject({ outcome: 'denied', details: { by: 'account', failures: 5 } });
      expect(rows.rows[6]).toMatchObject({ outcome: 'denied', details: { reason: 'locked_out' } });
    });

    it('audits the loser of a version conflict', async () => {
      const opened = await (await secretary()).post<CaseBody>('/api/cases', newCase('conflict'));
      const first = await (await secretary()).patch<CaseBody>(`/api/cases/${opened.body.id}`, { version: opened.body.version, summary: 'first writer' });
      expect(first.status).toBe(200);
      const loser = await (await secretary()).patch<Problem>(`/api/cases/${opened.body.id}`, { version: opened.body.version, summary: 'second writer' });
      expect(loser.status).toBe(409);
      const rows = await db.query(`SELECT outcome, entity_type, details, request_id FROM audit_log WHERE action = 'resource.version_conflict' AND entity_id = $1`, [opened.body.id]);
      expect(rows.rows).toHaveLength(1);
      expect(rows.rows[0]).toMatchObject({ outcome: 'denied', entity_type: 'case', request_id: loser.body.requestId, details: { sentVersion: opened.body.version } });
    });

    it('answers 50 identical verifications at once with 200 and writes one audit entry', async () => {
      const opened = await (await secretary()).post<CaseBody>('/api/cases', newCase('verify once'));
      const form = new FormData();
      form.append('kind', EvidenceKind.TroikaProtocol);
      form.append('file', new Blob([new Uint8Array(await renderTestPdf([['Выписка из протокола тройки']]))], { type: 'application/pdf' }), 'troika.pdf');
      const uploaded = (await (await fetch(`${baseUrl}/api/cases/${opened.body.id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${(await member()).token}` }, body: form })).json()) as { id: string };
      // no worker here: the checks are passed as the worker would pass them
      await owner.query(`UPDATE evidence_checks SET state = 'passed' WHERE evidence_id = $1`, [uploaded.id]);
      const verifier = await lead();
      const answers = await Promise.all(Array.from({ length: 50 }, () => verifier.post<{ verification: string }>(`/api/evidence/${uploaded.id}/verify`, { verified: true })));
      expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
      expect(answers.every((answer) => answer.body.verification === 'verified')).toBe(true);
      const rows = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'evidence.verify' AND entity_id = $1`, [uploaded.id]);
      expect(rows.rows[0].n).toBe(1);
    }, 60_000);

    it('answers 50 identical votes at once with 200 and writes one audit entry; a changed vote is audited again', async () => {
      const opened = await (await secretary()).post<CaseBody>('/api/cases', newCase('vote once'));
      const id = opened.body.id;
      const move = async (session: HttpSession, name: CaseTransition) => {
        const current = (await (await secretary()).get<CaseBody>(`/api/cases/${id}`)).body;
        const answer = await session.post(`/api/cases/${id}/transitions/${name}`, { version: current.version });
        expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBe(200);
      };
      await move(await secretary(), CaseTransition.Submit);
      await move(await secretary(), CaseTransition.StartIntake);
      await move(await secretary(), CaseTransition.AcceptForVerification);
      const request = await (await member()).post<{ id: string; version: number }>(`/api/cases/${id}/archive-requests`, { archiveCode: 'SPEC-MVD', sought: 'the investigation file' });
      expect(request.status).toBe(201);
      await (await as(demo(Role.ArchiveLiaison).email)).post(`/api/archive-requests/${request.body.id}/actions/answer`, { version: request.body.version, note: 'ф. 2, оп. 1, д. 11573, л. 1–40' });
      await move(await member(), CaseTransition.CompleteVerification);
      const drafted = await (await member()).post<{ version: number }>(`/api/cases/${id}/conclusion`, { recommendation: 'rehabilitate', reasoning: 'The troika protocol shows an extrajudicial sentence.', legalArticleCode: 'law1993-art3' });
      expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
      expect((await (await lead()).post(`/api/cases/${id}/conclusion/sign`, { version: drafted.body.version })).status).toBe(200);
      await move(await lead(), CaseTransition.SubmitToCommission);
      const sessionId = (await (await secretary()).post<{ id: string }>('/api/commission/sessions', { date: '2026-12-01', place: 'Астана' })).body.id;
      const present = (await db.query(`SELECT id FROM users WHERE role IN ('commission_member','chair') AND disabled_at IS NULL`)).rows.map((row) => row.id);
      expect((await (await secretary()).request('PUT', `/api/commission/sessions/${sessionId}/attendance`, { present })).status).toBe(200);
      expect((await (await secretary()).post(`/api/commission/sessions/${sessionId}/agenda`, { caseId: id })).status).toBe(200);

      const voter = await as(demo(Role.CommissionMember).email);
      const vote = (choice: string) => voter.post(`/api/commission/sessions/${sessionId}/agenda/${id}/vote`, { choice });
      const answers = await Promise.all(Array.from({ length: 50 }, () => vote('for')));
      expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
      const votes = () => db.query(`SELECT details->>'choice' AS choice FROM audit_log WHERE action = 'commission.vote' AND entity_id = $1 ORDER BY id`, [id]);
      expect((await votes()).rows.map((row) => row.choice)).toEqual(['for']);
      expect((await vote('against')).status).toBe(200);
      expect((await vote('against')).status).toBe(200);
      expect((await votes()).rows.map((row) => row.choice)).toEqual(['for', 'against']);
    }, 90_000);
  });

  describe('failing stores', () => {
    it('answers 503 with Retry-After while the database cannot be reached, never 401, and writes nothing', async () => {
      const database = new URL(environment.ownerDatabaseUrl).pathname.slice(1);
      const session = await secretary();
      expect((await session.get('/api/auth/me')).status).toBe(200);
      await owner.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} CONNECTION LIMIT 0`);
      try {
        // every connection of the application's role but this test's own
        const own = (await db.query(`SELECT pg_backend_pid() AS pid`)).rows[0].pid as number;
        await owner.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = 'aqtalu_app' AND pid <> $2`, [database, own]);
        const me = await session.get<Problem>('/api/auth/me');
        expect(me.status).toBe(503);
        expect(me.headers.get('retry-after')).toBe('5');
        expect(me.body).toMatchObject({ code: 'store.database_unavailable', params: { retryAfterSeconds: 5 } });
        const write = await session.post<Problem>('/api/cases', newCase('written during the outage'));
        expect(write.status).toBe(503);
        expect(write.body.code).toBe('store.database_unavailable');
      } finally {
        await owner.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} CONNECTION LIMIT -1`);
      }
      await eventually(async () => (await session.get('/api/auth/me')).status === 200, 15_000, 'the API answering again');
      expect((await db.query(`SELECT count(*)::int AS n FROM cases WHERE summary = 'written during the outage'`)).rows[0].n).toBe(0);
    }, 30_000);

    const tinyDisk = join(tmpdir(), `aqtalu-full-disk-${randomUUID().slice(0, 8)}`);
    const mounted = tryMountTinyDisk(tinyDisk);
    afterAll(() => {
      if (mounted) execFileSync('umount', [tinyDisk]);
      rmSync(tinyDisk, { recursive: true, force: true });
    });

    // a real full disk: STORAGE_DIR on a 1 MB tmpfs; the upload fits there once but not twice (incoming + stored copy)
    it.runIf(mounted)('answers 507 when the storage disk is full, keeping no evidence row and no partial file', async () => {
      const full = await createApi({ ...environment.config, storage: { ...environment.config.storage, dir: tinyDisk } });
      await full.listen(0, '127.0.0.1');
      try {
        const fullUrl = await full.getUrl();
        const opened = await (await secretary()).post<CaseBody>('/api/cases', newCase('disk full'));
        const pdf = await renderTestPdf([['Акт о приведении приговора в исполнение']]);
        const padded = Buffer.concat([pdf, Buffer.from(`\n%${'0'.repeat(600 * 1024)}\n`)]);
        const form = new FormData();
        form.append('kind', EvidenceKind.ExecutionAct);
        form.append('file', new Blob([new Uint8Array(padded)], { type: 'application/pdf' }), 'act.pdf');
        const answer = await fetch(`${fullUrl}/api/cases/${opened.body.id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${(await member()).token}` }, body: form });
        const problem = (await answer.json()) as Problem;
        expect(answer.status, JSON.stringify(problem)).toBe(507);
        expect(problem.code).toBe('store.disk_full');
        expect((await db.query(`SELECT count(*)::int AS n FROM evidence WHERE case_id = $1`, [opened.body.id])).rows[0].n).toBe(0);
        const leftovers = () =>
          ['tmp', 'incoming'].flatMap((folder) => {
            try {
              return readdirSync(join(tinyDisk, folder));
            } catch {
              return [];
            }
          });
        // the partial file is removed as the failed write closes, which may finish just after the answer
        await eventually(async () => leftovers().length === 0, 5_000, 'the partial file removed').catch(() => undefined);
        expect(leftovers()).toEqual([]);
      } finally {
        await full.close();
      }
    }, 60_000);
  });
});
