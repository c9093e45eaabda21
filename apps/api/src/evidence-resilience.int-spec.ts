import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EvidenceKind, QueueName, Role } from '@aqtalu/contracts';
import { freePort, startLocalRedis, type RunningRedis } from '@aqtalu/dev-stack';
import { demoLogins, redisConnection } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, renderTestPdf, renderTestScannedPdf, type TestEnvironment } from '@aqtalu/testing';
import { Queue } from 'bullmq';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '@aqtalu/worker';
import { createApi } from './bootstrap.js';

interface Evidence {
  id: string;
  pages: number | null;
  checks: Array<{ check: string; state: string; reason: string | null }>;
}

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;
/** The built worker (`npm test` builds first), started as the process `npm start` starts. */
const workerMain = fileURLToPath(new URL('../../worker/dist/main.js', import.meta.url));

async function openCase(session: HttpSession): Promise<string> {
  const opened = await session.post<{ id: string }>('/api/cases', {
    regionCode: 'ALM',
    categoryCode: 'counter_revolutionary',
    summary: 'Evidence checked through crashes',
    applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'granddaughter', kinshipProof: 'birth certificates' },
    subjects: [{ nameKk: 'Жұмабаев Қабдолла', nameRu: 'Жумабаев Кабдолла' }],
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  return opened.body.id;
}

async function upload(baseUrl: string, session: HttpSession, caseId: string, bytes: Buffer, name: string): Promise<Evidence> {
  const form = new FormData();
  form.append('kind', EvidenceKind.InvestigationFile);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  const response = await fetch(`${baseUrl}/api/cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` }, body: form });
  expect(response.status).toBe(201);
  return (await response.json()) as Evidence;
}

const finished = (evidence: Evidence) => evidence.checks.every((c) => c.state !== 'pending' && c.state !== 'running');

