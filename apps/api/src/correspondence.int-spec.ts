import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { LetterKind, LetterLanguage, LetterStatus, PrintBatchStatus, Role, type LetterResponse, type LetterTemplateResponse, type SessionPrintBatchResponse } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, renderTestPdf, type TestEnvironment } from '@aqtalu/testing';
import { createWorker } from '@aqtalu/worker';
import { PDFDocument } from 'pdf-lib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

describe('correspondence register: templates, numbered letters, their PDF and scope', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let db: pg.Client;
  let secretary: HttpSession;
  let caseAlm: string;
  let caseZha: string;

  async function caseIn(region: string, number: string): Promise<string> {
    const { rows } = await db.query(
      `INSERT INTO cases (number, region_id, category_code, status, summary, applicant_kind, applicant_name, created_by)
       VALUES ($1, (SELECT id FROM regions WHERE code = $2), 'counter_revolutionary', 'working_group_review', '', 'relative', 'Айгерім Нұрланқызы',
               (SELECT id FROM users WHERE role = 'secretary' LIMIT 1)) RETURNING id`,
      [number, region],
    );
    return rows[0].id as string;
  }

  async function rendered(letterId: string): Promise<string> {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const { rows } = await db.query(`SELECT status FROM letters WHERE id = $1`, [letterId]);
      if (rows[0].status !== LetterStatus.Rendering) return rows[0].status as string;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`letter ${letterId} was not rendered`);
  }

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    worker = await createWorker(environment.config);
    await worker.init();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    secretary = await HttpSession.loginAs(baseUrl, demo(Role.Secretary));
    caseAlm = await caseIn('ALM', 'ALM-2026-LT1');
    caseZha = await caseIn('ZHA', 'ZHA-2026-LT1');
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await worker?.close();
    await api?.close();
    await environment?.dispose();
  });

  it('numbers 50 letters created at once 1..50 of their year and kind, with no gap and no repeat', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => secretary.post<LetterResponse>(`/api/cases/${caseAlm}/letters`, { kind: LetterKind.ApplicantDocumentsRequest, language: LetterLanguage.Ru })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(201));
    const { rows } = await db.query(`SELECT seq, number FROM letters WHERE kind = 'applicant_documents_request' ORDER BY seq`);
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const year = new Date().getUTCFullYear();
    expect(new Set(answers.map((answer) => answer.body.number)).size).toBe(50);
    expect(rows[49].number).toBe(`ЗД-${rows[49].number.slice(3, 7)}/0050`);
    expect([year, year + 1]).toContain(Number(rows[49].number.slice(3, 7)));
    // another kind counts on its own
    const receipt = await secretary.post<LetterResponse>(`/api/cases/${caseAlm}/letters`, { kind: LetterKind.ApplicantReceipt, language: LetterLanguage.Kk });
    expect(receipt.body.number).toMatch(/^ЗП-\d{4}\/0001$/);
  }, 120_000);

  it('renders a letter to PDF in the worker, filled from the case, and lets the case readers download it', async () => {
    const created = await secretary.post<LetterResponse>(`/api/cases/${caseAlm}/letters`, { kind: LetterKind.Refusal, language: LetterLanguage.Kk });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe(LetterStatus.Rendering);
    expect(created.body.subject).toBe('ALM-2026-LT1 ісі бойынша бас тарту');
    // no address and no SMTP: the secretary is to send it
    expect(await rendered(created.body.id)).toBe(LetterStatus.ToSend);
    for (const role of [Role.Secretary, Role.WgMember, Role.Auditor]) {
      const session = await HttpSession.loginAs(baseUrl, demo(role));
      const response = await fetch(`${baseUrl}/api/letters/${created.body.id}/pdf`, { headers: { authorization: `Bearer ${session.token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/pdf');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(1000);
    }
    const printed = await secretary.patch<LetterResponse>(`/api/letters/${created.body.id}/delivery`, { status: LetterStatus.Printed });
    expect(printed.body.status).toBe(LetterStatus.Printed);
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(audit.rows.map((row) => row.action)).toEqual(expect.arrayContaining(['letter.create', 'letter.download', 'letter.delivery']));
    expect((await secretary.patch(`/api/letters/${created.body.id}/delivery`, { status: 'lost' })).status).toBe(400);
  }, 60_000);

  it("keeps a working group to its region's cases and the auditor to reading", async () => {
    const member = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
    expect((await member.post(`/api/cases/${caseAlm}/letters`, { kind: LetterKind.ApplicantReceipt, language: LetterLanguage.Ru })).status).toBe(201);
    const hidden = await member.post<{ code: string }>(`/api/cases/${caseZha}/letters`, { kind: LetterKind.ApplicantReceipt, language: LetterLanguage.Ru });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('resource.not_found_or_hidden');
    expect((await member.get(`/api/cases/${caseZha}/letters`)).status).toBe(404);
    const zhaLetter = await secretary.post<LetterResponse>(`/api/cases/${caseZha}/letters`, { kind: LetterKind.ArchiveRequest, language: LetterLanguage.Ru });
    expect(zhaLetter.status).toBe(201);
    expect((await member.get(`/api/letters/${zhaLetter.body.id}/pdf`)).status).toBe(404);
    const auditor = await HttpSession.loginAs(baseUrl, demo(Role.Auditor));
    expect((await auditor.get<LetterResponse[]>(`/api/cases/${caseZha}/letters`)).body.map((letter) => letter.number)).toEqual([zhaLetter.body.number]);
    expect((await auditor.post(`/api/cases/${caseZha}/letters`, { kind: LetterKind.ApplicantReceipt, language: LetterLanguage.Ru })).status).toBe(403);
    const bad = await secretary.post<{ code: string }>(`/api/cases/${caseZha}/letters`, { kind: 'love_letter', language: LetterLanguage.Ru });
    expect(bad.status).toBe(400);
    // an incoming letter, its scan only from the case's own evidence
    const incoming = await secretary.post<LetterResponse>(`/api/cases/${caseZha}/incoming-letters`, { senderNumber: '17-04/312', letterDate: '2026-03-04', sender: 'Архив ДКНБ' });
    expect(incoming.status).toBe(201);
    expect(incoming.body.status).toBe(LetterStatus.Registered);
    expect([incoming.body.senderNumber, incoming.body.direction]).toEqual(['17-04/312', 'incoming']);
    expect(incoming.body.number).toMatch(/^ВХ-\d{4}\/0001$/);
    const foreign = await secretary.post<{ code: string }>(`/api/cases/${caseZha}/incoming-letters`, {
      senderNumber: '1', letterDate: '2026-03-04', sender: 'x', evidenceId: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreign.body.code).toBe('letter.evidence_not_of_case');
  }, 60_000);

  it('lets only the administrator edit a template, with known placeholders only, audited with before and after, and uses the edit in the next letter', async () => {
    const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    const templates = await admin.get<LetterTemplateResponse[]>('/api/letter-templates');
    expect(templates.body).toHaveLength(12);
    expect((await secretary.patch('/api/letter-templates/applicant_decision/ru', { subject: 'x' })).status).toBe(403);
    const edited = await admin.patch<LetterTemplateResponse>('/api/letter-templates/applicant_decision/ru', { subject: 'Решение Комиссии: дело {caseNumber}' });
    expect(edited.status).toBe(200);
    expect(edited.body.updatedBy).toBe(admin.login!.user.id);
    const { rows } = await db.query(`SELECT actor_id, diff FROM audit_log WHERE action = 'letter.template_update' AND entity_id = 'applicant_decision:ru'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_id).toBe(admin.login!.user.id);
    expect(JSON.stringify(rows[0].diff)).toContain('Решение Комиссии: дело {caseNumber}');
    const typo = await admin.patch<{ code: string; params: { name: string } }>('/api/letter-templates/applicant_decision/ru', { body: 'Уважаемый(ая) {aplicantName}!' });
    expect([typo.status, typo.body.code, typo.body.params.name]).toEqual([400, 'letter.template_placeholder_unknown', 'aplicantName']);
    const unknown = await admin.patch<{ code: string }>('/api/letter-templates/applicant_decision/en', { subject: 'x' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'letter.template_unknown']);
    const letter = await secretary.post<LetterResponse>(`/api/cases/${caseAlm}/letters`, { kind: LetterKind.ApplicantDecision, language: LetterLanguage.Ru });
    expect(letter.body.subject).toBe('Решение Комиссии: дело ALM-2026-LT1');
  }, 60_000);

  it('registers incoming letters with the next number of the register, a scan uploaded through the evidence checks, and none twice', async () => {
    const upload = new FormData();
    upload.append('file', new Blob([new Uint8Array(await renderTestPdf([['Ответ архива № R-1']]))], { type: 'application/pdf' }), 'reply.pdf');
    upload.append('kind', 'other');
    const scan = await fetch(`${baseUrl}/api/cases/${caseAlm}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${secretary.token}` }, body: upload });
    expect(scan.status).toBe(201);
    const evidenceId = ((await scan.json()) as { id: string }).id;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => secretary.post<LetterResponse>(`/api/cases/${caseAlm}/incoming-letters`, { senderNumber: `R-${i}`, letterDate: '2026-05-06', sender: 'ЦГА РК', evidenceId })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(201));
    const seqs = (await db.query(`SELECT seq FROM letters WHERE direction = 'incoming' ORDER BY seq`)).rows.map((row) => row.seq as number);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const listed = await secretary.get<LetterResponse[]>(`/api/cases/${caseAlm}/letters`);
    const incoming = listed.body.filter((letter) => letter.direction === 'incoming');
    expect(incoming.map((letter) => letter.senderNumber).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `R-${i}`));
    expect(incoming.every((letter) => letter.hasPdf && letter.evidenceId === evidenceId)).toBe(true);
    // the scan is the case's evidence: its checks run as for any upload, and the letter says when they are through
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM evidence_checks WHERE evidence_id = $1`, [evidenceId]);
    expect(rows[0].n).toBeGreaterThan(0);
    let checked: LetterResponse | undefined;
    for (let attempt = 0; attempt < 600 && !checked?.scanChecked; attempt += 1) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 100));
      checked = (await secretary.get<LetterResponse[]>(`/api/cases/${caseAlm}/letters`)).body.find((letter) => letter.id === answers[0]!.body.id);
    }
    expect(checked?.scanChecked).toBe(true);
    const pending = await db.query(`SELECT count(*)::int AS n FROM evidence_checks WHERE evidence_id = $1 AND state IN ('pending', 'running')`, [evidenceId]);
    expect(pending.rows[0].n).toBe(0);
    expect(listed.body.find((letter) => letter.direction === 'outgoing')?.scanChecked).toBeNull();
    const audit = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'letter.register_incoming' AND details->>'caseId' = $1`, [caseAlm]);
    expect(audit.rows[0].n).toBe(10);
  }, 60_000);

  it("prints a session's certificates and decision letters as one PDF merged by the worker, for the commission's readers only, audited", async () => {
    const chairId = (await db.query(`SELECT id FROM users WHERE role = 'chair' LIMIT 1`)).rows[0].id as string;
    const decided = await caseIn('ALM', 'ALM-2026-BATCH');
    const persons = (await db.query(`INSERT INTO persons (name_kk, name_ru) VALUES ('Мағжан Жұмабаев', 'Магжан Жумабаев'), ('Жүсіпбек Аймауытов', 'Жусупбек Аймаутов') RETURNING id`)).rows;
    for (const [position, person] of persons.entries()) await db.query(`INSERT INTO case_subjects (case_id, person_id, position) VALUES ($1, $2, $3)`, [decided, person.id, position]);
    const session = (await db.query(`INSERT INTO commission_sessions (number, session_date, place, created_by) VALUES ('BATCH-1', '2026-11-30', 'Астана', $1) RETURNING id`, [chairId])).rows[0].id as string;
    const empty = (await db.query(`INSERT INTO commission_sessions (number, session_date, place, created_by) VALUES ('BATCH-0', '2026-11-30', 'Астана', $1) RETURNING id`, [chairId])).rows[0].id as string;
    const item = (await db.query(`INSERT INTO agenda_items (session_id, case_id, position) VALUES ($1, $2, 1) RETURNING id`, [session, decided])).rows[0].id as string;
    const decision = (
      await db.query(`INSERT INTO decisions (number, case_id, agenda_item_id, outcome, reasons, decided_by, decided_at) VALUES ('D-BATCH-1', $1, $2, 'rehabilitated', 'art. 58', $3, now() - interval '1 hour') RETURNING id`, [decided, item, chairId])
    ).rows[0].id as string;
    // certificates as the workflow leaves them: not rendered yet (the batch renders them first)
    for (const [i, person] of persons.entries()) {
      await db.query(`INSERT INTO certificates (number, verification_code, case_id, person_id, decision_id) VALUES ($1, $2, $3, $4, $5)`, [`C-BATCH-${i}`, `BATCHCODE${i}`, decided, person.id, decision]);
    }
    const letter = await secretary.post<LetterResponse>(`/api/cases/${decided}/letters`, { kind: LetterKind.ApplicantDecision, language: LetterLanguage.Kk });
    await secretary.post<LetterResponse>(`/api/cases/${decided}/letters`, { kind: LetterKind.ApplicantReceipt, language: LetterLanguage.Kk }); // not a decision letter

    const none = await secretary.get<{ code: string }>(`/api/commission/sessions/${session}/batch-print`);
    expect([none.status, none.body.code]).toEqual([404, 'letter.batch_none']);
    const nothing = await secretary.post<{ code: string }>(`/api/commission/sessions/${empty}/batch-print`, {});
    expect([nothing.status, nothing.body.code]).toEqual([409, 'letter.batch_nothing_to_print']);
    const member = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
    const auditor = await HttpSession.loginAs(baseUrl, demo(Role.Auditor));
    expect((await auditor.post(`/api/commission/sessions/${session}/batch-print`, {})).status).toBe(403);
    expect((await member.get(`/api/commission/sessions/${session}/batch-print`)).status).toBe(403);

    const asked = await secretary.post<SessionPrintBatchResponse>(`/api/commission/sessions/${session}/batch-print`, {});
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe(PrintBatchStatus.Rendering);
    let batch = asked.body;
    for (let attempt = 0; attempt < 300 && batch.status !== PrintBatchStatus.Ready; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      batch = (await secretary.get<SessionPrintBatchResponse>(`/api/commission/sessions/${session}/batch-print`)).body;
    }
    expect(batch.status).toBe(PrintBatchStatus.Ready);
    expect(batch.documents).toBe(3);

    // the pages of the merged PDF are the pages of the two certificates and the decision letter, now rendered
    const parts = (await db.query(`SELECT pdf FROM certificates WHERE decision_id = $1 UNION ALL SELECT pdf FROM letters WHERE id = $2`, [decision, letter.body.id])).rows;
    expect(parts.every((row) => row.pdf !== null)).toBe(true);
    let expectedPages = 0;
    for (const row of parts) expectedPages += (await PDFDocument.load(row.pdf as Buffer)).getPageCount();
    const commissioner = await HttpSession.loginAs(baseUrl, demo(Role.CommissionMember));
    for (const reader of [secretary, commissioner, auditor]) {
      const response = await fetch(`${baseUrl}/api/commission/sessions/${session}/batch-print.pdf`, { headers: { authorization: `Bearer ${reader.token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/pdf');
      expect((await PDFDocument.load(Buffer.from(await response.arrayBuffer()))).getPageCount()).toBe(expectedPages);
    }
    expect((await member.get(`/api/commission/sessions/${session}/batch-print.pdf`)).status).toBe(403);
    const audit = await db.query(`SELECT action, details FROM audit_log WHERE entity_id = $1 AND action LIKE 'commission_session.batch%' ORDER BY id`, [session]);
    expect(audit.rows.map((row) => row.action)).toEqual(['commission_session.batch_print', ...Array(3).fill('commission_session.batch_download')]);
    expect(audit.rows[0].details.documents).toBe(3);
  }, 90_000);
});
