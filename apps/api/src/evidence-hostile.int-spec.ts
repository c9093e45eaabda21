import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EvidenceKind, QueueName, Role } from '@aqtalu/contracts';
import { demoLogins, redisConnection } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import { createWorker } from '@aqtalu/worker';
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

interface Evidence {
  id: string;
  quarantined: boolean;
  checks: Array<{ check: string; state: string; reasonCode: string | null; reasonParams: Record<string, unknown> | null }>;
}

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

/** A PDF built here, object by object with a correct xref table: `catalog` goes into the catalog, `page` into the page. */
function hostilePdf({ mediaBox = [0, 0, 595, 842], catalog = '', page = '', comment = '' }: { mediaBox?: number[]; catalog?: string; page?: string; comment?: string }): Buffer {
  const content = 'BT /F1 24 Tf 72 720 Td (Protocol) Tj ET';
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${catalog} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [${mediaBox.join(' ')}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> ${page} >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = `%PDF-1.4\n${comment}`;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('bounded checks of hostile files', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let db: pg.Client;
  let member: HttpSession;
  let lead: HttpSession;
  let admin: HttpSession;
  let caseId: string;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    worker = await createWorker(environment.config);
    await worker.init();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    member = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
    lead = await HttpSession.loginAs(baseUrl, demo(Role.WgLead));
    admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    const secretary = await HttpSession.loginAs(baseUrl, demo(Role.Secretary));
    const opened = await secretary.post<{ id: string }>('/api/cases', {
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      summary: 'Hostile files',
      applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'granddaughter', kinshipProof: 'birth certificates' },
      subjects: [{ nameKk: 'Жұмабаев Қабдолла', nameRu: 'Жумабаев Кабдолла' }],
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = opened.body.id;
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await worker?.close();
    await api?.close();
    await environment?.dispose();
  });

  async function upload(bytes: Buffer, name: string): Promise<Evidence> {
    const form = new FormData();
    form.append('kind', EvidenceKind.InvestigationFile);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    const response = await fetch(`${baseUrl}/api/cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${member.token}` }, body: form });
    expect(response.status).toBe(201);
    return (await response.json()) as Evidence;
  }

  const finishedEvidence = (id: string, timeoutMs = 60_000) =>
    eventually(async () => {
      const answer = (await member.get<Evidence>(`/api/evidence/${id}`)).body;
      return answer.checks.every((c) => c.state !== 'pending' && c.state !== 'running') ? answer : null;
    }, timeoutMs, `the checks of ${id} to finish`);
  const byCheck = (evidence: Evidence) => Object.fromEntries(evidence.checks.map((c) => [c.check, c]));

  it('stops a 1 KB PDF declaring a 200 × 200-inch page in seconds with resource_limit, never retried', async () => {
    const started = Date.now();
    const evidence = await upload(hostilePdf({ mediaBox: [0, 0, 14400, 14400] }), 'huge-page.pdf');
    const done = await finishedEvidence(evidence.id, 30_000);
    expect(Date.now() - started).toBeLessThan(20_000);
    const checks = byCheck(done);
    expect(checks.text).toMatchObject({ state: 'failed', reasonCode: 'check.resource_limit_pixels', reasonParams: { page: 1, megapixels: 1600, max: 100 } });
    expect(checks.thumbnail).toMatchObject({ state: 'failed', reasonCode: 'check.skipped_resource_limit' });
    expect(checks.proposals).toMatchObject({ state: 'failed', reasonCode: 'check.skipped_resource_limit' });
    const queue = new Queue(QueueName.Evidence, { connection: redisConnection(environment.config.redisUrl), prefix: environment.config.queuePrefix });
    try {
      const jobs = (await queue.getJobs(['completed', 'failed', 'active', 'wait', 'delayed'])).filter((job) => job.data.evidenceId === evidence.id);
      expect(jobs).toHaveLength(1);
      expect(jobs[0].attemptsMade).toBeLessThanOrEqual(1);
    } finally {
      await queue.close();
    }
  }, 60_000);

  it('holds a PDF with JavaScript until an administrator releases it, then checks and lets it be verified', async () => {
    const evidence = await upload(hostilePdf({ catalog: '/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>' }), 'scripted.pdf');
    const held = await finishedEvidence(evidence.id);
    expect(held.quarantined).toBe(true);
    expect(byCheck(held).active_content).toMatchObject({ state: 'quarantined', reasonCode: 'check.active_content_found' });
    expect(byCheck(held).active_content.reasonParams?.features).toEqual(expect.arrayContaining(['/JS', '/JavaScript']));
    expect(byCheck(held).text).toMatchObject({ state: 'failed', reasonCode: 'check.skipped_quarantined' });

    expect((await member.get(`/api/evidence/${evidence.id}/download`)).status).toBe(403);
    expect((await lead.post(`/api/evidence/${evidence.id}/verify`, { verified: true })).status).toBe(409);
    const refused = await member.post<{ code: string }>(`/api/evidence/${evidence.id}/release`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('evidence.release_admin_only');

    const released = await admin.post<Evidence>(`/api/evidence/${evidence.id}/release`, {});
    expect(released.status).toBe(200);
    expect(byCheck(released.body).active_content).toMatchObject({ state: 'passed', reasonCode: 'check.active_content_released', reasonParams: { releasedBy: demo(Role.Admin).email } });
    expect((await admin.post(`/api/evidence/${evidence.id}/release`, {})).status).toBe(409);
    const done = await finishedEvidence(evidence.id);
    expect(done.quarantined).toBe(false);
    expect(done.checks.every((c) => c.state === 'passed' || c.state === 'not_scanned')).toBe(true);
    expect((await member.get(`/api/evidence/${evidence.id}/download`)).status).toBe(200);
    expect((await lead.post(`/api/evidence/${evidence.id}/verify`, { verified: true })).status).toBe(200);
    const audit = await db.query(`SELECT actor_id AS "actorId", outcome FROM audit_log WHERE action = 'evidence.release' AND entity_id = $1 ORDER BY occurred_at`, [evidence.id]);
    expect(audit.rows.map((row) => row.outcome)).toEqual(['denied', 'allowed']);
  }, 120_000);

  it('flags an HTML + PDF polyglot and a PDF with a launch action and an embedded file', async () => {
    const polyglot = await upload(hostilePdf({ comment: '%<html><body><script>document.location="https://example.org"</script></body></html>\n' }), 'polyglot.pdf');
    const launch = await upload(
      hostilePdf({ page: '/AA << /O << /S /Launch /F (cmd.exe) >> >>', catalog: '/Names << /Embedded#46iles << /Names [(a.exe) << /Type /Filespec /F (a.exe) >>] >> >>' }),
      'launch.pdf',
    );
    const flagged = byCheck(await finishedEvidence(polyglot.id)).active_content;
    expect(flagged).toMatchObject({ state: 'quarantined', reasonCode: 'check.active_content_found' });
    expect(flagged.reasonParams?.features).toEqual(['HTML']);
    const launched = byCheck(await finishedEvidence(launch.id)).active_content;
    expect(launched.reasonParams?.features).toEqual(expect.arrayContaining(['/Launch', '/EmbeddedFile']));
  }, 120_000);
});
