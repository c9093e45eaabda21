import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApi } from '@aqtalu/api';
import { EvidenceKind, Role } from '@aqtalu/contracts';
import { freePort, listBaseBackups, startEmbeddedPostgres, walArchiveOf, type RunningPostgres } from '@aqtalu/dev-stack';
import { createDataSource, demoLogins, loadConfig, prepareDatabase, sealAuditLog, seedDemoUsers, verifyAuditLog } from '@aqtalu/server';
import { HttpSession, eventually, renderTestPdf } from '@aqtalu/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backup, restore } from './backup-commands.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;
const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The backup drill of the README, on a PostgreSQL of its own that archives its WAL (as `npm start`'s does):
 * back up, write 100 cases with evidence, note T, delete 10 cases, lose the server and its files, restore to T.
 */
describe('backup and point-in-time restore drill', () => {
  let root: string;
  let backupDir: string;
  let storageDir: string;
  let source: RunningPostgres;
  let api: NestExpressApplication | undefined;
  let restored: { stop(): Promise<void> } | undefined;
  let restoredApi: NestExpressApplication | undefined;
  const say = (line: string) => process.stdout.write(`[drill] ${line}\n`);

  const configFor = (databaseUrl: string, storage: string) =>
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: inject('redisUrl'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      QUEUE_PREFIX: `drill-${randomBytes(4).toString('hex')}`,
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      STORAGE_DIR: storage,
    });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'aqtalu-backup-drill-'));
    backupDir = join(root, 'backups');
    storageDir = join(root, 'files');
    source = await startEmbeddedPostgres({
      dataDir: join(root, 'postgres'),
      port: await freePort(),
      database: 'aqtalu',
      persistent: true,
      walArchiveDir: walArchiveOf(backupDir),
    });
    const dataSource = createDataSource({ url: source.url, applicationName: 'drill-migrate' });
    await dataSource.initialize();
    await prepareDatabase(dataSource);
    await seedDemoUsers(dataSource);
    await dataSource.destroy();
    const started = await createApi(configFor(source.url, storageDir));
    await started.listen(0, '127.0.0.1');
    api = started;
  }, 180_000);

  afterAll(async () => {
    await restoredApi?.close();
    await restored?.stop();
    await api?.close();
    await source?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('restores the cases, the audit chain and the evidence files as they were at T, after 10 cases were deleted and the server lost', async () => {
    const baseUrl = await api!.getUrl();
    const secretary = await HttpSession.loginAs(baseUrl, demo(Role.Secretary));
    const member = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
    const uploaded = new Map<string, string>(); // evidence id → sha256 of the bytes sent

    const openCase = async (n: number) => {
      const answer = await secretary.post<{ id: string }>('/api/cases', {
        regionCode: 'ALM',
        categoryCode: 'counter_revolutionary',
        summary: `Backup drill case ${n}`,
        applicant: { kind: 'relative', name: `Өтінуші ${n}`, kinship: 'grandson', kinshipProof: 'birth certificates' },
        subjects: [{ nameKk: `Сәрсенов Ахмет ${n}`, nameRu: `Сарсенов Ахмет ${n}` }],
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return answer.body.id;
    };
    const attach = async (caseId: string, n: number) => {
      const pdf = await renderTestPdf([[`Протокол тройки № ${n}`, `Сәрсенов Ахмет ${n}`]]);
      const form = new FormData();
      form.append('kind', EvidenceKind.TroikaProtocol);
      form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `protocol-${n}.pdf`);
      const response = await fetch(`${baseUrl}/api/cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${member.token}` }, body: form });
      const body = (await response.json()) as { id: string; sha256: string };
      expect(response.status, JSON.stringify(body)).toBe(201);
      expect(body.sha256).toBe(sha256(pdf));
      uploaded.set(body.id, body.sha256);
    };

    // Some cases with evidence before the first backup: the full backup copies their files.
    const caseIds: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      caseIds.push(await openCase(n));
      await attach(caseIds[n]!, n);
    }
    const first = await backup({ databaseUrl: source.url, backupDir, storageDir, say });
    expect(first.base?.label).toBeTruthy();
    expect(first.files).toMatchObject({ copied: 5, present: 0, corrupt: [] });

    // 100 cases in all, every fifth with a file; then the periodic `npm run backup -- --files-only` copies only the new ones.
    for (let n = 5; n < 100; n += 1) {
      caseIds.push(await openCase(n));
      if (n % 5 === 0) await attach(caseIds[n]!, n);
    }
    const filesOnly = await backup({ databaseUrl: source.url, backupDir, storageDir, filesOnly: true, say });
    expect(filesOnly.base).toBeNull();
    expect(filesOnly.files).toMatchObject({ copied: 19, present: 5, corrupt: [] });

    // Seal the audit log (the API seals in the background; an explicit pass makes the head final), then note T.
    const db = new pg.Client({ connectionString: source.url });
    await db.connect();
    // no worker runs here: the checks as a worker leaves them (a file is opened only once its safety checks have run)
    await db.query(`UPDATE evidence_checks SET state = 'passed'`);
    const audit = createDataSource({ url: source.url, applicationName: 'drill-audit' });
    await audit.initialize();
    await eventually(async () => (await sealAuditLog(audit)).sealed === 0, 15_000, 'the audit log sealed');
    const atT = await verifyAuditLog(audit);
    await audit.destroy();
    expect(atT).toMatchObject({ intact: true, unsealed: 0 });
    const count = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0]!.n;
    const casesAtT = await count('SELECT count(*)::int AS n FROM cases');
    const evidenceAtT = await count('SELECT count(*)::int AS n FROM evidence');
    expect(casesAtT).toBeGreaterThanOrEqual(100);
    expect(evidenceAtT).toBe(24);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const T = (await db.query<{ t: Date }>('SELECT clock_timestamp() AS t')).rows[0]!.t;
    await new Promise((resolve) => setTimeout(resolve, 20));

    // The accident: 10 cases deleted with what hangs on them (five with evidence), outside the application.
    const doomed = [0, 1, 2, 3, 4, 6, 7, 8, 9, 11].map((n) => caseIds[n]!);
    await db.query('BEGIN');
    await db.query('DELETE FROM evidence WHERE case_id = ANY($1)', [doomed]);
    await db.query('DELETE FROM cases WHERE id = ANY($1)', [doomed]);
    await db.query('COMMIT');
    expect(await count('SELECT count(*)::int AS n FROM cases')).toBe(casesAtT - 10);
    // What archive_timeout does within a minute: the segment holding the deletion goes to the archive.
    const { rows: switched } = await db.query<{ wal: string }>('SELECT pg_walfile_name(pg_switch_wal()) AS wal');
    await eventually(
      async () => (await db.query<{ done: boolean }>('SELECT last_archived_wal >= $1 AS done FROM pg_stat_archiver', [switched[0]!.wal])).rows[0]!.done,
      30_000,
      'the WAL segment with the deletion archived',
    );
    await db.end();

    // The disaster: the API, the server, its data folder and the evidence files are gone; only the backup folder is left.
    await api!.close();
    api = undefined;
    await source.stop();
    await rm(join(root, 'postgres'), { recursive: true, force: true });
    await rm(storageDir, { recursive: true, force: true });
    expect(await listBaseBackups(backupDir)).toHaveLength(1);

    // A moment past the end of the archive cannot be reached; the refusal says what to do instead.
    await expect(
      restore({ backupDir, target: new Date(), into: join(root, 'too-late'), port: await freePort(), database: 'aqtalu', say }),
    ).rejects.toThrow(/the WAL archive ends before .*restore to an earlier moment/);

    const { report, server } = await restore({
      backupDir,
      target: T,
      into: join(root, 'restored'),
      port: await freePort(),
      database: 'aqtalu',
      say,
      serverLog: (line) => say(`${new Date().toISOString()} ${line}`),
    });
    restored = server;
    say(`recovery time: ${report.totalSeconds.toFixed(2)} s (database ${report.databaseSeconds.toFixed(2)} s, files ${report.filesSeconds.toFixed(2)} s)`);
    expect(report.cases).toBe(casesAtT);
    expect(report.audit).toMatchObject({ intact: true, entries: atT.entries, unsealed: 0 });
    expect(report.audit.intact && report.audit.lastHash).toBe(atT.intact && atT.lastHash);
    expect(report.evidence).toEqual({ checked: 24, missing: [], corrupt: [] });
    expect(report.sound).toBe(true);
    expect(new Date(report.lastTransactionAt!).getTime()).toBeLessThanOrEqual(T.getTime());

    // The restored system answers as before: the deleted cases are back, and every evidence file downloads with its hash.
    const answering = await createApi(configFor(server.urlFor('aqtalu'), report.filesDir));
    restoredApi = answering;
    await answering.listen(0, '127.0.0.1');
    const restoredUrl = await answering.getUrl();
    const reader = await HttpSession.loginAs(restoredUrl, demo(Role.Secretary));
    for (const id of doomed) expect((await reader.get(`/api/cases/${id}`)).status).toBe(200);
    for (const [id, hash] of uploaded) {
      const response = await fetch(`${restoredUrl}/api/evidence/${id}/download`, { headers: { authorization: `Bearer ${reader.token}` } });
      expect(response.status, `download of evidence ${id}`).toBe(200);
      expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(hash);
    }
  }, 300_000);
});
