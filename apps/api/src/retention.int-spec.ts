import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JobName, QueueName, RetentionAction, RetentionCategory, Role, type RetentionRuleView, type RetentionRunView } from '@aqtalu/contracts';
import { demoLogins, redisConnection, RetentionService } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import { createWorker } from '@aqtalu/worker';
import { Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const applicantEmail = 'granddaughter@example.kz';

describe('retention as data: rules, dry run and the daily run', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let db: pg.Client;
  let admin: HttpSession;
  let queue: Queue;
  let queueEvents: QueueEvents;
  let userId: string;
  let importSeq = 0;

  /** The queue's way in: the job the daily scheduler adds, run by the worker's processor. */
  async function runJob(): Promise<RetentionRunView['counts']> {
    const job = await queue.add(JobName.ApplyRetention, {});
    return (await job.waitUntilFinished(queueEvents, 60_000)) as RetentionRunView['counts'];
  }

  const ids = async (table: string, key: string, wanted: string[]) =>
    ((await db.query(`SELECT ${key}::text AS id FROM ${table} WHERE ${key}::text = ANY($1) ORDER BY 1`, [wanted])).rows as Array<{ id: string }>).map((row) => row.id).sort();

  async function outboxRow(dispatchedDaysAgo: number | null): Promise<string> {
    const { rows } = await db.query(
      `INSERT INTO outbox_messages (job_name, payload, created_at, dispatched_at, attempts) VALUES ('deliver-notification', '{}', $1, $2, 1) RETURNING id::text`,
      [daysAgo((dispatchedDaysAgo ?? 400) + 1), dispatchedDaysAgo === null ? null : daysAgo(dispatchedDaysAgo)],
    );
    return rows[0].id;
  }

  async function notification(deliveredDaysAgo: number | null): Promise<string> {
    const { rows } = await db.query(
      `INSERT INTO notifications (user_id, kind, params, created_at, delivered_at) VALUES ($1, 'account.created', '{}', $2, $3) RETURNING id::text`,
      [userId, daysAgo((deliveredDaysAgo ?? 400) + 1), deliveredDaysAgo === null ? null : daysAgo(deliveredDaysAgo)],
    );
    return rows[0].id;
  }

  /** An import with `rows` staged rows; returns the keys of the rows ("importId:line"). */
  async function stagedImport(status: 'done' | 'running', finishedDaysAgo: number | null, rows: number): Promise<string[]> {
    importSeq += 1;
    const { rows: created } = await db.query(
      `INSERT INTO registry_imports (file_name, source, mapping, status, total_rows, created_by, created_at, finished_at)
       VALUES ($1, 'ф. 141, оп. 1', '{"fullName":"ФИО"}', $2, $3, $4, $5, $6) RETURNING id`,
      [`list-${importSeq}.csv`, status, rows, userId, daysAgo(60), finishedDaysAgo === null ? null : daysAgo(finishedDaysAgo)],
    );
    const importId = created[0].id as string;
    for (let line = 2; line < rows + 2; line += 1) {
      await db.query(
        `INSERT INTO registry_import_rows (import_id, line, full_name, new_person_id, script, skeleton, phonetic_tokens, initials)
         VALUES ($1, $2, 'Жұмабаев Қабдолла', $3, 'cyrillic', 'jumabaev kabdolla', '{}', 'ЖК')`,
        [importId, line, randomUUID()],
      );
    }
    return Array.from({ length: rows }, (_, i) => `${importId}:${i + 2}`);
  }

  const stagedLeft = async (keys: string[]) =>
    ((await db.query(`SELECT import_id || ':' || line AS key FROM registry_import_rows WHERE import_id || ':' || line = ANY($1)`, [keys])).rows as Array<{ key: string }>)
      .map((row) => row.key)
      .sort();

  async function upload(folder: 'incoming' | 'tmp', name: string, ageDays: number): Promise<string> {
    const dir = join(environment.config.storage.dir, folder);
    await mkdir(dir, { recursive: true });
    const path = join(dir, name);
    await writeFile(path, 'part of an upload');
    await utimes(path, daysAgo(ageDays), daysAgo(ageDays));
    return path;
  }

  /** A case in `status`, closed (a close transition in its history) `closedDaysAgo` days ago when given. */
  async function caseWithApplicant(number: string, status: string, closedDaysAgo: number | null): Promise<string> {
    const { rows } = await db.query(
      `INSERT INTO cases (number, region_id, category_code, status, summary, applicant_kind, applicant_name, applicant_kinship,
         applicant_kinship_proof, applicant_email, applicant_phone, applicant_address, created_by, created_at, updated_at)
       VALUES ($1, (SELECT id FROM regions WHERE code = 'ALM'), 'counter_revolutionary', $2, '', 'relative', 'Айгерім Нұрланқызы', 'granddaughter',
         'birth certificates of the father and the granddaughter', $3, '+7 701 000 00 00', 'Алматы, Абай даңғылы 1', $4, $5, $5) RETURNING id`,
      [number, status, applicantEmail, userId, daysAgo(3000)],
    );
    const id = rows[0].id as string;
    if (closedDaysAgo !== null) {
      await db.query(`INSERT INTO case_events (case_id, actor_id, kind, data, occurred_at) VALUES ($1, $2, 'transition', $3, $4)`, [
        id, userId, { transition: 'close', from: 'certificate_issued', to: 'closed', reason: null }, daysAgo(closedDaysAgo),
      ]);
    }
    return id;
  }

  const applicantOf = async (id: string) =>
    (
      await db.query(
        `SELECT applicant_name AS name, applicant_kinship AS kinship, applicant_kinship_proof AS "kinshipProof", applicant_email AS email,
                applicant_phone AS phone, applicant_address AS address, version FROM cases WHERE id = $1`,
        [id],
      )
    ).rows[0] as { name: string; kinship: string | null; kinshipProof: string | null; email: string | null; phone: string | null; address: string | null; version: number };

  const auditSince = async (since: number, action: string) =>
    (await db.query(`SELECT actor_id AS "actorId", entity_id AS "entityId", details, diff FROM audit_log WHERE id > $1 AND action = $2 ORDER BY id`, [since, action])).rows as Array<{
      actorId: string | null;
      entityId: string | null;
      details: Record<string, unknown>;
      diff: unknown;
    }>;
  const lastAuditId = async () => Number((await db.query(`SELECT coalesce(max(id), 0) AS id FROM audit_log`)).rows[0].id);

  beforeAll(async () => {
    // the worker's hourly outbox pruning (OUTBOX_RETENTION_DAYS) must not reach this test's rows before the rule does
    environment = await createTestEnvironment({ OUTBOX_RETENTION_DAYS: '3650' });
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    worker = await createWorker(environment.config);
    await worker.init();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    userId = admin.login!.user.id;
    const connection = redisConnection(environment.config.redisUrl);
    queue = new Queue(QueueName.Retention, { connection, prefix: environment.config.queuePrefix });
    queueEvents = new QueueEvents(QueueName.Retention, { connection, prefix: environment.config.queuePrefix });
    await queueEvents.waitUntilReady();
  });

  afterAll(async () => {
    await queueEvents?.close();
    await queue?.close();
    await db?.end();
    await worker?.close();
    await api?.close();
    await environment?.dispose();
  });

  it('seeds a rule per category, readable by the administrator and the auditor, and by nobody else', async () => {
    const rules = await admin.get<RetentionRuleView[]>('/api/retention/rules');
    expect(rules.status).toBe(200);
    expect(rules.body.map(({ category, keepDays, action }) => ({ category, keepDays, action }))).toEqual([
      { category: RetentionCategory.ClosedCaseApplicants, keepDays: 1825, action: RetentionAction.Reduce },
      { category: RetentionCategory.DeliveredNotifications, keepDays: 365, action: RetentionAction.Delete },
      { category: RetentionCategory.ImportStaging, keepDays: 30, action: RetentionAction.Delete },
      { category: RetentionCategory.OutboxMessages, keepDays: 7, action: RetentionAction.Delete },
      { category: RetentionCategory.TemporaryUploads, keepDays: 1, action: RetentionAction.Delete },
    ]);
    expect(rules.body.find((rule) => rule.category === RetentionCategory.ClosedCaseApplicants)!.allowedActions).toEqual([RetentionAction.Reduce, RetentionAction.Keep]);
    expect((await (await HttpSession.loginAs(baseUrl, demo(Role.Auditor))).get('/api/retention/rules')).status).toBe(200);
    const secretary = await HttpSession.loginAs(baseUrl, demo(Role.Secretary));
    expect((await secretary.get('/api/retention/rules')).status).toBe(403);
    expect((await secretary.post('/api/retention/dry-run', {})).status).toBe(403);
  });

  it('lets only the administrator change a rule, within its allowed actions, and audits the change', async () => {
    const auditor = await HttpSession.loginAs(baseUrl, demo(Role.Auditor));
    expect((await auditor.patch('/api/retention/rules/delivered_notifications', { keepDays: 30 })).status).toBe(403);

    const wrongAction = await admin.patch<{ code: string; params: { values: string[] } }>('/api/retention/rules/outbox_messages', { action: 'reduce' });
    expect(wrongAction.status).toBe(400);
    expect(wrongAction.body).toMatchObject({ code: 'validation.must_be_one_of', params: { field: 'action', values: ['delete', 'keep'] } });
    const unknown = await admin.patch<{ code: string; params: { known: string[] } }>('/api/retention/rules/audit_log', { keepDays: 1 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('retention.rule_unknown');
    expect(unknown.body.params.known).toContain(RetentionCategory.OutboxMessages);
    expect((await admin.patch('/api/retention/rules/outbox_messages', { keepDays: 0 })).status).toBe(400);
    expect((await admin.patch('/api/retention/rules/outbox_messages', { keepDays: '7' })).status).toBe(400);

    const since = await lastAuditId();
    const changed = await admin.patch<RetentionRuleView>('/api/retention/rules/delivered_notifications', { keepDays: 200 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ category: 'delivered_notifications', keepDays: 200, action: 'delete', updatedBy: userId });
    const [entry] = await auditSince(since, 'retention.rule_update');
    expect(entry).toMatchObject({ actorId: userId, entityId: 'delivered_notifications' });
    expect(JSON.stringify(entry!.diff)).toContain('200');
    // back to the default for the next test
    expect((await admin.patch('/api/retention/rules/delivered_notifications', { keepDays: 365 })).status).toBe(200);
  });

  it('counts in a dry run exactly what the daily job then deletes or reduces, leaves what is inside its period, and audits each run once', async () => {
    // what the template's demo data holds already is pruned first, so the counts below are this test's rows only
    await runJob();

    const outboxOld = [await outboxRow(10), await outboxRow(30)];
    const outboxKept = [await outboxRow(2), await outboxRow(null)];
    const notificationsOld = [await notification(400), await notification(500)];
    const notificationsKept = [await notification(100), await notification(null)];
    const stagedOld = await stagedImport('done', 40, 3);
    const stagedKept = [...(await stagedImport('done', 5, 2)), ...(await stagedImport('running', null, 2))];
    const uploadsOld = [await upload('incoming', 'a1b2c3', 3), await upload('tmp', '1796000000000-abcdef', 2)];
    const uploadsKept = [await upload('incoming', 'd4e5f6', 0)];
    const closedLongAgo = await caseWithApplicant('ALM-2019-000901', 'closed', 2000);
    const closedRecently = await caseWithApplicant('ALM-2025-000902', 'closed', 100);
    const openOld = await caseWithApplicant('ALM-2018-000903', 'archive_verification', null);
    const before = await applicantOf(closedLongAgo);
    const expected = {
      outbox_messages: 2,
      delivered_notifications: 2,
      import_staging: 3,
      temporary_uploads: 2,
      closed_case_applicants: 1,
    };

    const since = await lastAuditId();
    const dryRun = await admin.post<RetentionRunView>('/api/retention/dry-run', {});
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.dryRun).toBe(true);
    expect(dryRun.body.counts).toEqual(expected);
    // a dry run changes nothing
    expect(await ids('outbox_messages', 'id', [...outboxOld, ...outboxKept])).toEqual([...outboxOld, ...outboxKept].sort());
    expect(await ids('notifications', 'id', [...notificationsOld, ...notificationsKept])).toEqual([...notificationsOld, ...notificationsKept].sort());
    expect(await stagedLeft(stagedOld)).toEqual([...stagedOld].sort());
    expect(uploadsOld.every((path) => existsSync(path))).toBe(true);
    expect(await applicantOf(closedLongAgo)).toEqual(before);

    const counts = await runJob();
    expect(counts).toEqual(dryRun.body.counts);

    // deleted: older than the period; untouched: inside it, or never handed on / delivered / finished
    expect(await ids('outbox_messages', 'id', [...outboxOld, ...outboxKept])).toEqual([...outboxKept].sort());
    expect(await ids('notifications', 'id', [...notificationsOld, ...notificationsKept])).toEqual([...notificationsKept].sort());
    expect(await stagedLeft([...stagedOld, ...stagedKept])).toEqual([...stagedKept].sort());
    expect(uploadsOld.map((path) => existsSync(path))).toEqual([false, false]);
    expect(uploadsKept.map((path) => existsSync(path))).toEqual([true]);

    // the applicant of the case closed long ago keeps what the decision needs; the others keep everything
    expect(await applicantOf(closedLongAgo)).toEqual({
      name: 'Айгерім Нұрланқызы', kinship: 'granddaughter', kinshipProof: null, email: null, phone: null, address: null, version: before.version + 1,
    });
    for (const id of [closedRecently, openOld]) {
      expect(await applicantOf(id)).toMatchObject({ kinshipProof: 'birth certificates of the father and the granddaughter', email: applicantEmail, phone: '+7 701 000 00 00', address: 'Алматы, Абай даңғылы 1', version: 1 });
    }

    // one entry per run with the counts (the dry run's by the administrator, the job's by nobody), one per reduced case without the values
    const dryRuns = await auditSince(since, 'retention.dry_run');
    expect(dryRuns).toHaveLength(1);
    expect(dryRuns[0]).toMatchObject({ actorId: userId, details: { dryRun: true, counts: expected } });
    const runs = await auditSince(since, 'retention.run');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ actorId: null, details: { dryRun: false, counts: expected } });
    const reductions = await auditSince(since, 'case.applicant_reduce');
    expect(reductions).toHaveLength(1);
    expect(reductions[0]).toMatchObject({
      entityId: closedLongAgo,
      details: { number: 'ALM-2019-000901', fields: ['applicantKinshipProof', 'applicantEmail', 'applicantPhone', 'applicantAddress'], keepDays: 1825 },
    });
    expect(JSON.stringify(reductions[0])).not.toContain(applicantEmail);

    // idempotent: a second run finds nothing and reduces no case twice
    const again = await api.get(RetentionService).run({ dryRun: false });
    expect(Object.values(again.counts)).toEqual([0, 0, 0, 0, 0]);
    expect(await auditSince(since, 'case.applicant_reduce')).toHaveLength(1);
    expect(await auditSince(since, 'retention.run')).toHaveLength(2);
  });

  it('follows the rules as edited: a shorter period reaches more, and keep stops a category', async () => {
    const recentlyClosed = await caseWithApplicant('ALM-2025-000904', 'closed', 100);
    const delivered = await notification(100);
    expect((await admin.patch('/api/retention/rules/closed_case_applicants', { action: 'keep' })).status).toBe(200);
    expect((await admin.patch('/api/retention/rules/delivered_notifications', { keepDays: 50 })).status).toBe(200);
    const dryRun = await admin.post<RetentionRunView>('/api/retention/dry-run', {});
    expect(dryRun.body.counts.closed_case_applicants).toBe(0);
    expect(dryRun.body.counts.delivered_notifications).toBeGreaterThanOrEqual(1);
    expect(await runJob()).toEqual(dryRun.body.counts);
    expect(await ids('notifications', 'id', [delivered])).toEqual([]);
    expect((await applicantOf(recentlyClosed)).email).toBe(applicantEmail);

    expect((await admin.patch('/api/retention/rules/closed_case_applicants', { action: 'reduce', keepDays: 30 })).status).toBe(200);
    expect((await runJob()).closed_case_applicants).toBeGreaterThanOrEqual(1);
    expect((await applicantOf(recentlyClosed)).email).toBeNull();
  });

  it('is scheduled daily by the worker', async () => {
    const scheduler = await queue.getJobScheduler('retention-daily');
    expect(scheduler).toMatchObject({ pattern: '30 2 * * *', tz: 'Asia/Almaty', name: JobName.ApplyRetention });
  });
});
