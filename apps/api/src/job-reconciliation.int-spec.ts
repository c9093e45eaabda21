import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EvidenceKind, QueueName, Role } from '@aqtalu/contracts';
import { freePort, startLocalRedis, type RunningRedis } from '@aqtalu/dev-stack';
import { checkRedisEvictionPolicy, demoLogins, redisConnection, RedisPolicyError } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, renderTestPdf, type TestEnvironment } from '@aqtalu/testing';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, EvidenceProcessor, ReconciliationScheduler } from '@aqtalu/worker';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

describe('nothing stuck after Redis loses its data', () => {
  let redis: RunningRedis;
  let redisDir: string;
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let db: pg.Client;
  let client: Redis;
  let queue: Queue;
  let member: HttpSession;
  let caseId: string;

  beforeAll(async () => {
    // a Redis of its own: FLUSHALL must not touch the other test files' queues
    redisDir = await mkdtemp(join(tmpdir(), 'aqtalu-redis-'));
    redis = await startLocalRedis({ dataDir: redisDir, port: await freePort(), persistent: false, allowInstall: false });
    environment = await createTestEnvironment({ REDIS_URL: redis.url, JOB_LOCK_MS: '1000', HEALTH_STUCK_CHECK_MINUTES: '10' });
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    worker = await createWorker(environment.config);
    await worker.init();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    client = new Redis(redis.url);
    queue = new Queue(QueueName.Evidence, { connection: redisConnection(redis.url), prefix: environment.config.queuePrefix });
    member = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
    const secretary = await HttpSession.loginAs(baseUrl, demo(Role.Secretary));
    const opened = await secretary.post<{ id: string }>('/api/cases', {
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      summary: 'Checks that Redis lost',
      applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'granddaughter', kinshipProof: 'birth certificates' },
      subjects: [{ nameKk: 'Жұмабаев Қабдолла', nameRu: 'Жумабаев Кабдолла' }],
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = opened.body.id;
  }, 120_000);

  afterAll(async () => {
    await queue?.close();
    client?.disconnect();
    await db?.end();
    await worker?.close();
    await api?.close();
    await environment?.dispose();
    await redis?.stop();
    if (redisDir) await rm(redisDir, { recursive: true, force: true });
  });

  async function upload(bytes: Buffer, name: string): Promise<string> {
    const form = new FormData();
    form.append('kind', EvidenceKind.InvestigationFile);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    const response = await fetch(`${baseUrl}/api/cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${member.token}` }, body: form });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  const unfinished = async (ids: string[]) =>
    (await db.query(`SELECT count(DISTINCT evidence_id)::int AS n FROM evidence_checks WHERE evidence_id = ANY($1::uuid[]) AND state IN ('pending', 'running')`, [ids])).rows[0].n as number;

  it('re-drives every check whose job Redis lost: 200 documents, FLUSHALL, all finished', async () => {
    await queue.pause(); // the jobs wait in Redis, as when the workers are busy
    const pdf = await renderTestPdf([['Протокол допроса', 'Жумабаев Кабдолла, 1937']]);
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 1) ids.push(await upload(pdf, `protocol-${i}.pdf`));
    await eventually(async () => (await db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE dispatched_at IS NULL`)).rows[0].n === 0, 30_000, 'the relay to hand every job to BullMQ');
    expect(await queue.getWaitingCount()).toBe(200);

    await client.flushall();
    // health: checks unfinished for longer than HEALTH_STUCK_CHECK_MINUTES make it degraded
    await db.query(`UPDATE evidence_checks SET updated_at = now() - interval '1 hour' WHERE evidence_id = ANY($1::uuid[])`, [ids]);
    const health = await fetch(`${baseUrl}/api/health`).then((r) => r.json() as Promise<{ status: string; info?: Record<string, { status: string; stuckChecks?: number }>; details: Record<string, { status: string; stuckChecks?: number }> }>);
    expect(health.details.worker.status).toBe('degraded');
    expect(health.details.worker.stuckChecks).toBe(200);
    expect(await unfinished(ids)).toBe(200);

    const sut = worker.get(ReconciliationScheduler);
    const report = await sut.reconcileOnce(0);
    expect(report).toMatchObject({ redriven: 200, failed: 0 });
    // idempotent: a second round finds the jobs queued again and re-drives nothing
    await eventually(async () => (await db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE dispatched_at IS NULL`)).rows[0].n === 0, 30_000, 'the relay to send them again');
    expect(await sut.reconcileOnce(0)).toMatchObject({ redriven: 0, failed: 0 });

    await eventually(async () => (await unfinished(ids)) === 0, 400_000, 'every check to finish');
    const states = await db.query(`SELECT state, count(*)::int AS n FROM evidence_checks WHERE evidence_id = ANY($1::uuid[]) GROUP BY state ORDER BY state`, [ids]);
    expect(states.rows).toEqual([{ state: 'not_scanned', n: 200 }, { state: 'passed', n: 200 * 6 }]);
    // one outbox row per evidence: the re-drive reused each row and its job id
    expect((await db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE payload->>'evidenceId' = ANY($1::text[])`, [ids])).rows[0].n).toBe(200);
  }, 480_000);

  it('shows a check whose job stalled twice as failed, and runs it again on a recheck', async () => {
    await eventually(async () => (await queue.getWaitingCount()) + (await queue.getActiveCount()) === 0, 300_000, 'the evidence queue to drain');
    // the worker's own evidence worker stops; a worker that never renews its lock takes the job, which stalls twice
    await worker.get(EvidenceProcessor).worker.close();
    const stalling = new Worker(QueueName.Evidence, () => new Promise(() => undefined), {
      connection: redisConnection(redis.url), prefix: environment.config.queuePrefix, lockDuration: 1000, stalledInterval: 1000, maxStalledCount: 1, skipLockRenewal: true, concurrency: 4, // a hung run keeps its slot: others take the job again
    });
    let second: INestApplicationContext | undefined;
    try {
      const id = await upload(await renderTestPdf([['Акт']]), 'act.pdf');
      const sut = worker.get(ReconciliationScheduler);
      const failed = await eventually(async () => {
        await sut.reconcileOnce(0);
        const { rows } = await db.query(`SELECT "check", state, reason_code AS code FROM evidence_checks WHERE evidence_id = $1 AND state IN ('pending', 'running', 'failed')`, [id]);
        return rows.length > 0 && rows.every((row) => row.state === 'failed') ? rows : null;
      }, 60_000, 'the stalled job to land in the failed set and its checks to say failed');
      expect(new Set(failed.map((row) => row.code))).toEqual(new Set(['check.job_stalled']));
      const shown = await member.get<{ checks: Array<{ state: string; reasonCode: string }> }>(`/api/evidence/${id}`);
      expect(shown.body.checks.filter((c) => c.state === 'failed').map((c) => c.reasonCode)).toContain('check.job_stalled');
      await stalling.close(true);

      // a recheck runs them again, in a worker that works
      second = await createWorker(environment.config);
      await second.init();
      const recheck = await member.post(`/api/evidence/${id}/recheck`, {});
      expect(recheck.status).toBeLessThan(300);
      await eventually(async () => (await unfinished([id])) === 0, 60_000, 'the recheck to finish the checks');
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM evidence_checks WHERE evidence_id = $1 AND state NOT IN ('passed', 'not_scanned')`, [id]);
      expect(rows[0].n).toBe(0);
    } finally {
      await stalling.close(true).catch(() => undefined);
      await second?.close();
    }
  }, 180_000);

  it('refuses a Redis that may evict keys, with one line', async () => {
    await client.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      const refused = await checkRedisEvictionPolicy(redis.url).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RedisPolicyError);
      expect((refused as Error).message).toMatch(/^REDIS_URL: Redis has maxmemory-policy allkeys-lru.*noeviction/);
      expect((refused as Error).message).not.toContain('\n');
    } finally {
      await client.config('SET', 'maxmemory-policy', 'noeviction');
    }
    expect(await checkRedisEvictionPolicy(redis.url)).toBe('noeviction');
  });
});
