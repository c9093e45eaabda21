import type { NestExpressApplication } from '@nestjs/platform-express';
import { CaseTransition, Role } from '@aqtalu/contracts';
import { demoLogins, OpenDataService, PublicationService, seedDemoPublications, seedDemoRegistry } from '@aqtalu/server';
import { HttpSession } from '@aqtalu/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteStack, type SiteStack } from './testing/site-stack.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

describe('the public Book of Memory', () => {
  let stack: SiteStack;
  let api: NestExpressApplication;
  let baseUrl: string;
  let siteUrl: string;
  let db: pg.Client;
  let secretary: HttpSession;

  /** A public page as a browser without JavaScript gets it: no session, HTML. */
  async function page(path: string, language = 'kk'): Promise<{ status: number; html: string; type: string; rateLimit: string | null }> {
    const response = await fetch(`${siteUrl}${path}`, { headers: { Accept: 'text/html', 'Accept-Language': language } });
    return { status: response.status, html: await response.text(), type: response.headers.get('content-type') ?? '', rateLimit: response.headers.get('x-ratelimit-limit-public') };
  }

  async function createPerson(names: string[], extra: Record<string, unknown> = {}): Promise<string> {
    const created = await secretary.post<{ id: string }>('/api/registry/persons', { names: names.map((fullName) => ({ fullName })), ...extra });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  }

  beforeAll(async () => {
    stack = await startSiteStack({  });
    ({ api, baseUrl, siteUrl, db, secretary } = stack);
  });

  it('publishes the demo names once for npm start, findable in Latin', async () => {
    await seedDemoRegistry(api.get(DataSource));
    const published = await seedDemoPublications(api.get(DataSource));
    expect(published).toHaveLength(3);
    expect(await seedDemoPublications(api.get(DataSource))).toEqual([]);
    const found = await page(`/persons?q=Baitursynov`);
    // the hit shows the spelling closest to the query, which may be either of his Cyrillic spellings
    expect(found.html).toMatch(/Байт[уұ]рсын(ұлы|ов) Ахмет/);
    const [id] = published.filter((personId) => found.html.includes(personId));
    const person = await page(`/persons/${id}`, 'en');
    expect(person.html).toContain('From a published book of memory');
    expect(person.html).toContain('1872');
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('publishes a registry person by an editor, audited, and finds the Cyrillic name typed in Latin', async () => {
    const id = await createPerson(['Жұмабаев Мағжан', 'Жумабаев Магжан'], { birthYear: '1893' });
    expect((await page(`/persons/${id}`)).status).toBe(404);
    const before = await page(`/persons?q=${encodeURIComponent('Zhumabayev Magzhan')}`);
    expect(before.html).not.toContain(id);

    const published = await secretary.request<{ basis: string; fields: string[] }>('PUT', `/api/publication/persons/${id}`, { basis: 'book', fields: ['names', 'birth_year'] });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({ basis: 'book', fields: ['names', 'birth_year'] });
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'publication.publish'`, [id]);
    expect(audit.rowCount).toBe(1);

    const found = await page(`/persons?q=${encodeURIComponent('Zhumabayev Magzhan')}&lang=en`);
    expect(found.status).toBe(200);
    expect(found.type).toContain('text/html');
    expect(found.html).toContain(`/persons/${id}`);
    expect(found.html).toContain('<html lang="en">');
    // throttled per address by the API's Redis-backed throttler
    expect(found.rateLimit).toBe('600');

    const person = await page(`/persons/${id}`, 'ru');
    expect(person.status).toBe(200);
    expect(person.html).toContain('<html lang="ru">');
    expect(person.html).toContain('Жұмабаев Мағжан');
    expect(person.html).toContain('1893');
    expect(person.html).toContain('Из опубликованной книги памяти');
    expect(person.html).not.toContain('<script');
    // counted in Redis, added to the row by the worker's flush
    await api.get(PublicationService).flushPublicReads();
    const reads = await db.query(`SELECT public_reads FROM published_persons WHERE person_id = $1`, [id]);
    expect(Number(reads.rows[0].public_reads)).toBe(1);
    // reads are counted, not audited per visitor
    expect((await db.query(`SELECT 1 FROM audit_log WHERE entity_id = $1 AND action NOT LIKE 'publication.%' AND action NOT LIKE 'person.%'`, [id])).rowCount).toBe(0);
  });

  it('withdraws a record at once on request, audited with its reason; the page answers 410 and search no longer finds it', async () => {
    const id = await createPerson(['Сейфуллин Сәкен', 'Сейфуллин Сакен']);
    expect((await secretary.request('PUT', `/api/publication/persons/${id}`, { basis: 'book', fields: ['names'] })).status).toBe(200);
    expect((await page(`/persons/${id}`)).status).toBe(200);
    expect((await page(`/persons?q=Seifullin`)).html).toContain(id);

    await api.get(OpenDataService).build();
    expect(await (await fetch(`${siteUrl}/open-data/book-of-memory.csv`)).text()).toContain(id);
    const withdrawn = await secretary.post<{ withdrawnAt: string | null; withdrawalReason: string }>(`/api/publication/persons/${id}/withdrawal`, { reason: 'at the request of the family' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
    const gone = await page(`/persons/${id}`, 'en');
    expect(gone.status).toBe(410);
    expect(gone.html).not.toContain('Сейфуллин');
    expect((await page(`/persons?q=Seifullin`)).html).not.toContain(id);
    // the dump's next build leaves the withdrawn record out
    await api.get(OpenDataService).build();
    for (const file of ['book-of-memory.csv', 'book-of-memory.json']) expect(await (await fetch(`${siteUrl}/open-data/${file}`)).text()).not.toContain(id);
    const audit = await db.query(`SELECT actor_role, diff FROM audit_log WHERE entity_id = $1 AND action = 'publication.withdraw'`, [id]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].actor_role).toBe('secretary');
    expect(JSON.stringify(audit.rows[0].diff)).toContain('at the request of the family');
    // a second withdrawal has nothing to withdraw
    expect((await secretary.post(`/api/publication/persons/${id}/withdrawal`, { reason: 'again' })).status).toBe(404);
  });

  it('lets only secretaries and administrators publish, and refuses bad input with a 4xx', async () => {
    const id = await createPerson(['Байтұрсынұлы Ахмет']);
    const member = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
    expect((await member.request('PUT', `/api/publication/persons/${id}`, { basis: 'book', fields: ['names'] })).status).toBe(403);
    const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    expect((await admin.request('PUT', `/api/publication/persons/${id}`, { basis: 'book', fields: ['names'] })).status).toBe(200);
    expect((await secretary.request('PUT', `/api/publication/persons/${id}`, { basis: 'rumour', fields: ['names'] })).status).toBe(400);
    expect((await secretary.request('PUT', `/api/publication/persons/${id}`, { basis: 'book', fields: ['applicant'] })).status).toBe(400);
    expect((await secretary.post(`/api/publication/persons/${id}/withdrawal`, {})).status).toBe(400);
    expect((await secretary.request('PUT', `/api/publication/persons/00000000-0000-4000-8000-000000000000`, { basis: 'book', fields: ['names'] })).status).toBe(404);
    expect((await page(`/persons/not-an-id`)).status).toBe(404);
  });

  it('publishes the persons the commission rehabilitates, and not the one returned for evidence', async () => {
    const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    for (const n of [2, 3]) {
      const created = await admin.post('/api/users', { email: `bom${n}@aqtalu.kz`, displayName: `Комиссия мүшесі ${n}`, password: 'commission member passphrase', role: Role.CommissionMember });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const memberSession = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
    const lead = await HttpSession.loginAs(baseUrl, demo(Role.WgLead));
    const liaison = await HttpSession.loginAs(baseUrl, demo(Role.ArchiveLiaison));
    const chair = await HttpSession.loginAs(baseUrl, demo(Role.Chair));
    const voters = [await HttpSession.loginAs(baseUrl, demo(Role.CommissionMember)), await HttpSession.login(baseUrl, 'bom2@aqtalu.kz', 'commission member passphrase'), await HttpSession.login(baseUrl, 'bom3@aqtalu.kz', 'commission member passphrase')];

    const opened = await secretary.post<{ id: string; subjects: Array<{ id: string; personId: string }> }>('/api/cases', {
      regionCode: 'ALM', categoryCode: 'counter_revolutionary', summary: 'Participants of the 1931 uprising',
      applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы' },
      subjects: [{ nameKk: 'Бекмұхамбетов Асқар', nameRu: 'Бекмухамбетов Аскар' }, { nameKk: 'Әбілов Серік', nameRu: 'Абилов Серик' }],
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const caseId = opened.body.id;
    const version = async () => (await db.query(`SELECT version FROM cases WHERE id = $1`, [caseId])).rows[0].version as number;
    const move = async (session: HttpSession, name: CaseTransition, body: Record<string, unknown> = {}) => {
      const answer = await session.post(`/api/cases/${caseId}/transitions/${name}`, { version: await version(), ...body });
      expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBe(200);
    };
    await move(secretary, CaseTransition.Submit);
    await move(secretary, CaseTransition.StartIntake);
    await move(secretary, CaseTransition.AcceptForVerification);
    const request = await memberSession.post<{ id: string; version: number }>(`/api/cases/${caseId}/archive-requests`, { archiveCode: 'SPEC-MVD', sought: 'the investigation file' });
    expect(request.status).toBe(201);
    expect((await liaison.post(`/api/archive-requests/${request.body.id}/actions/answer`, { version: request.body.version, note: 'ф. 2, оп. 1, д. 11573' })).status).toBe(200);
    await move(memberSession, CaseTransition.CompleteVerification);
    const drafted = await memberSession.post<{ version: number }>(`/api/cases/${caseId}/conclusion`, { recommendation: 'rehabilitate', reasoning: 'The troika protocol shows an extrajudicial sentence.', legalArticleCode: 'law1993-art3' });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    expect((await lead.post(`/api/cases/${caseId}/conclusion/sign`, { version: drafted.body.version })).status).toBe(200);
    await move(lead, CaseTransition.SubmitToCommission);
    const session = await secretary.post<{ id: string }>('/api/commission/sessions', { date: '2026-06-11', place: 'Астана' });
    const present = (await db.query(`SELECT id FROM users WHERE role IN ('commission_member','chair') AND disabled_at IS NULL`)).rows.map((row) => row.id);
    expect((await secretary.request('PUT', `/api/commission/sessions/${session.body.id}/attendance`, { present })).status).toBe(200);
    expect((await secretary.post(`/api/commission/sessions/${session.body.id}/agenda`, { caseId })).status).toBe(200);
    for (const voter of voters) expect((await voter.post(`/api/commission/sessions/${session.body.id}/agenda/${caseId}/vote`, { choice: 'for' })).status).toBe(200);
    const [rehabilitated, returned] = opened.body.subjects;
    await move(chair, CaseTransition.Rehabilitate, {
      reason: 'participants of an uprising against collectivization',
      exceptions: [{ subjectId: returned!.id, outcome: 'returned_for_evidence', reason: 'identity not established' }],
    });

    const publications = await db.query(`SELECT person_id, basis FROM published_persons WHERE person_id = ANY($1::uuid[])`, [[rehabilitated!.personId, returned!.personId]]);
    expect(publications.rows).toEqual([{ person_id: rehabilitated!.personId, basis: 'commission' }]);
    const person = await page(`/persons/${rehabilitated!.personId}`, 'kk');
    expect(person.status).toBe(200);
    expect(person.html).toContain('Бекмұхамбетов Асқар');
    expect(person.html).toContain('Комиссия шешімімен');
    expect((await page(`/persons/${returned!.personId}`)).status).toBe(404);
    const found = await page(`/persons?q=${encodeURIComponent('Bekmukhambetov Askar')}`);
    expect(found.html).toContain(rehabilitated!.personId);
  });

  it('filters the public search by region, years, sentence kind, camp and event, on published fields only', async () => {
    const [place] = (await db.query(`SELECT pl.id, rg.code FROM places pl JOIN regions rg ON rg.id = pl.region_id LIMIT 1`)).rows;
    const [kind] = (await db.query(`SELECT code FROM sentence_kinds ORDER BY code LIMIT 1`)).rows;
    const [camp] = (await db.query(`SELECT code FROM camps ORDER BY code LIMIT 1`)).rows;
    const [user] = (await db.query(`SELECT id FROM users WHERE role = 'secretary' LIMIT 1`)).rows;
    const [event] = (await db.query(`INSERT INTO events (kind, name_ru, created_by) VALUES ('group_trial', 'Процесс Алаш 1930', $1) RETURNING id`, [user.id])).rows;
    const seed = async (name: string, fields: string[]) => {
      const id = await createPerson([name], { birthYear: '1890' });
      await db.query(`UPDATE persons SET birthplace_place_id = $2 WHERE id = $1`, [id, place.id]);
      const episode = (episodeKind: string, extra: string, values: unknown[]) =>
        db.query(
          `INSERT INTO person_facts (person_id, recorded_for_id, kind, episode_kind, accept_key, date_text, date_earliest, date_latest, source_kind, reference_text, archive, fond, opis, delo, accepted, created_by${extra ? `, ${extra}` : ''})
           VALUES ($1, $1, 'episode', $2, $3, '1937', '1937-01-01', '1937-12-31', 'archival', 'ЦГА РК, ф. 141, оп. 1, д. 9', 'ЦГА РК', '141', '1', '9', true, $4${values.map((_, i) => `, $${i + 5}`).join('')})`,
          [id, episodeKind, `episode:${episodeKind}`, user.id, ...values],
        );
      await episode('arrest', '', []);
      await episode('sentence', 'sentence_kind_code, camp_code', [kind.code, camp.code]);
      await db.query(
        `INSERT INTO event_participants (event_id, person_id, role, source_kind, reference_text, archive, fond, opis, delo) VALUES ($1, $2, 'accused', 'archival', 'ЦГА РК, ф. 141, оп. 1, д. 9', 'ЦГА РК', '141', '1', '9')`,
        [event.id, id],
      );
      expect((await secretary.request('PUT', `/api/publication/persons/${id}`, { basis: 'book', fields })).status).toBe(200);
      return id;
    };
    const shown = await seed('Сүзгібаев Жұмабек', ['names', 'birthplace', 'arrest', 'sentence', 'camp']);
    // the same facts, but only the name published: no filter may find them
    const hidden = await seed('Сүзгібаев Оспан', ['names']);
    const search = async (query: string) => (await page(`/persons?${query}`)).html;
    for (const filter of [`region=${place.code}`, 'from=1936&to=1938', `sentence=${kind.code}`, `camp=${camp.code}`, `event=${event.id}`]) {
      const html = await search(`q=${encodeURIComponent('Suzgibaev')}&${filter}`);
      expect(html, filter).toContain(shown);
      expect(html, filter).not.toContain(hidden);
      // without a name, the filter alone lists the published persons it selects
      const browsed = await search(filter);
      expect(browsed, filter).toContain(shown);
      expect(browsed, filter).not.toContain(hidden);
    }
    expect(await search(`q=Suzgibaev`)).toContain(hidden);
    // the pages show the published episode fields, in the page's language, and nothing of the unpublished ones
    const [names] = (await db.query(`SELECT (SELECT name_ru FROM camps WHERE code = $1) AS camp, (SELECT name_ru FROM sentence_kinds WHERE code = $2) AS kind`, [camp.code, kind.code])).rows;
    const shownPage = (await page(`/persons/${shown}?lang=ru`)).html;
    expect(shownPage).toContain(names.camp);
    expect(shownPage).toContain(names.kind);
    expect(shownPage).toMatch(/<dt>Арест<\/dt><dd>1937<\/dd>/);
    const hiddenPage = (await page(`/persons/${hidden}?lang=ru`)).html;
    expect(hiddenPage).not.toContain(names.camp);
    expect(hiddenPage).not.toContain('<dt>Арест</dt>');
    expect(await search(`q=Suzgibaev&from=1950&to=1960`)).not.toContain(shown);
    // the form offers the filters, keeping the chosen ones; a malformed value is ignored
    const form = await search(`q=Suzgibaev&region=${place.code}&from=19x7&lang=en`);
    expect(form).toContain(`<option value="${place.code}" selected>`);
    expect(form).toContain('Years of repression');
    expect(form).toContain('Процесс Алаш 1930');
    expect(form).toContain(shown);
  });

  it('shows no canary of a non-public column of a published person or their case on any public page', async () => {
    const canary = (column: string) => `CANARY${column.replace(/[^a-z]/gi, '').toUpperCase()}Q`;
    const id = await createPerson(['Кенесарин Нұрмұхамед', 'Kenesarin Nurmukhamed'], { birthYear: '1880', birthplace: canary('persons.birthplace') });
    // the birthplace is recorded but not published
    expect((await secretary.request('PUT', `/api/publication/persons/${id}`, { basis: 'commission', fields: ['names', 'birth_year', 'nationality', 'sources'] })).status).toBe(200);
    await db.query(`UPDATE person_name_variants SET source = $2 WHERE person_id = $1`, [id, canary('person_name_variants.source')]);
    // a case about the person with an applicant: names, contacts, address, identity number, proof of kinship
    const created = await secretary.post<{ id: string }>('/api/cases', {
      regionCode: 'ALM', categoryCode: 'counter_revolutionary', summary: canary('cases.summary'),
      applicant: {
        kind: 'relative', name: canary('cases.applicant_name'), kinship: canary('cases.applicant_kinship'), kinshipProof: `${canary('cases.applicant_kinship_proof')} IIN 850101300123`,
        email: 'canary.applicant@example.kz', phone: '+7 701 555 0199', address: canary('cases.applicant_address'),
      },
      subjects: [{ personId: id }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [user] = (await db.query(`SELECT id FROM users WHERE role = 'secretary' LIMIT 1`)).rows;
    const fact = (kind: string, value: string, accepted: boolean, extra = '') =>
      db.query(
        `INSERT INTO person_facts (person_id, recorded_for_id, kind, accept_key, value, source_kind, reference_text, archive, fond, opis, delo, accepted, created_by)
         VALUES ($1, $1, $2, $3, $4, 'archival', $5, 'ЦГА РК', '141', '1', '1234', $6, $7)`,
        [id, kind, extra || kind, value, canary(`person_facts.reference_text${extra}`), accepted, user.id],
      );
    // an unverified (not accepted) nationality, a living relative, a non-published occupation
    await fact('nationality', 'қазақ', true);
    await fact('nationality', canary('person_facts.value unaccepted'), false, 'x');
    await fact('family_link', canary('person_facts.value relative'), true, 'relative');
    await fact('occupation', canary('person_facts.value occupation'), true);

    const pages = [
      await page(`/persons/${id}`, 'kk'),
      await page(`/persons/${id}?lang=ru`),
      await page(`/persons/${id}?lang=en`),
      await page(`/persons?q=Kenesarin`),
      await page(`/persons?q=${encodeURIComponent('Кенесарин Нұрмұхамед')}&lang=ru`),
    ];
    for (const answer of pages) {
      expect(answer.status).toBe(200);
      expect(answer.html).not.toContain('CANARY');
      for (const secret of ['canary.applicant@example.kz', '701 555 0199', '850101300123']) expect(answer.html).not.toContain(secret);
    }
    // nor in the open data: the dump, its schema and checksums
    const built = await api.get(OpenDataService).build();
    for (const file of ['book-of-memory.csv', 'book-of-memory.json', 'book-of-memory.schema.json', 'SHA256SUMS']) {
      const answer = await fetch(`${siteUrl}/open-data/${file}`);
      expect(answer.status, file).toBe(200);
      const text = await answer.text();
      expect(text, file).not.toContain('CANARY');
      for (const secret of ['canary.applicant@example.kz', '701 555 0199', '850101300123']) expect(text, file).not.toContain(secret);
      if (file !== 'SHA256SUMS') expect(createHash('sha256').update(Buffer.from(await (await fetch(`${siteUrl}/open-data/${file}`)).arrayBuffer())).digest('hex')).toBe(built.files[file]!.sha256);
    }
    const dump = (await (await fetch(`${siteUrl}/open-data/book-of-memory.json`)).json()) as { licence: { id: string }; count: number; records: Array<Record<string, unknown>> };
    const schema = (await (await fetch(`${siteUrl}/open-data/book-of-memory.schema.json`)).json()) as object;
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(schema);
    expect(validate(dump), JSON.stringify(validate.errors)).toBe(true);
    expect(dump.licence.id).toBe('CC-BY-4.0');
    expect(dump.count).toBe(dump.records.length);
    const record = dump.records.find((item) => item.id === id)!;
    // exactly the published fields, nothing of the rest (not even as null)
    expect(Object.keys(record).sort()).toEqual(['basis', 'birthYear', 'id', 'names', 'nationality', 'sources', 'url']);
    expect(record.nationality).toBe('қазақ');
    const sums = await (await fetch(`${siteUrl}/open-data/SHA256SUMS`)).text();
    expect(sums).toContain(`${built.files['book-of-memory.csv']!.sha256}  book-of-memory.csv`);
    expect((await fetch(`${siteUrl}/open-data/..%2Fsecret`)).status).toBe(404);

    // what is published does show: the names, the year, the accepted nationality and the archival source
    expect(pages[0]!.html).toContain('Кенесарин Нұрмұхамед');
    expect(pages[0]!.html).toContain('1880');
    expect(pages[0]!.html).toContain('қазақ');
    expect(pages[0]!.html).toContain('ф. 141');
    expect(pages[3]!.html).toContain(id);
  });
});
