import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CaseStatus, CaseTransition, Role } from '@aqtalu/contracts';
import { ArchiveRequestService, CertificateService, demoLogins } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, renderTestPdf, type TestEnvironment } from '@aqtalu/testing';
import { createWorker } from '@aqtalu/worker';
import { PDFParse } from 'pdf-parse';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

interface CaseBody {
  id: string;
  number: string;
  status: CaseStatus;
  version: number;
  subjects: Array<{ id: string; personId: string; nameKk: string; outcome: string | null }>;
}
interface Problem {
  status: number;
  detail: string;
  currentVersion?: number;
}
/** A transition answers the case (200) or a problem (4xx); `status` is the case's status only on 200. */
type TransitionAnswer = Omit<CaseBody, 'status'> & { status: CaseStatus; detail: string; currentVersion?: number };

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

describe('case lifecycle over HTTP, one user per step', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let db: pg.Client;
  const sessions = new Map<string, HttpSession>();
  const extra: Record<string, string> = {};

  const as = async (email: string, password?: string) => {
    if (!sessions.has(email)) sessions.set(email, await HttpSession.login(baseUrl, email, password));
    return sessions.get(email)!;
  };
  const secretary = () => as(demo(Role.Secretary).email);
  const member = () => as(demo(Role.WgMember).email);
  const lead = () => as(demo(Role.WgLead).email);
  const liaison = () => as(demo(Role.ArchiveLiaison).email);
  const chair = () => as(demo(Role.Chair).email);
  const commissioner = (n: 1 | 2 | 3) => (n === 1 ? as(demo(Role.CommissionMember).email) : as(`member${n}@aqtalu.kz`, 'commission member passphrase'));

  async function caseOf(id: string, session?: HttpSession): Promise<CaseBody> {
    return (await (session ?? (await secretary())).get<CaseBody>(`/api/cases/${id}`)).body;
  }

  async function move(session: HttpSession, id: string, name: CaseTransition, body: Record<string, unknown> = {}) {
    const current = await caseOf(id);
    return session.post<TransitionAnswer>(`/api/cases/${id}/transitions/${name}`, { version: current.version, ...body });
  }

  async function moveOk(session: HttpSession, id: string, name: CaseTransition, body: Record<string, unknown> = {}) {
    const answer = await move(session, id, name, body);
    expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBe(200);
    return answer.body;
  }

  async function openCase(subjects: Array<{ nameKk: string; nameRu: string }>, summary = 'Application of a relative') {
    const created = await (await secretary()).post<CaseBody>('/api/cases', {
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      summary,
      applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'granddaughter', kinshipProof: 'birth certificates', email: 'aigerim@example.kz' },
      subjects,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  }

  /** Through intake and archive verification to a signed conclusion awaiting the commission. */
  async function toCommission(id: string, drafter: HttpSession, recommendation = 'rehabilitate') {
    await moveOk(await secretary(), id, CaseTransition.Submit);
    await moveOk(await secretary(), id, CaseTransition.StartIntake);
    await moveOk(await secretary(), id, CaseTransition.AcceptForVerification);
    const request = await (await member()).post<{ id: string; version: number }>(`/api/cases/${id}/archive-requests`, {
      archiveCode: 'SPEC-MVD',
      sought: 'the investigation file',
    });
    expect(request.status).toBe(201);
    await (await liaison()).post(`/api/archive-requests/${request.body.id}/actions/answer`, { version: request.body.version, note: 'ф. 2, оп. 1, д. 11573, л. 1–40' });
    await moveOk(await member(), id, CaseTransition.CompleteVerification);
    const drafted = await drafter.post<{ version: number }>(`/api/cases/${id}/conclusion`, {
      recommendation,
      reasoning: 'The troika protocol shows an extrajudicial sentence.',
      legalArticleCode: 'law1993-art3',
    });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    expect((await (await lead()).post(`/api/cases/${id}/conclusion/sign`, { version: drafted.body.version })).status).toBe(200);
    await moveOk(await lead(), id, CaseTransition.SubmitToCommission);
  }

  async function session(date: string) {
    const created = await (await secretary()).post<{ id: string }>('/api/commission/sessions', { date, place: 'Астана' });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function presentAll(sessionId: string) {
    const ids = (await db.query(`SELECT id FROM users WHERE role IN ('commission_member','chair') AND disabled_at IS NULL`)).rows.map((r) => r.id);
    expect((await (await secretary()).request('PUT', `/api/commission/sessions/${sessionId}/attendance`, { present: ids })).status).toBe(200);
  }

  /** Three members vote on the recommendation: by default two for and one abstaining with a note. */
  async function voteAll(sessionId: string, caseId: string, choices: readonly [string, string, string] = ['for', 'for', 'abstain']) {
    for (const n of [1, 2, 3] as const) {
      const choice = choices[n - 1]!;
      const answer = await (await commissioner(n)).post(`/api/commission/sessions/${sessionId}/agenda/${caseId}/vote`, { choice, dissentingOpinion: choice === 'abstain' ? 'Evidence on the date of arrest is thin.' : undefined });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    }
  }

  beforeAll(async () => {
    environment = await createTestEnvironment({ PUBLIC_URL: 'https://aqtalu.example.kz' });
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    worker = await createWorker(environment.config);
    await worker.init();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    for (const n of [2, 3]) {
      const created = await admin.post('/api/users', { email: `member${n}@aqtalu.kz`, displayName: `Комиссия мүшесі ${n}`, password: 'commission member passphrase', role: Role.CommissionMember });
      expect(created.status).toBe(201);
    }
    const drafter = await admin.post<{ id: string }>('/api/users', { email: 'drafter@aqtalu.kz', displayName: 'Қорытынды авторы', password: 'conclusion author passphrase', role: Role.WgMember, regionCode: 'ALM' });
    extra.drafter = drafter.body.id;
    const zhambyl = await admin.post('/api/users', { email: 'zhambyl@aqtalu.kz', displayName: 'Жамбыл мүшесі', password: 'taraz steppe passphrase', role: Role.WgMember, regionCode: 'ZHA' });
    expect(zhambyl.status).toBe(201);
    const aprk = await admin.post('/api/users', { email: 'aprk@aqtalu.kz', displayName: 'Президент архиві', password: 'presidential archive liaison', role: Role.ArchiveLiaison, archiveCode: 'APRK' });
    expect(aprk.status).toBe(201);
  });

  afterAll(async () => {
    await db?.end();
    await worker?.close();
    await api?.close();
    await environment?.dispose();
  });

  it('walks a case from submission to rehabilitated and certificate_issued, each step by its own user', async () => {
    const opened = await openCase([{ nameKk: 'Жұмабаев Қабдолла', nameRu: 'Жумабаев Кабдолла' }]);
    expect(opened.number).toMatch(/^ALM-\d{4}-\d{6}$/);
    expect(opened.status).toBe(CaseStatus.Draft);
    const id = opened.id;

    // intake returns it for the kinship proof, then accepts it
    await moveOk(await secretary(), id, CaseTransition.Submit);
    await moveOk(await secretary(), id, CaseTransition.StartIntake);
    const noReason = await move(await secretary(), id, CaseTransition.ReturnToApplicant);
    expect(noReason.status).toBe(409);
    await moveOk(await secretary(), id, CaseTransition.ReturnToApplicant, { reason: 'the proof of kinship is missing' });
    await moveOk(await secretary(), id, CaseTransition.Resubmit);
    await moveOk(await secretary(), id, CaseTransition.StartIntake);
    expect((await moveOk(await secretary(), id, CaseTransition.AcceptForVerification)).status).toBe(CaseStatus.ArchiveVerification);

    // the working group asks two archives
    const special = await (await member()).post<{ id: string; version: number; dueDate: string }>(`/api/cases/${id}/archive-requests`, { archiveCode: 'SPEC-MVD', sought: 'the investigation file' });
    const presidential = await (await member()).post<{ id: string; version: number }>(`/api/cases/${id}/archive-requests`, { archiveCode: 'APRK', sought: 'the troika protocol' });
    expect(special.status).toBe(201);
    expect(special.body.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const early = await move(await member(), id, CaseTransition.CompleteVerification);
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('2 archive request(s) are still open');

    // each liaison sees and answers only their own archive's request
    const inbox = await (await liaison()).get<Array<{ id: string; archiveCode: string }>>('/api/archive-requests');
    expect(inbox.body.map((request) => request.archiveCode)).toEqual(['SPEC-MVD']);
    expect((await (await liaison()).get(`/api/archive-requests/${presidential.body.id}`)).status).toBe(404);
    const started = await (await liaison()).post<{ version: number }>(`/api/archive-requests/${special.body.id}/actions/start`, { version: special.body.version });
    expect(started.status).toBe(200);
    // what each may do with the request now comes with it, from the archive-request lifecycle
    type Offered = { actions: Array<{ name: string; allowed: boolean; needsNote: boolean; reasons: Array<{ code: string }> }> };
    const offered = async (session: HttpSession) =>
      (await session.get<Offered>(`/api/archive-requests/${special.body.id}`)).body.actions.map((a) => [a.name, a.allowed, a.reasons.map((r) => r.code).join()]);
    expect(await offered(await liaison())).toEqual([
      ['start', false, 'archive_request.action_state'], ['answer', true, ''], ['nothing-found', true, ''], ['cancel', false, 'archive_request.action_role'],
    ]);
    expect((await offered(await member())).filter(([, allowed]) => allowed).map(([name]) => name)).toEqual(['cancel']);
    expect((await (await liaison()).post(`/api/archive-requests/${special.body.id}/actions/answer`, { version: started.body.version, note: 'ф. 2, оп. 1, д. 11573, л. 1–40' })).status).toBe(200);
    // the liaison's scan of the troika protocol, checked in the background
    const form = new FormData();
    form.append('kind', 'troika_protocol');
    form.append('archiveRequestId', special.body.id);
    form.append('reference', 'ф. 2, оп. 1, д. 11573, л. 31–32');
    form.append('file', new Blob([new Uint8Array(await renderTestPdf([['Протокол тройки'], ['Выписка: расстрелять']]))], { type: 'application/pdf' }), 'troika-protocol.pdf');
    const uploaded = await fetch(`${baseUrl}/api/cases/${id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${(await liaison()).token}` }, body: form });
    expect(uploaded.status).toBe(201);
    const troikaScan = (await uploaded.json()) as { id: string };
    await eventually(async () => {
      const checks = (await (await member()).get<{ checks: Array<{ state: string }> }>(`/api/evidence/${troikaScan.id}`)).body.checks;
      return checks.every((c) => c.state !== 'pending' && c.state !== 'running') || null;
    }, 60_000, 'the checks of the troika protocol');
    const aprk = await as('aprk@aqtalu.kz', 'presidential archive liaison');
    expect((await aprk.post(`/api/archive-requests/${presidential.body.id}/actions/nothing-found`, { version: presidential.body.version, note: 'no protocol under this name' })).status).toBe(200);
    await moveOk(await member(), id, CaseTransition.CompleteVerification);

    // a member drafts; the lead may not sign a draft of their own, signs another's
    const drafter = await as('drafter@aqtalu.kz', 'conclusion author passphrase');
    const conclusion = (citations: unknown[]) => ({ recommendation: 'rehabilitate', reasoning: 'The troika protocol of 25.02.1938 shows an extrajudicial sentence.', legalArticleCode: 'law1993-art3', citations });
    const cite = (pageFrom: number, pageTo: number) => [{ evidenceId: troikaScan.id, pageFrom, pageTo, statement: 'the troika sentence of 25.02.1938' }];
    // only verified evidence can be cited, and only pages the file has
    const unverified = await drafter.post<Problem>(`/api/cases/${id}/conclusion`, conclusion(cite(2, 2)));
    expect(unverified.status).toBe(409);
    expect(unverified.body.detail).toContain('only verified evidence can be cited');
    const verified = await (await member()).post(`/api/evidence/${troikaScan.id}/verify`, { verified: true });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    const noSuchPage = await drafter.post<Problem>(`/api/cases/${id}/conclusion`, conclusion(cite(2, 3)));
    expect(noSuchPage.status).toBe(400);
    expect(noSuchPage.body.detail).toContain('has 2 page(s); page 3 does not exist');
    const draft = await drafter.post<{ version: number; citations: Array<{ evidenceId: string; pageFrom: number; pageTo: number }> }>(`/api/cases/${id}/conclusion`, conclusion(cite(1, 2)));
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body.citations).toMatchObject([{ evidenceId: troikaScan.id, pageFrom: 1, pageTo: 2 }]);
    const citedBy = await (await member()).get<{ conclusions: Array<{ caseId: string; pageFrom: number; statement: string }> }>(`/api/evidence/${troikaScan.id}/citations`);
    expect(citedBy.body.conclusions).toMatchObject([{ caseId: id, pageFrom: 1, statement: 'the troika sentence of 25.02.1938' }]);
    // the liaison who gave the file reads it, but neither the conclusion citing it nor the registry
    const asLiaison = await (await liaison()).get<{ conclusions: unknown[]; facts: unknown[] }>(`/api/evidence/${troikaScan.id}/citations`);
    expect(asLiaison.status).toBe(200);
    expect(asLiaison.body).toEqual({ conclusions: [], facts: [] });
    const unsigned = await move(await lead(), id, CaseTransition.SubmitToCommission);
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.detail).toContain('the conclusion is not signed');
    // a recheck of cited evidence asks for its verification again: until then the conclusion cannot be signed
    expect((await (await liaison()).post(`/api/evidence/${troikaScan.id}/recheck`, {})).status).toBe(200);
    const cannotSign = await (await lead()).post<Problem>(`/api/cases/${id}/conclusion/sign`, { version: draft.body.version });
    expect(cannotSign.status).toBe(409);
    expect(cannotSign.body.detail).toContain('cites evidence that is no longer verified (troika-protocol.pdf: unverified)');
    await eventually(async () => (await (await member()).post(`/api/evidence/${troikaScan.id}/verify`, { verified: true })).status === 200 || null, 60_000, 'the re-verification after the recheck');
    const signed = await (await lead()).post<{ version: number; signatureValid: boolean; signerName: string | null; signedAt: string | null }>(`/api/cases/${id}/conclusion/sign`, { version: draft.body.version });
    expect(signed.body.signatureValid).toBe(true);
    // the screen says who signed and when
    expect(signed.body.signerName).toBe(demo(Role.WgLead).displayName);
    expect(Number.isNaN(Date.parse(signed.body.signedAt ?? ''))).toBe(false);

    // a change to the case after signing voids the signature
    const current = await caseOf(id);
    expect((await (await member()).patch(`/api/cases/${id}`, { version: current.version, summary: 'Karasai district teacher, arrested 1937' })).status).toBe(200);
    const voided = await move(await lead(), id, CaseTransition.SubmitToCommission);
    expect(voided.status).toBe(409);
    expect(voided.body.detail).toContain('the case changed after the conclusion was signed');
    const resigned = await (await lead()).post<{ signatureValid: boolean }>(`/api/cases/${id}/conclusion/sign`, { version: signed.body.version });
    expect(resigned.body.signatureValid).toBe(true);
    await moveOk(await lead(), id, CaseTransition.SubmitToCommission);

    // the secretary prepares the session; no quorum without votes
    const sessionId = await session('2026-03-12');
    await presentAll(sessionId);
    expect((await (await secretary()).post(`/api/commission/sessions/${sessionId}/agenda`, { caseId: id })).status).toBe(200);
    const noQuorum = await move(await chair(), id, CaseTransition.Rehabilitate, { reason: 'repressed by an extrajudicial body' });
    expect(noQuorum.status).toBe(409);
    expect(noQuorum.body).toMatchObject({ code: 'quorum.too_few_votes', params: { votes: 0, present: 4, required: 3 } });

    await voteAll(sessionId, id);
    const decided = await moveOk(await chair(), id, CaseTransition.Rehabilitate, { reason: 'repressed by an extrajudicial body; art. 3 of the 1993 Law' });
    expect(decided.status).toBe(CaseStatus.Rehabilitated);

    // the worker renders the certificate; the secretary issues it
    const certificate = await eventually(async () => {
      const list = await (await secretary()).get<Array<{ id: string; verificationCode: string; renderedAt: string | null }>>(`/api/cases/${id}/certificates`);
      return list.body[0]?.renderedAt ? list.body[0] : null;
    }, 20_000, 'the certificate rendering');
    expect((await moveOk(await secretary(), id, CaseTransition.IssueCertificates)).status).toBe(CaseStatus.CertificateIssued);

    // what the public site's check answers (its page and JSON: apps/public certificate-check.int-spec.ts)
    expect(await api.get(CertificateService).verify(certificate.verificationCode)).toEqual({
      valid: true,
      revoked: false,
      certificateNumber: expect.stringMatching(/^C-ALM-/),
      personNameKk: 'Жұмабаев Қабдолла',
      personNameRu: 'Жумабаев Кабдолла',
      decisionNumber: expect.stringMatching(/^D-\d{4}-\d{5}$/),
      decisionDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    await expect(api.get(CertificateService).verify('MADEUPCODE99')).rejects.toMatchObject({ code: 'commission.certificate_unknown' });

    const download = await fetch(`${baseUrl}/api/certificates/${certificate.id}/pdf`, { headers: { authorization: `Bearer ${(await secretary()).token}` } });
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await download.arrayBuffer()) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Жұмабаев Қабдолла');
    expect(text).toContain('Жумабаев Кабдолла');
    expect(text).toContain(certificate.verificationCode);

    const protocol = await fetch(`${baseUrl}/api/commission/sessions/${sessionId}/protocol.pdf`, { headers: { authorization: `Bearer ${(await chair()).token}` } });
    expect(protocol.status).toBe(200);
    const protocolParser = new PDFParse({ data: new Uint8Array(await protocol.arrayBuffer()) });
    const protocolText = (await protocolParser.getText()).text;
    await protocolParser.destroy();
    expect(protocolText).toContain(opened.number);
    expect(protocolText).toContain('Жұмабаев Қабдолла');
    expect(protocolText).toContain('Evidence on the date of arrest is thin.');
    expect(protocolText).toMatch(/ақталды|реабилитирован/);

    const timeline = await (await secretary()).get<Array<{ kind: string; data: { to?: string } }>>(`/api/cases/${id}/timeline`);
    expect(timeline.body.filter((event) => event.kind === 'transition').map((event) => event.data.to)).toEqual([
      'submitted', 'intake_review', 'returned_to_applicant', 'submitted', 'intake_review', 'archive_verification',
      'working_group_review', 'commission_review', 'rehabilitated', 'certificate_issued',
    ]);
  });

  it('returns a case for more evidence, then rejects it; a closed case is reopened with a reason', async () => {
    const { id } = await openCase([{ nameKk: 'Дулатұлы Міржақып', nameRu: 'Дулатов Миржакып' }]);
    await toCommission(id, await member());
    const first = await session('2026-04-09');
    await presentAll(first);
    await (await secretary()).post(`/api/commission/sessions/${first}/agenda`, { caseId: id });
    // the majority votes against rehabilitating on this file: the chair returns it for more evidence
    await voteAll(first, id, ['against', 'against', 'for']);
    expect((await moveOk(await chair(), id, CaseTransition.ReturnForEvidence, { reason: 'the sentence itself is missing from the file' })).status).toBe(CaseStatus.ArchiveVerification);

    await moveOk(await member(), id, CaseTransition.CompleteVerification);
    const conclusion = await (await member()).get<{ version: number }>(`/api/cases/${id}/conclusion`);
    const redrafted = await (await member()).post<{ version: number }>(`/api/cases/${id}/conclusion`, { recommendation: 'reject', reasoning: 'Convicted of a common crime, not a political one.', legalArticleCode: 'law1993-art4', version: conclusion.body.version });
    expect(redrafted.status).toBe(200);
    await (await lead()).post(`/api/cases/${id}/conclusion/sign`, { version: redrafted.body.version });
    await moveOk(await lead(), id, CaseTransition.SubmitToCommission);
    const second = await session('2026-05-14');
    await presentAll(second);
    expect((await (await secretary()).post(`/api/commission/sessions/${second}/agenda`, { caseId: id })).status).toBe(200);
    await voteAll(second, id);
    expect((await moveOk(await chair(), id, CaseTransition.Reject, { reason: 'a common crime: the 1993 Law does not apply' })).status).toBe(CaseStatus.Rejected);
    expect((await moveOk(await secretary(), id, CaseTransition.Close)).status).toBe(CaseStatus.Closed);
    expect((await move(await secretary(), id, CaseTransition.Reopen)).status).toBe(409);
    expect((await moveOk(await secretary(), id, CaseTransition.Reopen, { reason: 'new documents from the family' })).status).toBe(CaseStatus.IntakeReview);
  });

  it('binds the chair\'s decision to the majority of votes cast, never overruled, and a tie to a return for evidence', async () => {
    type Refusal = { code: string; params: Record<string, unknown>; detail: string };
    type Options = { transitions: Array<{ name: string; allowed: boolean; decides: string | null; reasons: Refusal[] }>; actions: Array<{ name: string; allowed: boolean; reasons: Refusal[] }> };
    const { id } = await openCase([{ nameKk: 'Аймауытұлы Жүсіпбек', nameRu: 'Аймауытов Жусипбек' }]);
    await toCommission(id, await member());
    const sessionId = await session('2026-06-25');
    await presentAll(sessionId);
    // voting is open once the case is on an agenda; the secretary puts it on one, once
    const before = (await (await commissioner(1)).get<Options>(`/api/cases/${id}/transitions`)).body;
    expect(before.actions.find((action) => action.name === 'vote')).toMatchObject({ allowed: false, reasons: [{ code: 'case.not_on_agenda' }] });
    expect((await (await secretary()).post(`/api/commission/sessions/${sessionId}/agenda`, { caseId: id })).status).toBe(200);
    const twice = await (await secretary()).post<Problem & { code: string }>(`/api/commission/sessions/${sessionId}/agenda`, { caseId: id });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('case.already_on_agenda');

    // one for, two against rehabilitation: the chair may not rehabilitate, and no overruling is offered
    await voteAll(sessionId, id, ['for', 'against', 'against']);
    const refused = await move(await chair(), id, CaseTransition.Rehabilitate, { reason: 'the chair finds the file convincing' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'case.decision_against_votes',
      params: { outcome: 'rehabilitated', supported: ['rejected', 'returned_for_evidence'], votesFor: 1, votesAgainst: 2, abstentions: 0 },
    });
    expect(refused.body.detail).toContain('the chair records the decision of the majority of votes cast');
    expect((await caseOf(id)).status).toBe(CaseStatus.CommissionReview);
    const asChair = (await (await chair()).get<Options>(`/api/cases/${id}/transitions`)).body;
    expect(asChair.transitions.map((t) => [t.name, t.allowed, t.decides])).toEqual([
      ['rehabilitate', false, 'rehabilitated'],
      ['reject', true, 'rejected'],
      ['return-for-evidence', true, 'returned_for_evidence'],
    ]);
    expect(asChair.transitions[0]!.reasons.map((reason) => reason.code)).toEqual(['case.decision_against_votes']);
    const denied = await db.query(`SELECT details FROM audit_log WHERE action = 'case.transition' AND outcome = 'denied' AND entity_id = $1`, [id]);
    expect(denied.rows.map((row) => row.details.codes)).toContainEqual(['case.decision_against_votes']);

    // a tie (one member changes to abstaining): only a return for more evidence
    expect((await (await commissioner(3)).post(`/api/commission/sessions/${sessionId}/agenda/${id}/vote`, { choice: 'abstain' })).status).toBe(200);
    const tie = await move(await chair(), id, CaseTransition.Reject, { reason: 'not proven' });
    expect(tie.status).toBe(409);
    expect(tie.body).toMatchObject({ code: 'case.decision_against_votes', params: { supported: ['returned_for_evidence'], votesFor: 1, votesAgainst: 1, abstentions: 1 } });
    await moveOk(await chair(), id, CaseTransition.ReturnForEvidence, { reason: 'the commission is split: the file needs the sentence itself' });

    // what the state allows is the table's: drafting reopens only in the working group's review
    const asMember = (await (await member()).get<Options>(`/api/cases/${id}/transitions`)).body;
    expect(asMember.actions.map((action) => [action.name, action.allowed])).toEqual([
      ['edit', true], ['request-archive', true], ['upload-evidence', true], ['draft-conclusion', false],
      ['sign-conclusion', false], ['put-on-agenda', false], ['vote', false],
    ]);
    expect(asMember.actions.find((action) => action.name === 'draft-conclusion')!.reasons).toEqual([
      {
        code: 'case.action_state',
        params: { action: 'draft-conclusion', status: 'archive_verification', states: ['working_group_review'] },
        detail: 'the case is archive_verification; draft-conclusion is open while it is working_group_review',
      },
    ]);
    const conclusion = await (await member()).get<{ version: number }>(`/api/cases/${id}/conclusion`);
    const closedForm = await (await member()).post<Problem & { code: string }>(`/api/cases/${id}/conclusion`, {
      recommendation: 'rehabilitate', reasoning: 'Saved from a form left open after the decision.', legalArticleCode: 'law1993-art3', version: conclusion.body.version,
    });
    expect(closedForm.status).toBe(409);
    expect(closedForm.body.code).toBe('case.action_state');
  });

  it('refuses edits, uploads and conclusions once the state closes them, with codes', async () => {
    const { id } = await openCase([{ nameKk: 'Сәдуақасұлы Смағұл', nameRu: 'Садвокасов Смагул' }]);
    await toCommission(id, await member());
    const current = await caseOf(id);
    const edit = await (await member()).patch<Problem & { code: string; params: Record<string, unknown> }>(`/api/cases/${id}`, { version: current.version, summary: 'changed before the commission' });
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ code: 'case.action_state', params: { action: 'edit', status: 'commission_review' } });
    const form = new FormData();
    form.append('kind', 'other');
    form.append('file', new Blob([new Uint8Array(await renderTestPdf([['Хат']]))], { type: 'application/pdf' }), 'late-letter.pdf');
    const upload = await fetch(`${baseUrl}/api/cases/${id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${(await member()).token}` }, body: form });
    expect(upload.status).toBe(409);
    expect(await upload.json()).toMatchObject({ code: 'case.action_state', params: { action: 'upload-evidence', status: 'commission_review' } });
    const request = await (await member()).post<Problem & { code: string }>(`/api/cases/${id}/archive-requests`, { archiveCode: 'APRK', sought: 'one more file' });
    expect(request.status).toBe(409);
    expect(request.body.code).toBe('case.action_state');
    expect((await caseOf(id)).version).toBe(current.version);
  });

  it('decides a group case of five with one person returned for more evidence', async () => {
    const names = ['Бекмұхамбетов Асқар', 'Сейітов Ерғали', 'Омаров Қуаныш', 'Тәжібаев Нұрлан', 'Әбілов Серік'];
    const opened = await openCase(names.map((name) => ({ nameKk: name, nameRu: name })), 'Participants of the 1931 uprising');
    await toCommission(opened.id, await member());
    const sessionId = await session('2026-06-11');
    await presentAll(sessionId);
    await (await secretary()).post(`/api/commission/sessions/${sessionId}/agenda`, { caseId: opened.id });
    await voteAll(sessionId, opened.id);
    const excepted = opened.subjects[4]!;
    const decided = await moveOk(await chair(), opened.id, CaseTransition.Rehabilitate, {
      reason: 'participants of an uprising against collectivization',
      exceptions: [{ subjectId: excepted.id, outcome: 'returned_for_evidence', reason: 'identity not established' }],
    });
    expect(decided.subjects.map((subject) => subject.outcome)).toEqual(['rehabilitated', 'rehabilitated', 'rehabilitated', 'rehabilitated', 'returned_for_evidence']);
    const spunOff = await db.query(`SELECT c.status, s.person_id FROM cases c JOIN case_subjects s ON s.case_id = c.id WHERE c.parent_case_id = $1`, [opened.id]);
    expect(spunOff.rows).toEqual([{ status: CaseStatus.ArchiveVerification, person_id: excepted.personId }]);
    const certificates = await eventually(async () => {
      const rows = (await db.query(`SELECT person_id FROM certificates WHERE case_id = $1 AND rendered_at IS NOT NULL`, [opened.id])).rows;
      return rows.length === 4 ? rows : null;
    }, 20_000, 'four certificates');
    expect(certificates.map((row) => row.person_id)).not.toContain(excepted.personId);
  });

  it('answers wrong roles, unmet guards, stale versions and four-eyes breaches with clear 4xx and changes nothing', async () => {
    const { id, version } = await openCase([{ nameKk: 'Байтұрсынұлы Ахмет', nameRu: 'Байтурсынов Ахмет' }]);
    // wrong role: the chair cannot submit a case
    const wrongRole = await (await chair()).post<Problem>(`/api/cases/${id}/transitions/submit`, { version });
    expect([403, 404]).toContain(wrongRole.status);
    // a Zhambyl member neither lists, reads nor changes an Almaty case, and the attempt is audited
    const zhambyl = await as('zhambyl@aqtalu.kz', 'taraz steppe passphrase');
    expect((await zhambyl.get<CaseBody[]>('/api/cases')).body.map((c) => c.id)).not.toContain(id);
    expect((await zhambyl.get(`/api/cases/${id}`)).status).toBe(404);
    expect((await zhambyl.patch(`/api/cases/${id}`, { version, summary: 'x' })).status).toBe(404);
    const denied = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied' AND entity_id = $1`, [id]);
    expect(denied.rows[0].n).toBeGreaterThanOrEqual(2);
    // stale version
    await moveOk(await secretary(), id, CaseTransition.Submit);
    const stale = await (await secretary()).post<Problem>(`/api/cases/${id}/transitions/start-intake`, { version });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(version + 1);
    expect((await caseOf(id)).status).toBe(CaseStatus.Submitted);
    // unknown transition and unknown fields
    expect((await (await secretary()).post(`/api/cases/${id}/transitions/approve`, { version: version + 1 })).status).toBe(400);
    expect((await (await secretary()).post(`/api/cases/${id}/transitions/start-intake`, { version: version + 1, status: 'closed' })).status).toBe(400);
    expect((await caseOf(id)).status).toBe(CaseStatus.Submitted);

    // a lead signing their own draft
    await moveOk(await secretary(), id, CaseTransition.StartIntake);
    await moveOk(await secretary(), id, CaseTransition.AcceptForVerification);
    const request = await (await member()).post<{ id: string; version: number }>(`/api/cases/${id}/archive-requests`, { archiveCode: 'SPEC-MVD', sought: 'the file' });
    await (await liaison()).post(`/api/archive-requests/${request.body.id}/actions/nothing-found`, { version: request.body.version, note: 'nothing under this name' });
    await moveOk(await member(), id, CaseTransition.CompleteVerification);
    const own = await (await lead()).post<{ version: number }>(`/api/cases/${id}/conclusion`, { recommendation: 'insufficient_evidence', reasoning: 'No file was found in any archive.', legalArticleCode: 'law1993-art2' });
    const selfSign = await (await lead()).post<Problem>(`/api/cases/${id}/conclusion/sign`, { version: own.body.version });
    expect(selfSign.status).toBe(403);
    expect(selfSign.body.detail).toContain('four eyes');

    // the author of a conclusion who has since joined the commission does not vote on it
    const other = await openCase([{ nameKk: 'Жансүгіров Ілияс', nameRu: 'Жансугуров Ильяс' }]);
    const drafter = await as('drafter@aqtalu.kz', 'conclusion author passphrase');
    await toCommission(other.id, drafter);
    const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    const drafterUser = await admin.get<{ version: number }>(`/api/users/${extra.drafter}`);
    expect((await admin.patch(`/api/users/${extra.drafter}`, { version: drafterUser.body.version, role: Role.CommissionMember, regionCode: null })).status).toBe(200);
    sessions.delete('drafter@aqtalu.kz');
    const sessionId = await session('2026-07-09');
    await presentAll(sessionId);
    await (await secretary()).post(`/api/commission/sessions/${sessionId}/agenda`, { caseId: other.id });
    const authorVote = await (await as('drafter@aqtalu.kz', 'conclusion author passphrase')).post<Problem>(`/api/commission/sessions/${sessionId}/agenda/${other.id}/vote`, { choice: 'for' });
    expect(authorVote.status).toBe(403);
    expect(authorVote.body.detail).toContain('does not vote on it');
    expect((await db.query(`SELECT count(*)::int AS n FROM votes v JOIN agenda_items ai ON ai.id = v.agenda_item_id WHERE ai.case_id = $1`, [other.id])).rows[0].n).toBe(0);
  });

  it('notifies people @mentioned in a comment if they may see the case, and assigns tasks', async () => {
    const { id } = await openCase([{ nameKk: 'Торайғыров Сұлтанмахмұт', nameRu: 'Торайгыров Султанмахмут' }]);
    const leadEmail = demo(Role.WgLead).email;
    const comment = await (await member()).post<{ mentioned: string[]; notNotified: string[] }>(`/api/cases/${id}/comments`, {
      body: `Please look at the birthplace, @${leadEmail} and @zhambyl@aqtalu.kz`,
    });
    expect(comment.status).toBe(201);
    expect(comment.body).toEqual({ id: expect.any(String), mentioned: [leadEmail], notNotified: ['zhambyl@aqtalu.kz'] });
    expect((await (await member()).post(`/api/cases/${id}/comments`, { body: 'hello @nobody@aqtalu.kz' })).status).toBe(400);

    const leadSession = await lead();
    const unread = await leadSession.get<{ unread: number }>('/api/notifications/unread-count');
    const mine = await leadSession.get<Array<{ kind: string; params: { caseId: string } }>>('/api/notifications');
    expect(mine.body.find((n) => n.kind === 'comment.mention')?.params.caseId).toBe(id);
    expect((await leadSession.post<{ marked: number }>('/api/notifications/read', {})).body.marked).toBe(unread.body.unread);
    expect((await leadSession.get<{ unread: number }>('/api/notifications/unread-count')).body.unread).toBe(0);

    const memberId = (await db.query(`SELECT id FROM users WHERE email = $1`, [demo(Role.WgMember).email])).rows[0].id;
    const task = await leadSession.post<{ id: string; version: number }>(`/api/cases/${id}/tasks`, { title: 'Ask the family for the birth certificate', assigneeId: memberId, dueDate: '2026-12-15' });
    expect(task.status).toBe(201);
    const zhambylId = (await db.query(`SELECT id FROM users WHERE email = 'zhambyl@aqtalu.kz'`)).rows[0].id;
    expect((await leadSession.post(`/api/cases/${id}/tasks`, { title: 'Not theirs to do', assigneeId: zhambylId })).status).toBe(400);
    const assigned = await (await member()).get<Array<{ id: string }>>(`/api/cases?filter=${encodeURIComponent('{"assignedToMe":true}')}`);
    expect(assigned.body.map((c) => c.id)).toEqual([id]);
    const done = await (await member()).post<{ doneAt: string | null }>(`/api/tasks/${task.body.id}/done`, { done: true, version: task.body.version });
    expect(done.body.doneAt).not.toBeNull();
    expect((await (await member()).post(`/api/tasks/${task.body.id}/done`, { done: false, version: task.body.version })).status).toBe(409);
    expect((await (await member()).get<unknown[]>(`/api/cases?filter=${encodeURIComponent('{"assignedToMe":true}')}`)).body).toEqual([]);
  });

  it('numbers sessions after the highest number of the year, even when one was typed by hand', async () => {
    const typed = await (await secretary()).post<{ number: string }>('/api/commission/sessions', { date: '2027-02-11', number: '2027/9' });
    expect(typed.status).toBe(201);
    const next = await (await secretary()).post<{ number: string }>('/api/commission/sessions', { date: '2027-03-11' });
    expect(next.body.number).toBe('2027/10');
  });

  it('marks a request overdue the day after 30 business days, counting the holidays, and reminds both sides once', async () => {
    const { id } = await openCase([{ nameKk: 'Сейфуллин Сәкен', nameRu: 'Сейфуллин Сакен' }]);
    await moveOk(await secretary(), id, CaseTransition.Submit);
    await moveOk(await secretary(), id, CaseTransition.StartIntake);
    await moveOk(await secretary(), id, CaseTransition.AcceptForVerification);
    // sent on Monday 2 March 2026: 30 business days skip the weekends and Nauryz (Monday 23 March)
    const request = await (await member()).post<{ id: string; dueDate: string }>(`/api/cases/${id}/archive-requests`, { archiveCode: 'SPEC-MVD', sought: 'the investigation file', sentOn: '2026-03-02' });
    expect(request.body.dueDate).toBe('2026-04-14');

    const sut = api.get(ArchiveRequestService);
    expect(await sut.markOverdue('2026-04-14')).not.toContain(request.body.id);
    expect(await sut.markOverdue('2026-04-15')).toContain(request.body.id);
    expect(await sut.markOverdue('2026-04-16')).not.toContain(request.body.id);

    const reminded = await db.query(
      `SELECT u.role, count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
       WHERE n.kind = 'archive_request.overdue' AND n.params->>'archiveRequestId' = $1 GROUP BY u.role ORDER BY u.role`,
      [request.body.id],
    );
    expect(reminded.rows).toEqual([
      { role: 'archive_liaison', n: 1 },
      { role: 'wg_lead', n: 1 },
      { role: 'wg_member', n: 1 }, // the demo member; the drafter has joined the commission by now
    ]);
    const overdueList = await (await member()).get<Array<{ id: string; overdue: boolean }>>(`/api/archive-requests?filter=${encodeURIComponent('{"overdue":true}')}`);
    expect(overdueList.body.map((r) => r.id)).toContain(request.body.id);
    // the case list filters the cases with an overdue request; the dashboard counts cases by status and region
    const overdueCases = await (await member()).get<Array<{ id: string }>>(`/api/cases?filter=${encodeURIComponent('{"overdue":true}')}`);
    expect(overdueCases.body.map((c) => c.id)).toEqual([id]);
    expect((await (await member()).get(`/api/cases?filter=${encodeURIComponent('{"overdue":"yes"}')}`)).status).toBe(400);
    const stats = await (await member()).get<Array<{ status: string; regionCode: string; count: number }>>('/api/cases/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.every((row) => row.regionCode === 'ALM')).toBe(true); // the member's scope
    expect(stats.body.find((row) => row.status === 'archive_verification')?.count).toBeGreaterThanOrEqual(1);
  });
});
