import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { LetterKind, LetterLanguage, LetterStatus, Role, type LetterResponse, type LetterTemplateResponse } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import { createWorker } from '@aqtalu/worker';
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
    const incoming = await secretary.post<LetterResponse>(`/api/cases/${caseZha}/incoming-letters`, { number: '17-04/312', letterDate: '2026-03-04', sender: 'Архив ДКНБ' });
    expect(incoming.status).toBe(201);
    expect(incoming.body.status).toBe(LetterStatus.Registered);
    const foreign = await secretary.post<{ code: string }>(`/api/cases/${caseZha}/incoming-letters`, {
      number: '1', letterDate: '2026-03-04', sender: 'x', evidenceId: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreign.body.code).toBe('letter.evidence_not_of_case');
  }, 60_000);

  it('lets only the administrator edit a template, audited with before and after, and uses the edit in the next letter', async () => {
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
    const unknown = await admin.patch<{ code: string }>('/api/letter-templates/applicant_decision/en', { subject: 'x' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'letter.template_unknown']);
    const letter = await secretary.post<LetterResponse>(`/api/cases/${caseAlm}/letters`, { kind: LetterKind.ApplicantDecision, language: LetterLanguage.Ru });
    expect(letter.body.subject).toBe('Решение Комиссии: дело ALM-2026-LT1');
  }, 60_000);
});
