import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@aqtalu/contracts';
import { AuditCheckpointFolder, AuditService, createDataSource, demoLogins, newAuditKeyPair, sealAuditLog, verifyAuditLog } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

describe('audit log: concurrent appends, a chain sealed afterwards, monthly partitions', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  let dataSource: DataSource;
  let checkpointDir: string;
  const keys = newAuditKeyPair();

  /** Seals everything committed so far (waiting for the API's own sealer if it holds the lock). */
  const sealAll = async () => {
    await eventually(async () => (await sealAuditLog(dataSource)).sealed === 0, 15_000, 'an empty unsealed tail');
  };

  beforeAll(async () => {
    checkpointDir = await mkdtemp(join(tmpdir(), 'aqtalu-checkpoints-'));
    environment = await createTestEnvironment({
      AUDIT_SIGNING_KEY: keys.signingKey,
      AUDIT_CHECKPOINT_DIR: checkpointDir,
      AUDIT_CHECKPOINT_INTERVAL_SECONDS: '1',
    });
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    // the owner's connection, for what an attacker with the owner's rights would do
    db = new pg.Client({ connectionString: environment.ownerDatabaseUrl });
    await db.connect();
    dataSource = createDataSource({ url: environment.databaseUrl, applicationName: 'audit-test' });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.end();
    await api?.close();
    await environment?.dispose();
    await rm(checkpointDir, { recursive: true, force: true });
  });

  it('keeps every one of 200 concurrent audited reads and 50 writes, each once, in a chain that verifies', async () => {
    const secretary = await HttpSession.loginAs(baseUrl, demo(Role.Secretary));
    const created = await secretary.post<{ id: string }>('/api/cases', {
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      summary: 'Application of a relative',
      applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'granddaughter', kinshipProof: 'birth certificates', email: 'aigerim@example.kz' },
      subjects: [{ nameKk: 'Жұмабаев Қабдолла', nameRu: 'Жумабаев Кабдолла' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const caseId = created.body.id;
    const before = Number((await db.query(`SELECT count(*) FROM audit_log`)).rows[0].count);

    const reads = Array.from({ length: 200 }, () => secretary.get(`/api/cases/${caseId}`));
    const writes = Array.from({ length: 50 }, (_, index) => secretary.post(`/api/cases/${caseId}/comments`, { body: `comment ${index}` }));
    const answers = await Promise.all([...reads, ...writes]);
    expect(answers.map((answer) => answer.status).filter((status) => status >= 300)).toEqual([]);

    await sealAll();
    const counts = (
      await db.query(
        `SELECT action, count(*)::int AS count, count(DISTINCT request_id)::int AS requests FROM audit_log
         WHERE entity_id = $1 AND action IN ('case.read', 'case.comment') GROUP BY action ORDER BY action`,
        [caseId],
      )
    ).rows;
    const reads200 = counts.find((row) => row.action === 'case.read');
    const comments = counts.find((row) => row.action === 'case.comment');
    expect(reads200).toMatchObject({ requests: reads200?.count });
    expect(reads200!.count).toBeGreaterThanOrEqual(200);
    expect(comments).toEqual({ action: 'case.comment', count: 50, requests: 50 });

    const chain = (await db.query(`SELECT count(*)::int AS n, count(DISTINCT chain_seq)::int AS distinct_seq, max(chain_seq)::int AS max_seq FROM audit_log`)).rows[0];
    expect(chain.n).toBeGreaterThanOrEqual(before + 250);
    expect(chain).toEqual({ n: chain.n, distinct_seq: chain.n, max_seq: chain.n });
    expect(await verifyAuditLog(dataSource)).toMatchObject({ intact: true, entries: chain.n, unsealed: 0 });
  });

  it('seals an entry that commits after a later one was sealed, further along the chain', async () => {
    const audit = api.get(AuditService);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await audit.record({ action: 'test.late', entityType: 'test', entityId: 'late' }, runner.manager);
      const lateId = (await runner.query(`SELECT max(id)::text AS id FROM audit_log WHERE action = 'test.late'`))[0].id as string;
      await audit.record({ action: 'test.early', entityType: 'test', entityId: 'early' });
      await sealAll();
      const early = (await db.query(`SELECT id::text AS id, chain_seq::text AS seq FROM audit_log WHERE action = 'test.early'`)).rows[0];
      expect(BigInt(early.id)).toBeGreaterThan(BigInt(lateId));
      expect(early.seq).not.toBeNull();
      await runner.commitTransaction();

      await sealAll();
      const late = (await db.query(`SELECT id::text AS id, chain_seq::text AS seq FROM audit_log WHERE action = 'test.late'`)).rows[0];
      expect(late.id).toBe(lateId);
      expect(BigInt(late.seq)).toBeGreaterThan(BigInt(early.seq));
      expect(await verifyAuditLog(dataSource)).toMatchObject({ intact: true, unsealed: 0 });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('reports entries written but not sealed yet without calling the log broken', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // the sealer's lock, held here, keeps every sealer away while the entry waits
      await runner.query('SELECT pg_advisory_xact_lock(7331003)');
      await api.get(AuditService).record({ action: 'test.waiting', entityType: 'test', entityId: 'waiting' });
      const verdict = await verifyAuditLog(dataSource);
      expect(verdict).toMatchObject({ intact: true });
      expect(verdict.unsealed).toBeGreaterThanOrEqual(1);
      expect(verdict.oldestUnsealedAt).not.toBeNull();
      const metrics = await new HttpSession(baseUrl).get<string>('/api/metrics');
      expect(metrics.body).toMatch(/aqtalu_audit_unsealed_entries [1-9]/);
      expect(metrics.body).toMatch(/aqtalu_audit_seal_lag_seconds \d/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    await sealAll();
  });

  it('signs checkpoints outside the database, so a chain re-hashed after a change fails verification', async () => {
    const auditor = await HttpSession.loginAs(baseUrl, demo(Role.Auditor));
    const folder = new AuditCheckpointFolder(checkpointDir);
    const checkpoint = await eventually(async () => {
      await auditor.get('/api/cases');
      const files = await folder.all();
      const last = files.at(-1)?.checkpoint;
      return last && BigInt(last.chainSeq) >= 3n ? last : null;
    }, 20_000, 'a signed checkpoint');
    const before = await auditor.get<{ intact: boolean; checkpointsChecked: boolean; checkpoint: { chainSeq: string } | null }>('/api/audit-log/verification');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ intact: true, checkpointsChecked: true });
    expect(before.body.checkpoint).not.toBeNull();

    // what an attacker with the database owner's rights would do: change an entry, then re-seal everything after it
    const target = (await db.query(`SELECT id::text AS id, chain_seq::int AS seq FROM audit_log WHERE chain_seq = $1 - 1`, [checkpoint.chainSeq])).rows[0];
    // (holding the sealer's lock meanwhile, as an attacker would stop the sealers, so none seals half-way)
    await db.query('BEGIN');
    try {
      await db.query('SELECT pg_advisory_xact_lock(7331003)');
      await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await db.query(`UPDATE audit_log SET details = '{"rewritten": true}', chain_seq = NULL, previous_hash = NULL, hash = NULL, sealed_at = NULL WHERE chain_seq >= $1`, [target.seq]);
      await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
    await sealAll();
    const rehashed = await verifyAuditLog(dataSource);
    expect(rehashed, JSON.stringify(rehashed)).toMatchObject({ intact: true });
    const after = await auditor.get<{ intact: boolean; reason: string }>('/api/audit-log/verification');
    expect(after.body).toMatchObject({ intact: false });
    expect(after.body.reason).toContain('checkpoint');

    // a checkpoint forged without the key is named, not trusted
    await writeFile(join(checkpointDir, 'checkpoint-999999999999999.json'), JSON.stringify({ ...checkpoint, chainSeq: '999999999999999' }));
    const forged = await auditor.get<{ rejectedCheckpoints: string[] }>('/api/audit-log/verification');
    expect(forged.body.rejectedCheckpoints).toEqual(['checkpoint-999999999999999.json']);
    expect((await readdir(checkpointDir)).length).toBeGreaterThan(1);
  });

  it('chains across a month boundary, each month in its own partition, and names a row tampered in the older one', async () => {
    await db.query(`SELECT audit_log_ensure_partitions('2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z')`);
    const inserted = (
      await db.query(
        `INSERT INTO audit_log (occurred_at, action, outcome, entity_type, entity_id, details)
         VALUES ('2026-10-31T23:59:59.500Z', 'test.month_end', 'allowed', 'test', 'boundary', '{"n": 1}'),
                ('2026-11-01T00:00:00.250Z', 'test.month_start', 'allowed', 'test', 'boundary', '{"n": 2}')
         RETURNING id::text AS id, tableoid::regclass::text AS partition`,
      )
    ).rows;
    expect(inserted.map((row) => row.partition)).toEqual(['audit_log_2026_10', 'audit_log_2026_11']);
    await sealAll();
    expect(await verifyAuditLog(dataSource, 3)).toMatchObject({ intact: true, unsealed: 0 });

    const [older] = inserted;
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      await db.query(`UPDATE audit_log SET details = '{"n": 99}' WHERE id = $1`, [older.id]);
    } finally {
      await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    }
    expect(await verifyAuditLog(dataSource, 3)).toMatchObject({ intact: false, brokenAt: older.id });
  });

  it('connects the application as a role that cannot change, delete or truncate audit entries, nor switch off their trigger', async () => {
    const app = new pg.Client({ connectionString: environment.databaseUrl });
    await app.connect();
    try {
      const [role] = (await app.query(`SELECT current_user AS name, rolsuper FROM pg_roles WHERE rolname = current_user`)).rows;
      expect(role).toEqual({ name: 'aqtalu_app', rolsuper: false });
      const [entry] = (await app.query(`SELECT id FROM audit_log WHERE hash IS NOT NULL LIMIT 1`)).rows;
      await expect(app.query(`UPDATE audit_log SET action = 'nothing' WHERE id = $1`, [entry.id])).rejects.toThrow(/permission denied/);
      await expect(app.query(`UPDATE audit_log SET hash = repeat('a', 64) WHERE id = $1`, [entry.id])).rejects.toThrow(/append-only/);
      await expect(app.query(`DELETE FROM audit_log WHERE id = $1`, [entry.id])).rejects.toThrow(/permission denied/);
      await expect(app.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`)).rejects.toThrow(/must be owner/);
      const partition = (await app.query(`SELECT 'audit_log_' || to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM') AS name`)).rows[0].name as string;
      await expect(app.query(`DELETE FROM ${partition}`)).rejects.toThrow(/permission denied/);
      // what the application does need: append, read, seal
      await app.query(`INSERT INTO audit_log (occurred_at, action, outcome) VALUES (now(), 'test.app_role', 'allowed')`);
    } finally {
      await app.end();
    }
    await sealAll();
    const sealed = (await db.query(`SELECT hash FROM audit_log WHERE action = 'test.app_role'`)).rows[0];
    expect(sealed.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to re-seal a sealed entry or to change an entry while sealing it', async () => {
    await api.get(AuditService).record({ action: 'test.sealed', entityType: 'test', entityId: 'sealed' });
    await sealAll();
    await expect(db.query(`UPDATE audit_log SET hash = repeat('a', 64) WHERE action = 'test.sealed'`)).rejects.toThrow(/append-only/);
    await db.query(`INSERT INTO audit_log (occurred_at, action, outcome) VALUES (now(), 'test.unsealed', 'allowed')`);
    await expect(
      db.query(
        `UPDATE audit_log SET action = 'test.forged', chain_seq = 1, previous_hash = repeat('0', 64), hash = repeat('a', 64), sealed_at = now()
         WHERE action = 'test.unsealed'`,
      ),
    ).rejects.toThrow(/append-only/);
  });
});