describe('evidence checks survive a killed worker', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  const workers: ChildProcess[] = [];

  function startWorkerProcess(): ChildProcess {
    const child = spawn(process.execPath, [workerMain], { env: { ...process.env, ...environment.env }, stdio: ['ignore', 'ignore', 'pipe'] });
    workers.push(child);
    return child;
  }

  beforeAll(async () => {
    // a short lock, so BullMQ notices the dead worker's job in seconds rather than the default 30 s
    // and import batches smaller than the list, so the killed worker leaves a part applied
    environment = await createTestEnvironment({ JOB_LOCK_MS: '2000', IMPORT_APPLY_BATCH: '5000' });
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    for (const child of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  it('finishes a check interrupted by SIGKILL exactly once, in the next worker', async () => {
    const member = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
    const caseId = await openCase(await HttpSession.loginAs(baseUrl, demo(Role.Secretary)));
    // eight scanned pages without a text layer: the OCR takes long enough to be interrupted
    const pages = Array.from({ length: 8 }, (_, page) => [`Тергеу ісі, ${page + 1}-парақ`, 'Жумабаев Кабдолла', 'Протокол допроса']);
    const evidence = await upload(baseUrl, member, caseId, await renderTestScannedPdf(pages), 'interrogation.pdf');

    const first = startWorkerProcess();
    await eventually(async () => {
      const { rows } = await db.query(`SELECT state FROM evidence_checks WHERE evidence_id = $1 AND "check" = 'text'`, [evidence.id]);
      return rows[0]?.state === 'running';
    }, 60_000, 'the text check to start in the first worker');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    startWorkerProcess();
    const done = await eventually(async () => {
      const answer = (await member.get<Evidence>(`/api/evidence/${evidence.id}`)).body;
      return finished(answer) ? answer : null;
    }, 120_000, 'the checks to finish in the second worker');
    expect(Object.fromEntries(done.checks.map((c) => [c.check, c.state]))).toEqual({
      sniff: 'passed', checksum: 'passed', malware: 'not_scanned', active_content: 'passed', text: 'passed', thumbnail: 'passed', proposals: 'passed',
    });
    expect(done.pages).toBe(8);
    expect(done.checks.find((c) => c.check === 'text')?.reason).toContain('OCR of 8 page(s)');

    // one job, completed once, after BullMQ found it stalled by the dead worker
    const queue = new Queue(QueueName.Evidence, { connection: redisConnection(environment.config.redisUrl), prefix: environment.config.queuePrefix });
    try {
      const jobs = (await queue.getJobs(['completed', 'failed', 'active', 'wait', 'delayed'])).filter((job) => job.data.evidenceId === evidence.id);
      expect(jobs).toHaveLength(1);
      expect(await jobs[0].getState()).toBe('completed');
      expect(jobs[0].stalledCounter).toBeGreaterThanOrEqual(1);
    } finally {
      await queue.close();
    }
    const proposals = await db.query(`SELECT kind, count(*)::int AS n FROM evidence_proposals WHERE evidence_id = $1 GROUP BY kind`, [evidence.id]);
    expect(proposals.rows.every((row) => row.n >= 1)).toBe(true);
    const found = await member.get<Evidence[]>(`/api/cases/${caseId}/evidence?filter=${encodeURIComponent(JSON.stringify({ q: 'допроса' }))}`);
    expect(found.body.map((e) => e.id)).toEqual([evidence.id]);
  }, 240_000);

  it('resumes an import of a list after its worker is killed with SIGKILL, creating every person exactly once', async () => {
    const secretary = await HttpSession.loginAs(baseUrl, demo(Role.Secretary));
    const surnames = ['Омаров', 'Бекмұхамбетов', 'Тәжібаев', 'Сейітов', 'Әбілов', 'Жұмабаев', 'Құнанбаев', 'Байтұрсынов'];
    const given = ['Қуаныш', 'Асқар', 'Нұрлан', 'Ерғали', 'Серік', 'Мағжан', 'Ахмет', 'Сәкен', 'Міржақып', 'Ілияс'];
    const rows = 30_000;
    const csv = ['Фамилия,Имя,Год рождения', ...Array.from({ length: rows }, (_, i) => `${surnames[i % 8]},${given[(i >> 3) % 10]},${1880 + (i % 40)}`)].join('\n');
    const before = (await db.query(`SELECT count(*)::int AS n FROM persons`)).rows[0].n as number;
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'karlag-list.csv');
    form.append('source', 'ЦГА РК, ф. 1137, оп. 1, д. 22');
    form.append('mapping', JSON.stringify({ surname: 'Фамилия', givenName: 'Имя', birthYear: 'Год рождения' }));
    form.append('dryRun', 'false');
    const loaded = await fetch(`${baseUrl}/api/registry/imports`, { method: 'POST', headers: { authorization: `Bearer ${secretary.token}` }, body: form });
    expect(loaded.status).toBe(201);
    const { importId } = (await loaded.json()) as { importId: string };
    const applied = async () => (await db.query(`SELECT count(*)::int AS n FROM registry_import_rows WHERE import_id = $1 AND line <= (SELECT applied_line FROM registry_imports WHERE id = $1)`, [importId])).rows[0].n as number;

    const first = startWorkerProcess();
    await eventually(async () => (await applied()) > 0, 60_000, 'the first batch of the import');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(await applied()).toBeLessThan(rows);

    startWorkerProcess();
    const done = await eventually(async () => {
      const progress = (await secretary.get<{ status: string; appliedRows: number; createdPersons: number }>(`/api/registry/imports/${importId}`)).body;
      return progress.status === 'done' ? progress : null;
    }, 120_000, 'the import to finish in the second worker');
    expect(done).toMatchObject({ appliedRows: rows, createdPersons: rows });
    expect((await db.query(`SELECT count(*)::int AS n FROM persons`)).rows[0].n).toBe(before + rows);
    const twice = await db.query(`SELECT count(*)::int AS n FROM (SELECT person_id FROM person_name_variants WHERE source LIKE 'ЦГА РК, ф. 1137%' GROUP BY person_id HAVING count(*) > 1) t`);
    expect(twice.rows[0].n).toBe(0);
  }, 240_000);
});

describe('an upload while Redis is down', () => {
  let redisDir: string;
  let redis: RunningRedis;
  let redisPort: number;
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext | undefined;
  let baseUrl: string;

  beforeAll(async () => {
    redisDir = await mkdtemp(join(tmpdir(), 'aqtalu-redis-down-'));
    redisPort = await freePort();
    redis = await startLocalRedis({ dataDir: redisDir, port: redisPort, persistent: false, allowInstall: true });
    environment = await createTestEnvironment({ REDIS_URL: redis.url });
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  afterAll(async () => {
    await api?.close();
    await environment?.dispose();
    await redis?.stop();
    if (redisDir) await rm(redisDir, { recursive: true, force: true });
  });

  it('is accepted, and its checks run once Redis is back', async () => {
    const member = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
    const caseId = await openCase(await HttpSession.loginAs(baseUrl, demo(Role.Secretary)));
    await redis.stop();

    const evidence = await upload(baseUrl, member, caseId, await renderTestPdf([['Приговор исполнен']]), 'act.pdf');
    expect(evidence.checks.every((c) => c.state === 'pending')).toBe(true);
    const health = await fetch(`${baseUrl}/api/health`);
    expect(health.status).toBe(503);

    redis = await startLocalRedis({ dataDir: redisDir, port: redisPort, persistent: false, allowInstall: true });
    worker = await createWorker(environment.config);
    await worker.init();
    const done = await eventually(async () => {
      const answer = (await member.get<Evidence>(`/api/evidence/${evidence.id}`)).body;
      return finished(answer) ? answer : null;
    }, 60_000, 'the checks after Redis came back');
    expect(done.checks.find((c) => c.check === 'text')).toMatchObject({ state: 'passed' });
  }, 120_000);
});
