import type { NestExpressApplication } from '@nestjs/platform-express';
import { CaseTransition, Role, type EventPeopleView, type EventView, type PersonEventView, type PersonRelationView } from '@aqtalu/contracts';
import { demoLogins, relatedPairs, seedDemoEvents } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

interface CaseBody {
  id: string;
  number: string;
  status: string;
  version: number;
  isGroup: boolean;
  subjects: Array<{ id: string; personId: string; nameKk: string | null; nameRu: string | null; outcome: string | null }>;
}

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;
const book = (page: number) => ({ kind: 'book', bookTitle: 'Азалы кітап. Книга скорби', bookPage: page });

describe('events, relations and group cases from a list', () => {
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
  const placeOf = async (code: string) => (await db.query(`SELECT id FROM places WHERE code = $1`, [code])).rows[0].id as string;

  async function person(nameKk: string, birthYear = '1894'): Promise<string> {
    const created = await (await secretary()).post<{ id: string }>('/api/registry/persons', { names: [{ fullName: nameKk, source: 'test list' }], birthYear });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  }

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    for (const n of [2, 3]) {
      const created = await admin.post('/api/users', { email: `member${n}@aqtalu.kz`, displayName: `Комиссия мүшесі ${n}`, password: 'commission member passphrase', role: Role.CommissionMember });
      expect(created.status).toBe(201);
    }
    const zhambyl = await admin.post('/api/users', { email: 'zhambyl.events@aqtalu.kz', displayName: 'Жамбыл мүшесі', password: 'taraz steppe passphrase', role: Role.WgMember, regionCode: 'ZHA' });
    expect(zhambyl.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  it('records an event with places, an uncertain date and sources, and its participants with roles, sentences and sources', async () => {
    const almatyRegion = await placeOf('oblast-alm');
    const created = await (await member()).post<EventView>('/api/events', {
      kind: 'mass_operation',
      nameKk: 'Алматыдағы ату жазалары',
      nameRu: 'Расстрелы в Алма-Ате',
      nameEn: 'Executions in Alma-Ata',
      date: 'февраль 1938',
      description: 'Sentences of the visiting session, carried out near Alma-Ata.',
      placeIds: [almatyRegion],
      sources: [{ kind: 'archival', reference: 'ЦГА РК, ф. 141, оп. 1, д. 1234, л. 5–7', note: 'protocol' }, book(12)],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const event = created.body;
    expect(event).toMatchObject({ kind: 'mass_operation', date: { earliest: '1938-02-01', latest: '1938-02-28' }, places: [{ id: almatyRegion, regionCode: 'ALM' }] });
    expect(event.sources.map((source) => source.kind)).toEqual(['archival', 'book']);
    expect(event.sources[0]!.reference).toMatchObject({ fond: '141', opis: '1', delo: '1234' });

    // a working group of another region may not record an event of Almaty region
    const zhambyl = await as('zhambyl.events@aqtalu.kz', 'taraz steppe passphrase');
    const foreign = await zhambyl.post<{ code: string }>('/api/events', { kind: 'uprising', nameKk: 'Көтеріліс', placeIds: [almatyRegion] });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('event.region_not_yours');
    const unnamed = await (await secretary()).post<{ code: string }>('/api/events', { kind: 'uprising', nameEn: 'only English' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.code).toBe('event.name_required');

    const seifullin = await person('Сейфуллин Сәкен');
    const mailin = await person('Майлин Бейімбет');
    const witness = await person('Куәгер Асан', '1900');
    for (const [personId, role, sentenceKindCode, page] of [[seifullin, 'victim', 'first_category', 31], [mailin, 'victim', 'first_category', 32], [witness, 'witness', undefined, 33]] as const) {
      const added = await (await member()).post(`/api/events/${event.id}/participants`, { personId, role, sentenceKindCode, source: book(page) });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
    }
    const again = await (await member()).post<{ code: string }>(`/api/events/${event.id}/participants`, { personId: mailin, role: 'victim', source: book(32) });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('event.participant_exists');
    const sourceless = await (await member()).post(`/api/events/${event.id}/participants`, { personId: mailin, role: 'leader' });
    expect(sourceless.status).toBe(400);

    const people = await (await (await as(demo(Role.CommissionMember).email)).get<EventPeopleView>(`/api/events/${event.id}/participants`)).body;
    expect(people.participants).toHaveLength(3);
    expect(people.bySentence).toEqual({ first_category: 2, none: 1 });
    expect(people.byOutcome).toEqual({ none: 3 });
    expect(people.byRole).toEqual({ victim: 2, witness: 1 });
    expect(people.participants.find((p) => p.personId === seifullin)!.source).toMatchObject({ kind: 'book', book: { page: 31 } });

    const ofPerson = await (await secretary()).get<PersonEventView[]>(`/api/registry/persons/${seifullin}/events`);
    expect(ofPerson.body).toEqual([expect.objectContaining({ eventId: event.id, role: 'victim', kind: 'mass_operation' })]);
    const audited = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('event.create', 'event.add_participant', 'event.read_people') AND entity_id = $1`, [event.id]);
    expect(audited.rows[0].n).toBe(5);
  });

  it('finds events by kind, region, years and name', async () => {
    const secretarySession = await secretary();
    const karaganda = await placeOf('oblast-kar');
    const uprising = await secretarySession.post<EventView>('/api/events', { kind: 'uprising', nameRu: 'Восстание в Каркаралинском уезде', date: '1931', placeIds: [karaganda] });
    expect(uprising.status, JSON.stringify(uprising.body)).toBe(201);
    await secretarySession.post('/api/events', { kind: 'deportation_echelon', nameRu: 'Эшелон спецпереселенцев', date: '1944' });
    const list = async (filter: Record<string, unknown>) => {
      const answer = await secretarySession.get<Array<{ id: string; nameRu: string }>>(`/api/events?filter=${encodeURIComponent(JSON.stringify(filter))}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.map((row) => row.nameRu);
    };
    expect(await list({ kind: 'uprising' })).toEqual(['Восстание в Каркаралинском уезде']);
    expect(await list({ regionCode: 'KAR' })).toEqual(['Восстание в Каркаралинском уезде']);
    expect(await list({ yearFrom: 1930, yearTo: 1932 })).toEqual(['Восстание в Каркаралинском уезде']);
    expect(await list({ yearFrom: 1940 })).toEqual(['Эшелон спецпереселенцев']);
    expect(await list({ q: 'эшелон' })).toEqual(['Эшелон спецпереселенцев']);
    const bad = await secretarySession.get<{ code: string }>(`/api/events?filter=${encodeURIComponent('{"yearFrom":"soon"}')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('list.filter_value_invalid');
  });

  it('stores a relation once and shows it from both sides, and never lets two relatives be one person', async () => {
    const son = await person('Жұмабаев Мағжан', '1893');
    const father = await person('Жұмабаев Бекен', '1860');
    const grandson = await person('Жұмабаев Нұрлан', '1925');
    const coDefendant = await person('Дулатұлы Міржақып', '1885');
    const registrar = await member();
    const fatherOf = await registrar.post<PersonRelationView>(`/api/registry/persons/${son}/relations`, { relativeId: father, kind: 'father', source: book(40) });
    expect(fatherOf.status, JSON.stringify(fatherOf.body)).toBe(201);
    expect(fatherOf.body).toMatchObject({ personId: father, kind: 'father', stored: true });
    // the inverse is the same relation: refused, whichever side it comes from
    const inverse = await registrar.post<{ code: string }>(`/api/registry/persons/${father}/relations`, { relativeId: son, kind: 'son', source: book(40) });
    expect(inverse.status).toBe(409);
    expect(inverse.body.code).toBe('relation.exists');
    const self = await registrar.post<{ code: string }>(`/api/registry/persons/${son}/relations`, { relativeId: son, kind: 'brother', source: book(40) });
    expect(self.body.code).toBe('relation.self');

    // from the father's side the son is a child until some relation tells his sex …
    const seenByFather = async () => (await registrar.get<PersonRelationView[]>(`/api/registry/persons/${father}/relations`)).body;
    expect(await seenByFather()).toEqual([expect.objectContaining({ personId: son, kind: 'child', stored: false, source: expect.objectContaining({ kind: 'book' }) })]);
    // … as the grandson's record does: Magzhan is his father, so a man
    expect((await registrar.post(`/api/registry/persons/${grandson}/relations`, { relativeId: son, kind: 'father', source: book(41) })).status).toBe(201);
    expect(await seenByFather()).toEqual([expect.objectContaining({ personId: son, kind: 'son' })]);
    // a family relation and a co-defendant relation may link the same pair; co-defendants read the same from both sides
    expect((await registrar.post(`/api/registry/persons/${son}/relations`, { relativeId: coDefendant, kind: 'co_defendant', source: { kind: 'archival', reference: 'ЦА КНБ РК, ф. 1, оп. 1, д. 2, л. 3' } })).status).toBe(201);
    const seenByCoDefendant = (await registrar.get<PersonRelationView[]>(`/api/registry/persons/${coDefendant}/relations`)).body;
    expect(seenByCoDefendant).toEqual([expect.objectContaining({ personId: son, kind: 'co_defendant', stored: false })]);
    const seenBySon = (await registrar.get<PersonRelationView[]>(`/api/registry/persons/${son}/relations`)).body;
    expect(seenBySon.map((relation) => [relation.personId, relation.kind]).sort()).toEqual(
      // the grandson's sex is told by no relation: he is a child
      [[father, 'father'], [grandson, 'child'], [coDefendant, 'co_defendant']].sort(),
    );

    // duplicate detection reads the pairs: each related pair once, the smaller id first
    const dataSource = new DataSource({ type: 'postgres', url: environment.databaseUrl });
    await dataSource.initialize();
    try {
      const pairs = await relatedPairs(dataSource, [son, father, grandson, coDefendant]);
      expect(pairs).toHaveLength(3);
      for (const pair of pairs) expect(pair.personAId < pair.personBId).toBe(true);
      expect(pairs.map((pair) => pair.kind).sort()).toEqual(['co_defendant', 'father', 'father']);
    } finally {
      await dataSource.destroy();
    }
    const removed = await registrar.request('DELETE', `/api/registry/persons/${father}/relations/${fatherOf.body.id}`);
    expect(removed.status).toBe(204);
    expect(await seenByFather()).toEqual([]);
  });

  it('opens a group case of 300 persons from an uploaded list in one request and decides it with two exceptions', async () => {
    const lines = ['ФИО,Год рождения,Место рождения'];
    for (let i = 1; i <= 300; i += 1) lines.push(`Қатысушы${String(i).padStart(3, '0')} Асан Үсенұлы,${1880 + (i % 40)},Қарқаралы уезі`);
    const form = new FormData();
    form.append('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'ogpu-list-1931.csv');
    for (const [key, value] of Object.entries({
      regionCode: 'ALM', categoryCode: 'counter_revolutionary', summary: 'Participants of the 1931 uprising (OGPU list)',
      applicantKind: 'working_group', applicantName: 'Алматы облысының жұмыс тобы', source: 'ЦГА РК, ф. 1137, оп. 1, д. 22',
      mapping: JSON.stringify({ fullName: 'ФИО', birthYear: 'Год рождения', birthplace: 'Место рождения' }),
    })) form.append(key, value);
    const answer = await fetch(`${baseUrl}/api/group-cases/import`, { method: 'POST', headers: { authorization: `Bearer ${(await member()).token}` }, body: form });
    const opened = (await answer.json()) as CaseBody;
    expect(answer.status, JSON.stringify(opened).slice(0, 500)).toBe(201);
    expect(opened.isGroup).toBe(true);
    expect(opened.subjects).toHaveLength(300);
    expect(opened.subjects[0]!.nameKk).toBe('Қатысушы001 Асан Үсенұлы');
    const variants = await db.query(`SELECT count(*)::int AS n FROM person_name_variants WHERE source LIKE 'ЦГА РК, ф. 1137, оп. 1, д. 22, line %'`);
    expect(variants.rows[0].n).toBe(300);
    const events = await db.query(`SELECT kind, data FROM case_events WHERE case_id = $1 ORDER BY id`, [opened.id]);
    expect(events.rows.map((row) => row.kind)).toEqual(['created', 'created_from_list']);

    // bulk actions: two persons marked for exceptions, one removed, one linked to the registry person they really are
    const [rejected, returned, removed, linked] = [opened.subjects[10]!, opened.subjects[20]!, opened.subjects[299]!, opened.subjects[5]!];
    const known = await person('Бөкейхан Әлихан', '1866');
    let version = opened.version;
    const bulk = async (body: Record<string, unknown>) => {
      const done = await (await member()).post<CaseBody & { code?: string }>(`/api/group-cases/${opened.id}/subjects/bulk`, { version, ...body });
      expect(done.status, JSON.stringify(done.body).slice(0, 300)).toBe(200);
      version = done.body.version;
      return done.body;
    };
    await bulk({ action: 'mark_exception', subjectIds: [rejected.id], outcome: 'rejected', reason: 'sentenced for a common crime' });
    await bulk({ action: 'mark_exception', subjectIds: [returned.id], outcome: 'returned_for_evidence', reason: 'identity not established' });
    await bulk({ action: 'remove', subjectIds: [removed.id] });
    const afterLink = await bulk({ action: 'link', subjectIds: [linked.id], personId: known });
    expect(afterLink.subjects).toHaveLength(299);
    expect(afterLink.subjects.find((subject) => subject.id === linked.id)!.personId).toBe(known);
    const missingReason = await (await member()).post<{ code: string }>(`/api/group-cases/${opened.id}/subjects/bulk`, { version, action: 'mark_exception', subjectIds: [linked.id] });
    expect(missingReason.body.code).toBe('case.bulk_fields');
    const stale = await (await member()).post(`/api/group-cases/${opened.id}/subjects/bulk`, { version: version - 1, action: 'unmark_exception', subjectIds: [linked.id] });
    expect(stale.status).toBe(409);
    const marked = (await (await member()).get<Array<{ id: string; exceptionOutcome: string | null }>>(`/api/group-cases/${opened.id}/subjects`)).body;
    expect(marked.filter((subject) => subject.exceptionOutcome).map((subject) => subject.id).sort()).toEqual([rejected.id, returned.id].sort());

    // through the lifecycle to the commission; the chair's decision takes the two marked exceptions
    const move = async (session: HttpSession, name: CaseTransition, body: Record<string, unknown> = {}) => {
      const current = (await (await secretary()).get<CaseBody>(`/api/cases/${opened.id}`)).body;
      const moved = await session.post(`/api/cases/${opened.id}/transitions/${name}`, { version: current.version, ...body });
      expect(moved.status, `${name}: ${JSON.stringify(moved.body).slice(0, 300)}`).toBe(200);
      return moved.body as CaseBody;
    };
    await move(await secretary(), CaseTransition.Submit);
    await move(await secretary(), CaseTransition.StartIntake);
    await move(await secretary(), CaseTransition.AcceptForVerification);
    const request = await (await member()).post<{ id: string; version: number }>(`/api/cases/${opened.id}/archive-requests`, { archiveCode: 'SPEC-MVD', sought: 'the OGPU file of the uprising' });
    expect(request.status).toBe(201);
    const liaison = await as(demo(Role.ArchiveLiaison).email);
    expect((await liaison.post(`/api/archive-requests/${request.body.id}/actions/answer`, { version: request.body.version, note: 'ф. 2, оп. 1, д. 11573' })).status).toBe(200);
    await move(await member(), CaseTransition.CompleteVerification);
    const drafted = await (await member()).post<{ version: number }>(`/api/cases/${opened.id}/conclusion`, { recommendation: 'rehabilitate', reasoning: 'An extrajudicial sentence of the OGPU.', legalArticleCode: 'law1993-art3' });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    expect((await (await lead()).post(`/api/cases/${opened.id}/conclusion/sign`, { version: drafted.body.version })).status).toBe(200);
    await move(await lead(), CaseTransition.SubmitToCommission);
    const sessionAnswer = await (await secretary()).post<{ id: string }>('/api/commission/sessions', { date: '2026-06-18', place: 'Астана' });
    const sessionId = sessionAnswer.body.id;
    const ids = (await db.query(`SELECT id FROM users WHERE role IN ('commission_member','chair') AND disabled_at IS NULL`)).rows.map((r) => r.id);
    expect((await (await secretary()).request('PUT', `/api/commission/sessions/${sessionId}/attendance`, { present: ids })).status).toBe(200);
    expect((await (await secretary()).post(`/api/commission/sessions/${sessionId}/agenda`, { caseId: opened.id })).status).toBe(200);
    for (const voter of [await as(demo(Role.CommissionMember).email), await as('member2@aqtalu.kz', 'commission member passphrase'), await as('member3@aqtalu.kz', 'commission member passphrase')]) {
      expect((await voter.post(`/api/commission/sessions/${sessionId}/agenda/${opened.id}/vote`, { choice: 'for' })).status).toBe(200);
    }
    const decided = await move(await as(demo(Role.Chair).email), CaseTransition.Rehabilitate, { reason: 'participants of an uprising against collectivization' });
    const outcomes = decided.subjects.reduce<Record<string, number>>((counts, subject) => ({ ...counts, [subject.outcome!]: (counts[subject.outcome!] ?? 0) + 1 }), {});
    expect(outcomes).toEqual({ rehabilitated: 297, rejected: 1, returned_for_evidence: 1 });
    const exceptions = await db.query(`SELECT de.subject_id, de.outcome, de.reason FROM decision_exceptions de JOIN decisions d ON d.id = de.decision_id WHERE d.case_id = $1 ORDER BY de.outcome`, [opened.id]);
    expect(exceptions.rows).toEqual([
      { subject_id: rejected.id, outcome: 'rejected', reason: 'sentenced for a common crime' },
      { subject_id: returned.id, outcome: 'returned_for_evidence', reason: 'identity not established' },
    ]);
  }, 180_000);

  it('opens group cases from an event\'s participants and from a registry selection, and refuses an ambiguous or foreign list', async () => {
    const secretarySession = await secretary();
    const event = (await secretarySession.post<EventView>('/api/events', { kind: 'group_trial', nameKk: 'Алаш ісі', date: '20.04.1932', placeIds: [await placeOf('oblast-alm')] })).body;
    const accused = [await person('Досмұхамедов Халел', '1883'), await person('Тынышбаев Мұхамеджан', '1879')];
    const witness = await person('Куәгер Бекен', '1890');
    for (const personId of accused) expect((await secretarySession.post(`/api/events/${event.id}/participants`, { personId, role: 'accused', sentenceKindCode: 'exile', source: book(7) })).status).toBe(201);
    expect((await secretarySession.post(`/api/events/${event.id}/participants`, { personId: witness, role: 'witness', source: book(8) })).status).toBe(201);
    const applicant = { kind: 'working_group', name: 'Алматы облысының жұмыс тобы' };

    const fromEvent = await (await member()).post<CaseBody>('/api/group-cases', { categoryCode: 'counter_revolutionary', applicant, eventId: event.id, roles: ['accused'] });
    expect(fromEvent.status, JSON.stringify(fromEvent.body)).toBe(201);
    expect(fromEvent.body.subjects.map((subject) => subject.personId).sort()).toEqual([...accused].sort());
    const fromSelection = await (await member()).post<CaseBody>('/api/group-cases', { regionCode: 'ALM', categoryCode: 'counter_revolutionary', applicant, personIds: [...accused, witness, witness] });
    expect(fromSelection.status).toBe(201);
    expect(fromSelection.body.subjects.map((subject) => subject.personId)).toEqual([...accused, witness]);

    const both = await (await member()).post<{ code: string }>('/api/group-cases', { regionCode: 'ALM', categoryCode: 'counter_revolutionary', applicant, eventId: event.id, personIds: accused });
    expect(both.status).toBe(400);
    expect(both.body.code).toBe('case.group_source_required');
    const foreign = await (await as('zhambyl.events@aqtalu.kz', 'taraz steppe passphrase')).post<{ code: string }>('/api/group-cases', { regionCode: 'ALM', categoryCode: 'counter_revolutionary', applicant, personIds: accused });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('case.region_not_yours');
    const cases = await db.query(`SELECT count(*)::int AS n FROM cases WHERE created_by = (SELECT id FROM users WHERE email = 'zhambyl.events@aqtalu.kz')`);
    expect(cases.rows[0].n).toBe(0);
  });

  it('seeds the two demo events with their published participants once, with dates, places and sentences', async () => {
    const dataSource = new DataSource({ type: 'postgres', url: environment.databaseUrl });
    await dataSource.initialize();
    try {
      await seedDemoEvents(dataSource);
      await seedDemoEvents(dataSource);
    } finally {
      await dataSource.destroy();
    }
    const seeded = await (await secretary()).get<Array<{ id: string; nameEn: string; dateEarliest: string; dateLatest: string; regionCodes: string[]; participantCount: number }>>(
      `/api/events?filter=${encodeURIComponent(JSON.stringify({ q: 'Alash' }))}`,
    );
    expect(seeded.body).toEqual([expect.objectContaining({ dateEarliest: '1932-04-20', dateLatest: '1932-04-20', participantCount: 5 })]);
    const executions = (await (await secretary()).get<Array<{ id: string; dateEarliest: string; dateLatest: string; regionCodes: string[]; participantCount: number }>>(
      `/api/events?filter=${encodeURIComponent(JSON.stringify({ q: 'February 1938', kind: 'mass_operation' }))}`,
    )).body;
    expect(executions).toEqual([expect.objectContaining({ dateEarliest: '1938-02-25', dateLatest: '1938-02-27', regionCodes: ['ALA', 'ALM'], participantCount: 5 })]);
    const site = (await (await secretary()).get<EventView>(`/api/events/${executions[0]!.id}`)).body.places.find((place) => place.nameEn === 'Zhanalyk burial site');
    expect(site).toBeDefined();
    expect((await (await secretary()).get<Array<{ note: string }>>(`/api/places/${site!.id}/sources`)).body).toHaveLength(1);
    const people = (await (await secretary()).get<EventPeopleView>(`/api/events/${executions[0]!.id}/participants`)).body;
    expect(people.bySentence).toEqual({ first_category: 5 });
    expect(people.participants.map((p) => p.nameKk)).toContain('Сейфуллин Сәкен');
  });

  it('keeps execution and burial sites in the gazetteer with coordinates and sources, named by events and by episodes', async () => {
    const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    const site = await admin.post<{ id: string; kind: string; latitude: number }>('/api/places', {
      kind: 'execution_site', nameKk: 'Ату орны (сынақ)', nameRu: 'Место расстрела (проверка)', nameEn: 'Execution site (test)', regionCode: 'ALM', latitude: 43.3, longitude: 76.9, validFrom: 1937, validTo: 1938,
    });
    expect(site.status, JSON.stringify(site.body)).toBe(201);
    expect(site.body).toMatchObject({ kind: 'execution_site', latitude: 43.3 });
    const cited = await admin.post<Array<{ kind: string; note: string | null }>>(`/api/places/${site.body.id}/sources`, { kind: 'book', bookTitle: 'Азалы кітап. Книга скорби', bookPage: 12, note: 'testimony of the exhumation of 1990' });
    expect(cited.status, JSON.stringify(cited.body)).toBe(201);
    expect(cited.body).toEqual([expect.objectContaining({ kind: 'book', note: 'testimony of the exhumation of 1990', book: expect.objectContaining({ page: 12 }) })]);
    expect((await (await member()).post(`/api/places/${site.body.id}/sources`, { kind: 'book', bookTitle: 'x', bookPage: 1 })).status).toBe(403);

    // an execution episode of a person names the site, and so does an event
    const shot = await person('Жүргенов Темірбек', '1898');
    const episode = await (await member()).post(`/api/registry/persons/${shot}/facts`, {
      kind: 'episode', episodeKind: 'execution', date: '25.02.1938', placeId: site.body.id, source: book(20),
    });
    expect(episode.status, JSON.stringify(episode.body)).toBe(201);
    expect(episode.body).toMatchObject({ place: { id: site.body.id } });
    const event = await (await secretary()).post<EventView>('/api/events', { kind: 'mass_operation', nameRu: 'Расстрелы (проверка)', date: '1938', placeIds: [site.body.id] });
    expect(event.body.places).toEqual([expect.objectContaining({ id: site.body.id, latitude: 43.3, longitude: 76.9, regionCode: 'ALM' })]);
  });
});
