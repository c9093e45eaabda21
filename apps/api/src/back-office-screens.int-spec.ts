import type { NestExpressApplication } from '@nestjs/platform-express';
import { CaseStatus, CaseTransition, EvidenceKind, Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, renderTestPdf, type TestEnvironment } from '@aqtalu/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

interface CaseBody {
  id: string;
  number: string;
  status: CaseStatus;
  regionCode: string;
  categoryCode: string;
  summary: string;
  version: number;
  applicant: { name: string; kind: string };
  subjects: Array<{ id: string; personId: string; nameKk: string | null; nameRu: string | null }>;
}
interface Problem {
  status: number;
  code: string;
  params: Record<string, unknown>;
}

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

/** The API behind the back office's screens of issue 15: case edit, name search, person's cases, proposals, agenda picker, votes (the certificate page: apps/public). */
describe('back-office screens over HTTP', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  const sessions = new Map<string, HttpSession>();

  const as = async (email: string, password?: string) => {
    if (!sessions.has(email)) sessions.set(email, await HttpSession.login(baseUrl, email, password));
    return sessions.get(email)!;
  };
  const secretary = () => as(demo(Role.Secretary).email);
  const member = () => as(demo(Role.WgMember).email);
  const lead = () => as(demo(Role.WgLead).email);
  const liaison = () => as(demo(Role.ArchiveLiaison).email);
  const commissioner = () => as(demo(Role.CommissionMember).email);
  const zhambyl = () => as('zhambyl.screens@aqtalu.kz', 'taraz steppe passphrase');
  const userId = async (email: string) => (await db.query(`SELECT id FROM users WHERE email = $1`, [email])).rows[0].id as string;
  const auditRows = (action: string, entityId: string | null) =>
    db.query(`SELECT actor_id, diff->'before' AS before, diff->'after' AS after, details, outcome FROM audit_log WHERE action = $1 AND ($2::text IS NULL OR entity_id = $2::text) ORDER BY id`, [action, entityId]).then((r) => r.rows);

  async function openCase(subjects: Array<{ nameKk?: string; nameRu?: string }>, regionCode = 'ALM'): Promise<CaseBody> {
    const created = await (await secretary()).post<CaseBody>('/api/cases', {
      regionCode,
      categoryCode: 'counter_revolutionary',
      summary: 'Application of a relative',
      applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'granddaughter', kinshipProof: 'birth certificates' },
      subjects,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  }

  async function caseOf(id: string): Promise<CaseBody> {
    return (await (await secretary()).get<CaseBody>(`/api/cases/${id}`)).body;
  }

  async function moveOk(session: HttpSession, id: string, name: CaseTransition, body: Record<string, unknown> = {}) {
    const answer = await session.post<CaseBody>(`/api/cases/${id}/transitions/${name}`, { version: (await caseOf(id)).version, ...body });
    expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBe(200);
    return answer.body;
  }

  /** Through intake and archive verification to a conclusion signed by the lead, awaiting the commission. */
  async function toCommission(id: string) {
    await moveOk(await secretary(), id, CaseTransition.Submit);
    await moveOk(await secretary(), id, CaseTransition.StartIntake);
    await moveOk(await secretary(), id, CaseTransition.AcceptForVerification);
    const request = await (await member()).post<{ id: string; version: number }>(`/api/cases/${id}/archive-requests`, { archiveCode: 'SPEC-MVD', sought: 'the investigation file' });
    expect(request.status).toBe(201);
    expect((await (await liaison()).post(`/api/archive-requests/${request.body.id}/actions/answer`, { version: request.body.version, note: 'ф. 2, оп. 1, д. 11573' })).status).toBe(200);
    await moveOk(await member(), id, CaseTransition.CompleteVerification);
    const drafted = await (await member()).post<{ version: number }>(`/api/cases/${id}/conclusion`, {
      recommendation: 'rehabilitate',
      reasoning: 'The troika protocol shows an extrajudicial sentence.',
      legalArticleCode: 'law1993-art3',
    });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    expect((await (await lead()).post(`/api/cases/${id}/conclusion/sign`, { version: drafted.body.version })).status).toBe(200);
    await moveOk(await lead(), id, CaseTransition.SubmitToCommission);
  }

  beforeAll(async () => {
    environment = await createTestEnvironment({ PUBLIC_URL: 'https://aqtalu.example.kz' });
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    const created = await admin.post('/api/users', { email: 'zhambyl.screens@aqtalu.kz', displayName: 'Жамбыл мүшесі', password: 'taraz steppe passphrase', role: Role.WgMember, regionCode: 'ZHA' });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  describe('case edit (PATCH /api/cases/:id)', () => {
    it('edits region, category, applicant and summary; a new region re-scopes the case and is audited', async () => {
      const opened = await openCase([{ nameKk: 'Тұрар Рысқұлов' }]);
      const edited = await (await member()).patch<CaseBody>(`/api/cases/${opened.id}`, {
        version: opened.version,
        regionCode: 'ZHA',
        categoryCode: 'alash',
        summary: 'Registered in the wrong region: the file is in Taraz',
        applicant: { name: 'Әлия Тұрарқызы' },
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      expect(edited.body).toMatchObject({ regionCode: 'ZHA', categoryCode: 'alash', summary: 'Registered in the wrong region: the file is in Taraz', version: opened.version + 1 });
      expect(edited.body.applicant.name).toBe('Әлия Тұрарқызы');
      expect(edited.body.number).toBe(opened.number);

      // the old region's group loses the case, the new region's gains it
      expect((await (await member()).get(`/api/cases/${opened.id}`)).status).toBe(404);
      expect((await (await zhambyl()).get<CaseBody>(`/api/cases/${opened.id}`)).body.regionCode).toBe('ZHA');
      const listed = await (await zhambyl()).get<CaseBody[]>(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ q: opened.number }))}`);
      expect(listed.body.map((c) => c.id)).toEqual([opened.id]);

      const moved = await auditRows('case.change_region', opened.id);
      expect(moved).toHaveLength(1);
      expect(moved[0]).toMatchObject({ actor_id: await userId(demo(Role.WgMember).email), before: { regionCode: 'ALM' }, after: { regionCode: 'ZHA' } });
      const updated = await auditRows('case.update', opened.id);
      expect(updated.at(-1)).toMatchObject({ before: { regionCode: 'ALM', categoryCode: 'counter_revolutionary' }, after: { regionCode: 'ZHA', categoryCode: 'alash' } });
      const events = (await db.query(`SELECT kind, data FROM case_events WHERE case_id = $1 AND kind = 'region_changed'`, [opened.id])).rows;
      expect(events).toEqual([{ kind: 'region_changed', data: { from: 'ALM', to: 'ZHA' } }]);
    });

    it('answers 409 with the current version to a stale edit, changing nothing', async () => {
      const opened = await openCase([{ nameKk: 'Сұлтанбек Қожанов' }]);
      expect((await (await secretary()).patch(`/api/cases/${opened.id}`, { version: opened.version, summary: 'first' })).status).toBe(200);
      const stale = await (await member()).patch<Problem>(`/api/cases/${opened.id}`, { version: opened.version, regionCode: 'ZHA' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'resource.stale_version', params: { entity: 'case', currentVersion: opened.version + 1 } });
      expect((await caseOf(opened.id)).regionCode).toBe('ALM');
      expect(await auditRows('case.change_region', opened.id)).toHaveLength(0);
    });

    it('refuses an unknown region or category (400 with a code), a role without the right (403) and a case of another region (404)', async () => {
      const opened = await openCase([{ nameKk: 'Ахмет Байтұрсынұлы' }]);
      const unknown = await (await secretary()).patch<Problem>(`/api/cases/${opened.id}`, { version: opened.version, regionCode: 'XYZ' });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ code: 'validation.unknown_code', params: { field: 'regionCode', value: 'XYZ' } });
      const malformed = await (await secretary()).patch<Problem>(`/api/cases/${opened.id}`, { version: opened.version, regionCode: 'alm' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toMatch(/^validation\./);
      const category = await (await secretary()).patch<Problem>(`/api/cases/${opened.id}`, { version: opened.version, categoryCode: 'no_such_category' });
      expect(category.status).toBe(400);
      expect(category.body.code).toBe('validation.unknown_code');
      expect((await (await liaison()).patch<Problem>(`/api/cases/${opened.id}`, { version: opened.version, summary: 'x' })).status).toBe(403);
      expect((await (await commissioner()).patch<Problem>(`/api/cases/${opened.id}`, { version: opened.version, summary: 'x' })).status).toBe(403);
      expect((await (await zhambyl()).patch<Problem>(`/api/cases/${opened.id}`, { version: opened.version, regionCode: 'ZHA' })).status).toBe(404);
      expect((await caseOf(opened.id)).version).toBe(opened.version);
    });

    it('refuses an edit once the case is before the commission (409 case.action_state from the lifecycle)', async () => {
      const opened = await openCase([{ nameKk: 'Міржақып Дулатұлы' }]);
      await toCommission(opened.id);
      const current = await caseOf(opened.id);
      const refused = await (await secretary()).patch<Problem & { reasons?: Array<{ code: string }> }>(`/api/cases/${opened.id}`, { version: current.version, regionCode: 'ZHA' });
      expect(refused.status).toBe(409);
      expect(JSON.stringify(refused.body)).toContain('case.action_state');
      expect((await caseOf(opened.id)).regionCode).toBe('ALM');
    });
  });

  describe('case list search by names in any script', () => {
    it('finds the Сейфуллин case by "Seifullin", "Сакен Сейфуллин" and "Saken Seifullin", within the caller\'s scope only', async () => {
      const seifullin = await openCase([{ nameKk: 'Сәкен Сейфуллин', nameRu: 'Сакен Сейфуллин' }]);
      const other = await openCase([{ nameKk: 'Әлихан Бөкейхан', nameRu: 'Алихан Букейханов' }]);
      const search = async (session: HttpSession, q: string) =>
        (await session.get<CaseBody[]>(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ q }))}&range=[0,99]`)).body.map((c) => c.id);
      for (const q of ['Seifullin', 'Сакен Сейфуллин', 'Saken Seifullin', 'Сейфуллин', 'сейфулин']) {
        const found = await search(await secretary(), q);
        expect(found, q).toContain(seifullin.id);
        expect(found, q).not.toContain(other.id);
      }
      expect(await search(await member(), 'Seifullin')).toContain(seifullin.id);
      // a member of another region never finds it
      expect(await search(await zhambyl(), 'Seifullin')).not.toContain(seifullin.id);
      // the number still finds the case
      expect(await search(await secretary(), seifullin.number)).toEqual([seifullin.id]);
    });
  });

  describe("a person's cases (GET /api/registry/persons/:id/cases)", () => {
    it('lists the cases the caller may see, audited; 404 for an unknown person, 403 without registry access', async () => {
      const opened = await openCase([{ nameKk: 'Мағжан Жұмабаев' }]);
      const personId = opened.subjects[0]!.personId;
      const listed = await (await secretary()).get<Array<{ id: string; number: string; status: string; regionCode: string }>>(`/api/registry/persons/${personId}/cases`);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual([expect.objectContaining({ id: opened.id, number: opened.number, status: CaseStatus.Draft, regionCode: 'ALM' })]);
      expect((await (await member()).get<unknown[]>(`/api/registry/persons/${personId}/cases`)).body).toHaveLength(1);
      // another region's member sees the person, not the case
      const scoped = await (await zhambyl()).get<unknown[]>(`/api/registry/persons/${personId}/cases`);
      expect(scoped.status).toBe(200);
      expect(scoped.body).toEqual([]);
      expect((await auditRows('person.read_cases', personId)).length).toBeGreaterThanOrEqual(3);
      const missing = await (await secretary()).get<Problem>(`/api/registry/persons/00000000-0000-4000-8000-000000000000/cases`);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('resource.not_found');
      expect((await (await liaison()).get(`/api/registry/persons/${personId}/cases`)).status).toBe(403);
    });
  });

  describe('evidence proposals decided in bulk (POST /api/evidence/:id/proposals/decide)', () => {
    async function evidenceWithProposals() {
      const opened = await openCase([{ nameKk: 'Жүсіпбек Аймауытұлы' }]);
      await moveOk(await secretary(), opened.id, CaseTransition.Submit);
      const form = new FormData();
      form.append('kind', EvidenceKind.TroikaProtocol);
      form.append('file', new Blob([new Uint8Array(await renderTestPdf([['Выписка из протокола тройки']]))], { type: 'application/pdf' }), 'protocol.pdf');
      const response = await fetch(`${baseUrl}/api/cases/${opened.id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${(await member()).token}` }, body: form });
      expect(response.status).toBe(201);
      const evidence = (await response.json()) as { id: string };
      const insert = async (kind: string, key: string, text: string, value: unknown) =>
        (
          await db.query(`INSERT INTO evidence_proposals (evidence_id, kind, key, text, page, value) VALUES ($1, $2, $3, $4, 1, $5) RETURNING id`, [
            evidence.id, kind, key, text, JSON.stringify(value),
          ])
        ).rows[0].id as string;
      const reference = await insert('reference', 'f141-o1-d1234', 'ф. 141, оп. 1, д. 1234, л. 5', { archive: null, fond: '141', opis: '1', delo: '1234', sheets: [{ from: 5, to: 5 }], text: 'ф. 141, оп. 1, д. 1234, л. 5' });
      const date = await insert('date', '1938-02-17', '17 февраля 1938', { text: '17 февраля 1938', earliest: '1938-02-17', latest: '1938-02-17', precision: 'day' });
      const name = await insert('person', 'aimauytov', 'Аймаутов Жусупбек', { name: 'Аймаутов Жусупбек' });
      return { caseId: opened.id, evidenceId: evidence.id, reference, date, name };
    }
    type ProposalRow = { id: string; status: string };

    it('confirms several at once with their effects, each audited; a batch with a name lacking a match changes nothing (400)', async () => {
      const found = await evidenceWithProposals();
      const refused = await (await lead()).post<Problem>(`/api/evidence/${found.evidenceId}/proposals/decide`, { ids: [found.reference, found.name], confirm: true });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('evidence.person_required');
      const statuses = async () => (await db.query(`SELECT id, status FROM evidence_proposals WHERE evidence_id = $1`, [found.evidenceId])).rows as ProposalRow[];
      expect((await statuses()).every((row) => row.status === 'proposed')).toBe(true);

      const confirmed = await (await lead()).post<ProposalRow[]>(`/api/evidence/${found.evidenceId}/proposals/decide`, { ids: [found.reference, found.date], confirm: true });
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      expect(Object.fromEntries(confirmed.body.map((row) => [row.id, row.status]))).toEqual({ [found.reference]: 'confirmed', [found.date]: 'confirmed', [found.name]: 'proposed' });
      const [evidence] = (await db.query(`SELECT reference_text, document_date FROM evidence WHERE id = $1`, [found.evidenceId])).rows;
      expect(evidence.reference_text).toBe('ф. 141, оп. 1, д. 1234, л. 5');
      expect(evidence.document_date).toBe('17 февраля 1938');
      const audited = await auditRows('evidence.proposal_confirm', found.evidenceId);
      expect(audited.map((row) => row.details.proposalId).sort()).toEqual([found.reference, found.date].sort());

      const dismissed = await (await lead()).post<ProposalRow[]>(`/api/evidence/${found.evidenceId}/proposals/decide`, { ids: [found.name], confirm: false });
      expect(dismissed.body.find((row) => row.id === found.name)?.status).toBe('dismissed');
      expect(await auditRows('evidence.proposal_dismiss', found.evidenceId)).toHaveLength(1);
    });

    it('answers 409 when one was decided meanwhile, 404 out of scope, 403 without the right, 400 for no ids', async () => {
      const found = await evidenceWithProposals();
      expect((await (await lead()).post(`/api/evidence/${found.evidenceId}/proposals/${found.date}/dismiss`, {})).status).toBe(200);
      const conflict = await (await lead()).post<Problem>(`/api/evidence/${found.evidenceId}/proposals/decide`, { ids: [found.reference, found.date], confirm: false });
      expect(conflict.status).toBe(409);
      expect(conflict.body).toMatchObject({ code: 'evidence.proposal_already', params: { status: 'dismissed' } });
      expect((await db.query(`SELECT status FROM evidence_proposals WHERE id = $1`, [found.reference])).rows[0].status).toBe('proposed');
      expect((await (await zhambyl()).post(`/api/evidence/${found.evidenceId}/proposals/decide`, { ids: [found.reference], confirm: false })).status).toBe(404);
      expect((await (await commissioner()).post(`/api/evidence/${found.evidenceId}/proposals/decide`, { ids: [found.reference], confirm: false })).status).toBe(403);
      // the uploader does not decide on their own document (four eyes)
      expect((await (await member()).post(`/api/evidence/${found.evidenceId}/proposals/decide`, { ids: [found.reference], confirm: false })).status).toBe(403);
      const empty = await (await lead()).post<Problem>(`/api/evidence/${found.evidenceId}/proposals/decide`, { ids: [], confirm: true });
      expect(empty.status).toBe(400);
      expect(empty.body.code).toMatch(/^validation\./);
      const notUuid = await (await lead()).post<Problem>(`/api/evidence/${found.evidenceId}/proposals/decide`, { ids: ['x'], confirm: true });
      expect(notUuid.status).toBe(400);
      const other = await (await lead()).post<Problem>(`/api/evidence/${found.evidenceId}/proposals/decide`, { ids: ['00000000-0000-4000-8000-000000000000'], confirm: true });
      expect(other.status).toBe(404);
      expect(other.body).toMatchObject({ code: 'resource.not_found', params: { entity: 'evidence_proposal' } });
    });
  });

  describe('agenda picker and the votes waiting for a member', () => {
    it('offers the cases awaiting the commission with names, shows names on the agenda, and lists the votes a member owes', async () => {
      const waiting = await openCase([{ nameKk: 'Шәкәрім Құдайбердіұлы', nameRu: 'Шакарим Кудайбердиев' }]);
      await toCommission(waiting.id);
      const early = await openCase([{ nameKk: 'Смағұл Сәдуақасұлы' }]);
      const session = await (await secretary()).post<{ id: string }>('/api/commission/sessions', { date: '2026-12-20', place: 'Астана' });
      expect(session.status).toBe(201);

      type Candidate = { id: string; number: string; subjects: string[] };
      const candidates = await (await secretary()).get<Candidate[]>(`/api/commission/sessions/${session.body.id}/agenda/candidates`);
      expect(candidates.status).toBe(200);
      expect(candidates.body.find((c) => c.id === waiting.id)).toMatchObject({ number: waiting.number, subjects: ['Шәкәрім Құдайбердіұлы'] });
      expect(candidates.body.map((c) => c.id)).not.toContain(early.id);
      expect(await auditRows('commission_session.read_candidates', session.body.id)).toHaveLength(1);
      expect((await (await commissioner()).get(`/api/commission/sessions/${session.body.id}/agenda/candidates`)).status).toBe(403);
      expect((await (await member()).get(`/api/commission/sessions/${session.body.id}/agenda/candidates`)).status).toBe(403);
      const noSession = await (await secretary()).get<Problem>(`/api/commission/sessions/00000000-0000-4000-8000-000000000000/agenda/candidates`);
      expect(noSession.status).toBe(404);

      expect((await (await secretary()).post(`/api/commission/sessions/${session.body.id}/agenda`, { caseId: waiting.id })).status).toBe(200);
      const after = await (await secretary()).get<Candidate[]>(`/api/commission/sessions/${session.body.id}/agenda/candidates`);
      expect(after.body.map((c) => c.id)).not.toContain(waiting.id);
      const shown = await (await commissioner()).get<{ agenda: Array<{ caseId: string; subjects: string[] }> }>(`/api/commission/sessions/${session.body.id}`);
      expect(shown.body.agenda.find((item) => item.caseId === waiting.id)?.subjects).toEqual(['Шәкәрім Құдайбердіұлы']);

      type Pending = { sessionId: string; caseId: string; caseNumber: string; subjects: string[]; present: boolean };
      const owed = await (await commissioner()).get<Pending[]>('/api/tasks/votes');
      expect(owed.status).toBe(200);
      expect(owed.body).toEqual([expect.objectContaining({ sessionId: session.body.id, caseId: waiting.id, caseNumber: waiting.number, subjects: ['Шәкәрім Құдайбердіұлы'], present: false })]);
      expect((await auditRows('commission.read_pending_votes', null)).length).toBeGreaterThanOrEqual(1);
      expect((await (await member()).get('/api/tasks/votes')).status).toBe(403);
      expect((await (await secretary()).get('/api/tasks/votes')).status).toBe(403);

      // once the member has voted, the vote no longer waits
      const ids = (await db.query(`SELECT id FROM users WHERE role IN ('commission_member','chair') AND disabled_at IS NULL`)).rows.map((r) => r.id);
      expect((await (await secretary()).request('PUT', `/api/commission/sessions/${session.body.id}/attendance`, { present: ids })).status).toBe(200);
      expect((await (await commissioner()).get<Pending[]>('/api/tasks/votes')).body[0]?.present).toBe(true);
      expect((await (await commissioner()).post(`/api/commission/sessions/${session.body.id}/agenda/${waiting.id}/vote`, { choice: 'for' })).status).toBe(200);
      expect((await (await commissioner()).get<Pending[]>('/api/tasks/votes')).body).toEqual([]);
    });
  });
});
