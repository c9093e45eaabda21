import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

interface Person {
  id: string;
  version: number;
  birthYear: string | null;
  birthplace: string | null;
  birthplacePlaceId: string | null;
  birthplacePlace: { id: string; regionCode: string | null } | null;
}

interface Fact {
  id: string;
  personId: string;
  kind: string;
  episodeKind: string | null;
  value: string | null;
  date: { text: string; earliest: string; latest: string; precision: string } | null;
  accepted: boolean;
  sentencingBody: { code: string } | null;
  articles: Array<{ code: string; article: string }>;
  sentenceKind: { code: string } | null;
  camp: { code: string } | null;
  source: { kind: string; reference?: { archive: string | null; fond: string; opis: string; delo: string; sheets: unknown[]; text: string }; book?: { title: string; page: number }; evidence?: { evidenceId: string; pageFrom: number; pageTo: number } };
}

interface PlaceHit {
  id: string;
  code: string;
  kind: string;
  regionCode: string | null;
  matchedName: string;
  score: number;
  names: Array<{ name: string; language: string }>;
}

const archival = (reference: string) => ({ kind: 'archival', reference });
const book = (page: number) => ({ kind: 'book', bookTitle: 'Книга памяти Карагандинской области', bookVolume: '2', bookPage: page });

describe('registry facts, episodes, dictionaries and the gazetteer over HTTP', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  let secretary: HttpSession;
  let member: HttpSession;
  let admin: HttpSession;
  let auditor: HttpSession;
  const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

  const newPerson = async (fullName: string, extra: Record<string, unknown> = {}) => {
    const created = await secretary.post<Person>('/api/registry/persons', { names: [{ fullName }], ...extra });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  };
  const person = async (id: string) => (await secretary.get<Person>(`/api/registry/persons/${id}`)).body;
  const facts = async (id: string, query = '') => (await secretary.get<Fact[]>(`/api/registry/persons/${id}/facts${query}`)).body;
  const place = async (q: string) => {
    const answer = await secretary.get<PlaceHit[]>(`/api/places?q=${encodeURIComponent(q)}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const openCase = async (session: HttpSession, body: Record<string, unknown>) =>
    session.post<{ id: string; regionCode: string; detail?: string }>('/api/cases', {
      categoryCode: 'counter_revolutionary',
      applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'granddaughter' },
      ...body,
    });
  /** Evidence of a case, as the upload leaves it once its checks ran; written directly, the upload has tests of its own. */
  const evidenceOf = async (caseId: string, pages: number | null, quarantined = false): Promise<string> => {
    const [{ id: uploader }] = (await db.query(`SELECT id FROM users WHERE email = $1`, [demo(Role.Secretary).email])).rows;
    const { rows } = await db.query(
      `INSERT INTO evidence (case_id, uploaded_by, kind, declared_mime, sha256, size, original_name, pages)
       VALUES ($1, $2, 'troika_protocol', 'application/pdf', repeat('a', 64), 1000, 'protocol.pdf', $3) RETURNING id`,
      [caseId, uploader, pages],
    );
    await db.query(`INSERT INTO evidence_checks (evidence_id, "check", state) VALUES ($1, 'malware', $2)`, [rows[0].id, quarantined ? 'quarantined' : 'passed']);
    return rows[0].id as string;
  };

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    secretary = await HttpSession.loginAs(baseUrl, demo(Role.Secretary));
    member = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
    admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    auditor = await HttpSession.loginAs(baseUrl, demo(Role.Auditor));
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  describe('repression dictionaries', () => {
    it('are seeded with kk/ru/en names and readable by everyone with reference.read', async () => {
      const bodies = await auditor.get<Array<{ code: string; nameRu: string }>>('/api/dictionaries/sentencing-bodies');
      expect(bodies.status).toBe(200);
      expect(bodies.body.map((b) => b.code)).toEqual(expect.arrayContaining(['ogpu_troika', 'nkvd_troika', 'nkvd_dvoika', 'special_council', 'military_collegium']));
      const articles = await member.get<Array<{ code: string; article: string; criminalCode: string }>>('/api/dictionaries/criminal-articles');
      expect(articles.body.find((a) => a.code === 'rsfsr1926-58-10')).toMatchObject({ article: '58-10', criminalCode: 'RSFSR-1926' });
      const kinds = await member.get<Array<{ code: string }>>('/api/dictionaries/sentence-kinds');
      expect(kinds.body.map((k) => k.code)).toEqual(expect.arrayContaining(['first_category', 'camp_term', 'exile', 'deportation', 'confiscation']));
      const camps = await member.get<Array<{ code: string; latitude: number | null; openedYear: number | null }>>('/api/dictionaries/camps');
      expect(camps.body.find((c) => c.code === 'karlag')).toMatchObject({ openedYear: 1931 });
      expect(camps.body.map((c) => c.code)).toEqual(expect.arrayContaining(['alzhir', 'steplag', 'peschanlag', 'dzhezkazganlag']));
    });

    it('are kept by administrators with optimistic locking and audit', async () => {
      const created = await admin.post<{ code: string; version: number }>('/api/dictionaries/camps', {
        code: 'test-camp', nameKk: 'Сынақ лагері', nameRu: 'Тестовый лагерь', nameEn: 'Test camp', openedYear: 1940, closedYear: 1950,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect((await admin.post('/api/dictionaries/camps', { code: 'test-camp', nameKk: 'а', nameRu: 'б', nameEn: 'c' })).status).toBe(409);
      const foreign = await admin.post<{ detail: string }>('/api/dictionaries/sentence-kinds', { code: 'x-kind', nameKk: 'а', nameRu: 'б', nameEn: 'c', latitude: 1, longitude: 2 });
      expect(foreign.status).toBe(400);
      expect(foreign.body.detail).toContain('latitude, longitude are not a field of the dictionary of sentence kinds');
      const article = await admin.post<{ detail: string }>('/api/dictionaries/criminal-articles', { code: 'x-art', nameKk: 'а', nameRu: 'б', nameEn: 'c' });
      expect(article.status).toBe(400);
      expect(article.body.detail).toContain('needs criminalCode, article');

      const updated = await admin.patch<{ nameEn: string; version: number }>('/api/dictionaries/camps/test-camp', { version: 1, nameEn: 'Test camp (renamed)' });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ nameEn: 'Test camp (renamed)', version: 2 });
      const stale = await admin.patch<{ currentVersion: number }>('/api/dictionaries/camps/test-camp', { version: 1, nameEn: 'Lost update' });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(2);
      expect((await admin.patch('/api/dictionaries/prisons/test-camp', { version: 1 })).status).toBe(404);
      expect((await secretary.post('/api/dictionaries/camps', { code: 'other', nameKk: 'а', nameRu: 'б', nameEn: 'c' })).status).toBe(403);
      const audit = await db.query(`SELECT action FROM audit_log WHERE entity_type = 'camps' AND entity_id = 'test-camp' ORDER BY id`);
      expect(audit.rows.map((row) => row.action)).toEqual(['dictionary.create', 'dictionary.update']);
    });
  });

  describe('gazetteer', () => {
    it('finds a renamed town under any of its names, in any script, mapped to today\'s region', async () => {
      for (const name of ['Акмолинск', 'Akmolinsk', 'Целиноград', 'Tselinograd', 'Ақмола', 'Aqmola', 'Нур-Султан']) {
        const [best] = await place(name);
        expect(best, name).toMatchObject({ code: 'astana', regionCode: 'AST' });
      }
      expect((await place('Верный'))[0]).toMatchObject({ code: 'almaty', regionCode: 'ALA', matchedName: 'Верный' });
      expect((await place('Alma-Ata'))[0]).toMatchObject({ code: 'almaty', regionCode: 'ALA' });
      expect((await place('Семипалатинск'))[0]).toMatchObject({ regionCode: 'ABA' });
      expect((await place('Guryev'))[0]).toMatchObject({ code: 'atyrau', regionCode: 'ATY' });
      expect((await place('Oskemen'))[0]).toMatchObject({ code: 'oskemen', regionCode: 'EKZ' });
      expect((await place('Кзыл-Орда'))[0]).toMatchObject({ code: 'kyzylorda', regionCode: 'KYZ' });
      expect((await place('Пишпек'))[0]).toMatchObject({ code: 'bishkek', regionCode: null });
    });

    it('finds historical units by the beginning of a name, and filters by kind and region', async () => {
      const hits = await place('Каркаралинск');
      expect(hits.map((hit) => hit.code)).toEqual(expect.arrayContaining(['karkaraly', 'karkaralinsk-uezd', 'karkaralinsk-okrug']));
      const uezds = await secretary.get<PlaceHit[]>(`/api/places?filter=${encodeURIComponent(JSON.stringify({ q: 'Karkaralinsk', kind: 'uezd' }))}`);
      expect(uezds.body[0]).toMatchObject({ code: 'karkaralinsk-uezd', kind: 'uezd', matchedName: 'Karkaralinsk Uezd' });
      expect(uezds.body.every((hit) => hit.kind === 'uezd' && hit.score <= uezds.body[0]!.score)).toBe(true);
      expect(uezds.headers.get('content-range')).toBe(`places 0-${uezds.body.length - 1}/${uezds.body.length}`);
      const one = await secretary.get<PlaceHit>(`/api/places/${uezds.body[0]!.id}`);
      expect(one.body).toMatchObject({ kind: 'uezd', regionCode: 'KAR' });
      expect(one.body.names.map((n) => n.language).sort()).toEqual(['kk', 'lat', 'ru']);
      // without a name the gazetteer is browsed page by page
      const browsed = await secretary.get<PlaceHit[]>('/api/places?range=[0,4]');
      expect(browsed.status).toBe(200);
      expect(browsed.headers.get('content-range')).toMatch(/^places 0-4\/\d+$/);
    });

    it('is extended by administrators: a place with its names, changed with optimistic locking, audited', async () => {
      const [uezd] = (await place('Каркаралинский уезд')).filter((hit) => hit.kind === 'uezd');
      const created = await admin.post<PlaceHit & { version: number; detail?: string }>('/api/places', {
        kind: 'aul_soviet', regionCode: 'KAR', parentId: uezd!.id, nameKk: 'Тоқырауын ауыл кеңесі', nameRu: 'Токрауский аульный совет', nameEn: 'Tokyrauyn aul soviet',
        otherNames: [{ name: 'Токрауская волость', language: 'ru', validTo: 1928 }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect((await place('Токрауская волость'))[0]).toMatchObject({ id: created.body.id, regionCode: 'KAR', matchedName: 'Токрауская волость' });
      const renamed = await admin.patch<PlaceHit & { version: number }>(`/api/places/${created.body.id}`, { version: created.body.version, validFrom: 1928, latitude: 48.9, longitude: 75.3 });
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      expect((await admin.patch(`/api/places/${created.body.id}`, { version: created.body.version, nameEn: 'Lost update' })).status).toBe(409);
      expect((await admin.patch(`/api/places/${created.body.id}`, { version: renamed.body.version, latitude: 48 , longitude: null })).status).toBe(400);
      const named = await admin.post<PlaceHit>(`/api/places/${created.body.id}/names`, { name: 'Tokyrauyn', language: 'lat' });
      expect(named.status).toBe(201);
      expect((await place('Tokyrauyn'))[0]!.id).toBe(created.body.id);
      expect((await secretary.post('/api/places', { kind: 'raion', nameKk: 'аа', nameRu: 'бб', nameEn: 'cc' })).status).toBe(403);
      const audit = await db.query(`SELECT action, outcome FROM audit_log WHERE entity_type = 'place' AND entity_id = $1 ORDER BY id`, [created.body.id]);
      expect(audit.rows.filter((row) => row.outcome === 'allowed').map((row) => row.action)).toEqual(['place.create', 'place.update', 'place.add_name']);
      // the loser of the version conflict is audited too
      expect(audit.rows.filter((row) => row.outcome === 'denied').map((row) => row.action)).toEqual(['resource.version_conflict']);
    });
  });

  describe('facts with their sources', () => {
    it('keeps conflicting values from different sources and lets a person accept one, audited and version-checked', async () => {
      const subject = await newPerson('Жұмабаев Қабдолла');
      const fromArchive = await secretary.post<Fact>(`/api/registry/persons/${subject.id}/facts`, {
        kind: 'birth_year', date: '1890', source: archival('ЦГА РК, ф. 1137, оп. 1, д. 22, л. 5–7'),
      });
      expect(fromArchive.status, JSON.stringify(fromArchive.body)).toBe(201);
      expect(fromArchive.body.source).toEqual({
        kind: 'archival',
        reference: { archive: 'ЦГА РК', fond: '1137', opis: '1', delo: '22', sheets: [{ from: 5, to: 7 }], text: 'ЦГА РК, ф. 1137, оп. 1, д. 22, л. 5–7' },
      });
      expect(fromArchive.body.date).toEqual({ text: '1890', earliest: '1890-01-01', latest: '1890-12-31', precision: 'year' });
      const fromBook = await secretary.post<Fact>(`/api/registry/persons/${subject.id}/facts`, { kind: 'birth_year', date: '1891 или 1892', source: book(114) });
      expect(fromBook.status).toBe(201);
      expect(fromBook.body.source).toEqual({ kind: 'book', book: { title: 'Книга памяти Карагандинской области', volume: '2', page: 114 } });
      expect((await facts(subject.id)).map((f) => [f.kind, f.value, f.accepted])).toEqual([
        ['birth_year', '1890', false],
        ['birth_year', '1891 или 1892', false],
      ]);

      let current = await person(subject.id);
      const accepted = await secretary.post<Fact>(`/api/registry/persons/${subject.id}/facts/${fromArchive.body.id}/accept`, { version: current.version });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect(accepted.body.accepted).toBe(true);
      expect((await person(subject.id)).birthYear).toBe('1890');

      // someone else's stale view of the person
      expect((await secretary.post(`/api/registry/persons/${subject.id}/facts/${fromBook.body.id}/accept`, { version: current.version })).status).toBe(409);
      current = await person(subject.id);
      expect((await secretary.post(`/api/registry/persons/${subject.id}/facts/${fromBook.body.id}/accept`, { version: current.version })).status).toBe(200);
      expect((await facts(subject.id)).map((f) => f.accepted)).toEqual([false, true]);
      expect((await person(subject.id)).birthYear).toBe('1891 или 1892');

      const audit = await db.query(`SELECT action, diff FROM audit_log WHERE entity_id = $1 AND action = 'person.accept_fact' ORDER BY id`, [subject.id]);
      expect(audit.rows).toHaveLength(2);
      expect(JSON.stringify(audit.rows[1].diff)).toContain(fromArchive.body.id);
      expect((await auditor.post(`/api/registry/persons/${subject.id}/facts/${fromArchive.body.id}/accept`, { version: 99 })).status).toBe(403);
    });

    it('corrects a recorded fact with optimistic locking, carrying an accepted birth year to the person', async () => {
      const subject = await newPerson('Дулатов Міржақып');
      const fact = (await secretary.post<Fact & { version: number }>(`/api/registry/persons/${subject.id}/facts`, { kind: 'birth_year', date: '1858', source: book(40) })).body;
      await secretary.post(`/api/registry/persons/${subject.id}/facts/${fact.id}/accept`, { version: (await person(subject.id)).version });
      const accepted = (await facts(subject.id))[0] as Fact & { version: number };
      const corrected = await secretary.patch<Fact & { version: number }>(`/api/registry/persons/${subject.id}/facts/${fact.id}`, { version: accepted.version, date: '1885', note: 'опечатка в книге' });
      expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
      expect(corrected.body).toMatchObject({ value: '1885', date: { earliest: '1885-01-01' }, accepted: true, source: { kind: 'book', book: { page: 40 } } });
      expect((await person(subject.id)).birthYear).toBe('1885');
      expect((await secretary.patch(`/api/registry/persons/${subject.id}/facts/${fact.id}`, { version: accepted.version, date: '1886' })).status).toBe(409);
      const future = await secretary.patch<{ detail: string }>(`/api/registry/persons/${subject.id}/facts/${fact.id}`, { version: corrected.body.version, date: '2090' });
      expect(future.status).toBe(400);
      expect(future.body.detail).toContain('is after today');
      expect((await secretary.patch(`/api/registry/persons/${subject.id}/facts/${fact.id}`, { version: corrected.body.version, kind: 'nationality' })).status).toBe(400);
      const audit = await db.query(`SELECT diff FROM audit_log WHERE entity_id = $1 AND action = 'person.update_fact'`, [subject.id]);
      expect(audit.rows).toHaveLength(1);
      expect(JSON.stringify(audit.rows[0].diff)).toContain('1858');
    });

    it('records dated episodes citing the dictionaries, listed in chronological order', async () => {
      const subject = await newPerson('Сейітов Ерғали');
      const add = (body: Record<string, unknown>) => secretary.post<Fact & { detail?: string }>(`/api/registry/persons/${subject.id}/facts`, body);
      const sentence = await add({
        kind: 'episode', episodeKind: 'sentence', date: '25.02.1938', sentencingBodyCode: 'nkvd_troika', articleCodes: ['rsfsr1926-58-2', 'rsfsr1926-58-10'],
        sentenceKindCode: 'first_category', source: archival('ф. 141, оп. 1, д. 1234, л. 31–32'),
      });
      expect(sentence.status, JSON.stringify(sentence.body)).toBe(201);
      expect(sentence.body).toMatchObject({ sentencingBody: { code: 'nkvd_troika' }, sentenceKind: { code: 'first_category' } });
      expect(sentence.body.articles.map((a) => a.article)).toEqual(['58-2', '58-10']);
      expect((await add({ kind: 'episode', episodeKind: 'arrest', date: 'осень 1937', source: book(12) })).status).toBe(201);
      expect((await add({ kind: 'episode', episodeKind: 'camp', date: '1939–1945', campCode: 'karlag', sentenceTerm: '10 лет ИТЛ', source: book(13) })).status).toBe(201);
      expect((await add({ kind: 'nationality', value: 'казах', source: book(12) })).status).toBe(201);
      const listed = await facts(subject.id);
      expect(listed.map((f) => f.episodeKind ?? f.kind)).toEqual(['nationality', 'arrest', 'sentence', 'camp']);
      expect((await facts(subject.id, '?kind=episode&episodeKind=camp'))[0]).toMatchObject({ camp: { code: 'karlag' } });
      const wrongKind = await secretary.get<{ detail: string }>(`/api/registry/persons/${subject.id}/facts?episodeKind=hanging`);
      expect(wrongKind.status).toBe(400);
      expect(wrongKind.body.detail).toContain('episodeKind must be one of arrest, indictment');

      const refused: Array<[Record<string, unknown>, string]> = [
        // a fact without its source was a 500 once: every fact cites where it comes from
        [{ kind: 'nationality', value: 'казах' }, 'source is required'],
        [{ kind: 'nationality', value: 'казах', source: null }, 'source is required'],
        [{ kind: 'episode', date: '1937', source: book(1) }, 'episodeKind is required for an episode'],
        [{ kind: 'nationality', value: 'казах', sentenceKindCode: 'exile', source: book(1) }, 'sentenceKindCode belongs to an episode'],
        [{ kind: 'episode', episodeKind: 'sentence', sentenceKindCode: 'gallows', source: book(1) }, "sentenceKindCode: 'gallows' is not in the dictionary of sentence kinds"],
        [{ kind: 'episode', episodeKind: 'sentence', articleCodes: ['rsfsr1926-58-99'], source: book(1) }, "articleCodes: 'rsfsr1926-58-99' is not in the dictionary"],
        [{ kind: 'episode', episodeKind: 'arrest', date: '30.02.1937', source: book(1) }, 'date: '],
        [{ kind: 'occupation', source: book(1) }, 'value is required for a occupation fact'],
        [{ kind: 'birth_year', source: book(1) }, 'date is required for a birth_year fact'],
        [{ kind: 'nationality', value: 'казах', source: archival('ЦГА РК, оп. 1') }, 'source.reference: the fond could not be read'],
        [{ kind: 'nationality', value: 'казах', source: { kind: 'book', bookTitle: 'Книга', bookPage: 0 } }, 'source.bookPage must be a page number of 1 or more'],
        [{ kind: 'nationality', value: 'казах', source: { kind: 'archival', reference: 'ф. 1, оп. 1, д. 1', bookPage: 3 } }, 'source.bookPage: not part of a source of kind archival'],
      ];
      for (const [body, message] of refused) {
        const answer = await add(body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.detail, JSON.stringify(body)).toContain(message);
      }
    });

    describe('citing evidence pages', () => {
      let subject: Person;
      let evidenceId: string;
      let quarantinedId: string;
      let unknownPagesId: string;
      let otherRegionEvidenceId: string;

      beforeAll(async () => {
        subject = await newPerson('Омаров Қуаныш');
        const almaty = await openCase(secretary, { regionCode: 'ALM', subjects: [{ personId: subject.id }] });
        expect(almaty.status, JSON.stringify(almaty.body)).toBe(201);
        evidenceId = await evidenceOf(almaty.body.id, 40);
        quarantinedId = await evidenceOf(almaty.body.id, 10, true);
        unknownPagesId = await evidenceOf(almaty.body.id, null);
        const zhambyl = await openCase(secretary, { regionCode: 'ZHA', subjects: [{ nameRu: 'Другой Человек' }] });
        otherRegionEvidenceId = await evidenceOf(zhambyl.body.id, 40);
      });

      const cite = (session: HttpSession, source: Record<string, unknown>) =>
        session.post<Fact & { detail?: string }>(`/api/registry/persons/${subject.id}/facts`, {
          kind: 'episode', episodeKind: 'sentence', date: '25.02.1938', sentencingBodyCode: 'nkvd_troika', source: { kind: 'evidence', ...source },
        });

      it('records the pages that support a fact, and the evidence can find the facts it supports', async () => {
        const cited = await cite(member, { evidenceId, pageFrom: 31, pageTo: 32 });
        expect(cited.status, JSON.stringify(cited.body)).toBe(201);
        expect(cited.body.source).toEqual({ kind: 'evidence', evidence: { evidenceId, pageFrom: 31, pageTo: 32 } });
        const onePage = await cite(member, { evidenceId, pageFrom: 40 });
        expect(onePage.body.source.evidence).toEqual({ evidenceId, pageFrom: 40, pageTo: 40 });
        expect((await cite(member, { evidenceId: unknownPagesId, pageFrom: 300 })).status).toBe(201);
        const supported = await db.query(`SELECT page_from, page_to FROM person_facts WHERE evidence_id = $1 ORDER BY page_from`, [evidenceId]);
        expect(supported.rows).toEqual([{ page_from: 31, page_to: 32 }, { page_from: 40, page_to: 40 }]);
        const citations = await member.get<{ facts: Array<{ personId: string; episodeKind: string; pageFrom: number; pageTo: number }> }>(`/api/evidence/${evidenceId}/citations`);
        expect(citations.status).toBe(200);
        expect(citations.body.facts).toMatchObject([
          { personId: subject.id, episodeKind: 'sentence', pageFrom: 31, pageTo: 32 },
          { personId: subject.id, episodeKind: 'sentence', pageFrom: 40, pageTo: 40 },
        ]);
      });

      it('refuses pages outside the document, naming the problem', async () => {
        const cases: Array<[Record<string, unknown>, string]> = [
          [{ evidenceId, pageFrom: 0 }, 'source.pageFrom must be a page number of 1 or more, not 0'],
          [{ evidenceId, pageFrom: 5, pageTo: 3 }, 'source.pageFrom 5 is after source.pageTo 3'],
          [{ evidenceId, pageFrom: 39, pageTo: 41 }, "source.pageTo 41 is beyond the evidence's last page: it has 40 pages"],
          [{ pageFrom: 1 }, 'source.evidenceId is required'],
          [{ evidenceId }, 'source.pageFrom is required'],
        ];
        for (const [source, message] of cases) {
          const answer = await cite(member, source);
          expect(answer.status, JSON.stringify(source)).toBe(400);
          expect(answer.body.detail).toContain(message);
        }
      });

      it('refuses quarantined evidence, and answers 404 for evidence of a case out of the caller\'s scope', async () => {
        const quarantined = await cite(member, { evidenceId: quarantinedId, pageFrom: 1 });
        expect(quarantined.status).toBe(409);
        expect(quarantined.body.detail).toContain('is quarantined by a safety check and cannot be cited');
        const outOfScope = await cite(member, { evidenceId: otherRegionEvidenceId, pageFrom: 1 });
        expect(outOfScope.status).toBe(404);
        expect(outOfScope.body.detail).toBe(`There is no evidence ${otherRegionEvidenceId}, or it is not yours to see.`);
        const denied = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied' AND entity_type = 'case'`);
        expect(denied.rows[0].n).toBeGreaterThan(0);
        // the secretary, who sees every region, may cite it
        expect((await cite(secretary, { evidenceId: otherRegionEvidenceId, pageFrom: 1 })).status).toBe(201);
      });
    });

    it('moves facts with a merge and back with an unmerge, keeping each record\'s accepted value', async () => {
      const a = await newPerson('Тәжібаев Нұрлан');
      const b = await newPerson('Таджибаев Нурлан');
      const add = async (id: string, date: string) => (await secretary.post<Fact>(`/api/registry/persons/${id}/facts`, { kind: 'birth_year', date, source: book(7) })).body;
      const factA = await add(a.id, '1901');
      const factB = await add(b.id, '1902');
      const bOnly = await secretary.post<Fact>(`/api/registry/persons/${b.id}/facts`, { kind: 'occupation', value: 'мұғалім', source: book(7) });
      await secretary.post(`/api/registry/persons/${a.id}/facts/${factA.id}/accept`, { version: (await person(a.id)).version });
      await secretary.post(`/api/registry/persons/${b.id}/facts/${factB.id}/accept`, { version: (await person(b.id)).version });
      const [first, second] = [a.id, b.id].sort();
      const { rows } = await db.query(`INSERT INTO duplicate_candidates (person_a_id, person_b_id, score, reasons, status) VALUES ($1, $2, 0.9, '[]', 'proposed') RETURNING id`, [first, second]);
      const merged = await secretary.post<{ survivorId: string; mergedId: string }>(`/api/registry/duplicates/${rows[0].id}/merge`, {});
      expect(merged.status).toBe(200);
      const { survivorId, mergedId } = merged.body;
      const survivorFact = survivorId === a.id ? factA : factB;
      const mergedFact = survivorId === a.id ? factB : factA;

      const together = await facts(survivorId);
      expect(together.map((f) => f.id).sort()).toEqual([factA.id, factB.id, bOnly.body.id].sort());
      expect(together.find((f) => f.id === survivorFact.id)!.accepted).toBe(true);
      expect(together.find((f) => f.id === mergedFact.id)!.accepted).toBe(false);
      expect(await facts(mergedId)).toEqual([]);
      expect((await secretary.post(`/api/registry/persons/${mergedId}/facts`, { kind: 'nationality', value: 'казах', source: book(1) })).status).toBe(409);

      expect((await secretary.post(`/api/registry/duplicates/${rows[0].id}/unmerge`, {})).status).toBe(200);
      const own = (id: string) => (id === b.id ? [factB.id, bOnly.body.id] : [factA.id]).sort();
      expect((await facts(survivorId)).map((f) => f.id).sort()).toEqual(own(survivorId));
      expect((await facts(survivorId)).find((f) => f.id === survivorFact.id)!.accepted).toBe(true);
      const restored = await facts(mergedId);
      expect(restored.map((f) => f.id).sort()).toEqual(own(mergedId));
      expect(restored.find((f) => f.id === mergedFact.id)!.accepted).toBe(true);
    });
  });

  describe('birthplace through the gazetteer', () => {
    let karkaraly: PlaceHit;
    let personFromKarkaraly: Person;

    beforeAll(async () => {
      [karkaraly] = await secretary.get<PlaceHit[]>(`/api/places?filter=${encodeURIComponent(JSON.stringify({ q: 'Каркаралинский уезд', kind: 'uezd' }))}`).then((a) => a.body);
      personFromKarkaraly = await newPerson('Бөкейханов Әлихан', { birthYear: '1866', birthplacePlaceId: karkaraly!.id });
    });

    it('keeps a person\'s birthplace as a place, changeable with optimistic locking', async () => {
      expect(personFromKarkaraly.birthplacePlace).toMatchObject({ id: karkaraly.id, regionCode: 'KAR' });
      const other = await newPerson('Дулатов Міржақып');
      const changed = await secretary.patch<Person>(`/api/registry/persons/${other.id}`, { version: other.version, birthplacePlaceId: karkaraly.id, birthplace: 'Торғай уезі' });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body).toMatchObject({ birthplace: 'Торғай уезі', birthplacePlaceId: karkaraly.id, version: other.version + 1 });
      expect((await secretary.patch(`/api/registry/persons/${other.id}`, { version: other.version, birthplace: 'x' })).status).toBe(409);
      const wrongPlace = await secretary.patch<{ detail: string }>(`/api/registry/persons/${other.id}`, { version: changed.body.version, birthplacePlaceId: other.id });
      expect(wrongPlace.status).toBe(400);
      expect(wrongPlace.body.detail).toContain('is not a place of the gazetteer');
    });

    it('accepting a birthplace fact makes it the person\'s birthplace', async () => {
      const subject = await newPerson('Әбілов Серік');
      const astana = (await place('Акмолинск'))[0]!;
      const fact = await secretary.post<Fact>(`/api/registry/persons/${subject.id}/facts`, { kind: 'birthplace', placeId: astana.id, placeText: 'г. Акмолинск', source: book(3) });
      expect(fact.status, JSON.stringify(fact.body)).toBe(201);
      await secretary.post(`/api/registry/persons/${subject.id}/facts/${fact.body.id}/accept`, { version: (await person(subject.id)).version });
      expect(await person(subject.id)).toMatchObject({ birthplace: 'г. Акмолинск', birthplacePlaceId: astana.id, birthplacePlace: { regionCode: 'AST' } });
    });

    it('routes a case without a region to the region of its subject\'s birthplace, and keeps a region that is given', async () => {
      const routed = await openCase(secretary, { subjects: [{ personId: personFromKarkaraly.id }] });
      expect(routed.status, JSON.stringify(routed.body)).toBe(201);
      expect(routed.body.regionCode).toBe('KAR');
      const newSubject = await openCase(secretary, { subjects: [{ nameKk: 'Ермеков Әлімхан', birthplacePlaceId: karkaraly.id }] });
      expect(newSubject.body.regionCode).toBe('KAR');
      const given = await openCase(secretary, { regionCode: 'ALM', subjects: [{ personId: personFromKarkaraly.id }] });
      expect(given.body.regionCode).toBe('ALM');
      const unknown = await openCase(secretary, { subjects: [{ nameKk: 'Белгісіз Адам' }] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.detail).toContain('regionCode is required');
      // an Almaty member cannot open a case that the birthplace routes to Karaganda
      const elsewhere = await openCase(member, { subjects: [{ personId: personFromKarkaraly.id }] });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.detail).toContain('routed there by the subject\'s birthplace');
    });

    it('filters the ranked search by region, sentence kind and whether a case exists', async () => {
      const search = async (filter: Record<string, unknown>) => {
        const answer = await secretary.get<Array<{ personId: string; reasons: string[]; score: number }>>(`/api/registry/persons?filter=${encodeURIComponent(JSON.stringify(filter))}`);
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        return answer.body;
      };
      const twin = await newPerson('Бөкейханов Әлихан');
      const plain = await search({ q: 'Бөкейханов Әлихан' });
      expect(plain.map((hit) => hit.personId)).toEqual(expect.arrayContaining([personFromKarkaraly.id, twin.id]));
      expect(plain[0]!.reasons.length).toBeGreaterThan(0);
      expect((await search({ q: 'Бөкейханов Әлихан', regionCode: 'KAR' })).map((hit) => hit.personId)).toEqual([personFromKarkaraly.id]);
      expect(await search({ q: 'Бөкейханов Әлихан', regionCode: 'ALA' })).toEqual([]);
      expect((await search({ q: 'Бөкейханов Әлихан', hasCase: true })).map((hit) => hit.personId)).toEqual([personFromKarkaraly.id]);
      expect((await search({ q: 'Бөкейханов Әлихан', hasCase: false })).map((hit) => hit.personId)).toEqual([twin.id]);
      await secretary.post(`/api/registry/persons/${twin.id}/facts`, { kind: 'episode', episodeKind: 'sentence', sentenceKindCode: 'exile', source: book(9) });
      expect((await search({ q: 'Бөкейханов Әлихан', sentenceKind: 'exile' })).map((hit) => hit.personId)).toEqual([twin.id]);
      expect((await secretary.get(`/api/registry/persons?filter=${encodeURIComponent('{"q":"Бөкейханов","hasCase":"yes"}')}`)).status).toBe(400);
      expect((await secretary.get(`/api/registry/persons?filter=${encodeURIComponent('{"q":"Бөкейханов","regionCode":"Almaty"}')}`)).status).toBe(400);
    });
  });
});
