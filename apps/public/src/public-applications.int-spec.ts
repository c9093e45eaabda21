import { CaseTransition, personalDataConsentVersion } from '@aqtalu/contracts';
import { addBusinessDays, formatCalendarDate } from '@aqtalu/domain';
import { type CapturedMail, eventually, HttpSession } from '@aqtalu/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteStack, type SiteStack } from './testing/site-stack.js';

/** A 1×1 PNG: a real image for the evidence pipeline's content check. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

interface Page {
  status: number;
  html: string;
  location: string | null;
}

describe('online applications through the public door', () => {
  let stack: SiteStack;
  let siteUrl: string;
  let db: pg.Client;
  let secretary: HttpSession;
  let publishedId: string;
  let mails: CapturedMail[];

  /** A page as a browser without JavaScript gets it, from an address of its own (the routes are throttled per address). */
  async function page(path: string, ip = '10.0.0.1'): Promise<Page> {
    const response = await fetch(`${siteUrl}${path}`, { headers: { Accept: 'text/html', 'X-Forwarded-For': ip }, redirect: 'manual' });
    return { status: response.status, html: await response.text(), location: response.headers.get('location') };
  }

  /** Posts a form as the browser does (multipart), with files. */
  async function post(path: string, fields: Record<string, string>, files: Array<{ name: string; content: Buffer; type: string }> = [], ip = '10.0.0.1'): Promise<Page> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    for (const file of files) form.append('documents', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
    const response = await fetch(`${siteUrl}${path}`, { method: 'POST', body: form, headers: { Accept: 'text/html', 'X-Forwarded-For': ip }, redirect: 'manual' });
    return { status: response.status, html: await response.text(), location: response.headers.get('location') };
  }

  const applicant = (extra: Record<string, string> = {}) => ({
    lang: 'kk', applicantKind: 'relative', applicantName: 'Айгерім Нұрланқызы', email: 'aigerim@example.kz', phone: '+7 701 555 0101',
    kinship: 'немересі', kinshipProof: 'туу туралы куәліктер', consent: 'yes', consentVersion: personalDataConsentVersion,
    regionCode: 'ALM', categoryCode: 'counter_revolutionary', personId: publishedId, website: '', ...extra,
  });
  const trackingCodeOf = (html: string) => /data-tracking-code>([A-Z0-9-]+)</.exec(html)?.[1];

  beforeAll(async () => {
    stack = await startSiteStack({ worker: true, mailbox: true, env: { PUBLIC_SITE_URL: 'https://memory.aqtalu.example.kz' } });
    ({ siteUrl, db, secretary } = stack);
    mails = stack.mailbox!.mails;
    const person = await secretary.post<{ id: string }>('/api/registry/persons', { names: [{ fullName: 'Жұмабаев Мағжан' }, { fullName: 'Жумабаев Магжан' }], birthYear: '1893' });
    publishedId = person.body.id;
    expect((await secretary.request('PUT', `/api/publication/persons/${publishedId}`, { basis: 'book', fields: ['names', 'birth_year'] })).status).toBe(200);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('applies in Kazakh, is tracked, answers a request for documents, and the case is back in the intake queue', async () => {
    const form = await page('/applications/new?lang=kk&q=Zhumabayev%20Magzhan');
    expect(form.status).toBe(200);
    expect(form.html).toContain('<html lang="kk">');
    expect(form.html).toContain(`value="${publishedId}"`);
    expect(form.html).toContain('№ 94-V');
    expect(form.html).toContain(`name="consentVersion" value="${personalDataConsentVersion}"`);
    expect(form.html).not.toContain('<script');

    const applied = await post('/applications?lang=kk', applicant(), [{ name: 'birth-certificate.png', content: png, type: 'image/png' }]);
    expect(applied.status, applied.html).toBe(201);
    const code = trackingCodeOf(applied.html)!;
    expect(code).toMatch(/^AQ-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // a submitted case with its applicant, the published person as subject, the document in the evidence pipeline
    const [application] = (await db.query(`SELECT a.case_id, a.consent_version, c.status, c.applicant_name, c.applicant_kinship, c.applicant_email FROM public_applications a JOIN cases c ON c.id = a.case_id WHERE a.tracking_code = $1`, [code])).rows;
    expect(application).toMatchObject({ consent_version: personalDataConsentVersion, status: 'submitted', applicant_name: 'Айгерім Нұрланқызы', applicant_kinship: 'немересі', applicant_email: 'aigerim@example.kz' });
    const caseId = application.case_id as string;
    expect((await db.query(`SELECT person_id FROM case_subjects WHERE case_id = $1`, [caseId])).rows).toEqual([{ person_id: publishedId }]);
    const evidence = await db.query(`SELECT e.id, u.email, (SELECT count(*)::int FROM evidence_checks q WHERE q.evidence_id = e.id) AS checks FROM evidence e JOIN users u ON u.id = e.uploaded_by WHERE e.case_id = $1`, [caseId]);
    expect(evidence.rows).toEqual([{ id: expect.any(String), email: 'online-applications@aqtalu.invalid', checks: expect.any(Number) }]);
    expect(evidence.rows[0].checks).toBeGreaterThan(0);
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY id`, [caseId, evidence.rows[0].id]);
    expect(audit.rows.map((row) => row.action)).toEqual(expect.arrayContaining(['case.create', 'evidence.upload', 'case.transition', 'public_application.submit']));
    // the intake queue: the secretary sees it submitted, with its applicant
    const listed = await secretary.get<Array<{ id: string; status: string }>>(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ status: 'submitted' }))}`);
    expect(listed.body.map((row) => row.id)).toContain(caseId);
    // the tracking link by e-mail, through the worker's SMTP outbox
    const received = await eventually(async () => mails.find((mail) => mail.to.includes('aigerim@example.kz') && mail.body.includes(code)), 15_000, 'the tracking e-mail');
    expect(received.body).toContain(`https://memory.aqtalu.example.kz/applications/${code}?lang=kk`);

    // the Book of Memory leads to the form, and the form's code box to the status page
    expect((await page('/persons?lang=kk')).html).toContain('href="/applications/new?lang=kk"');
    const lookup = await page(`/applications/status?code=${code.toLowerCase()}&lang=kk`);
    expect(lookup.status).toBe(303);
    expect(lookup.location).toBe(`/applications/${code.toLowerCase()}?lang=kk`);
    const status = await page(lookup.location!);
    expect(status.status).toBe(200);
    expect(status.html).toContain('data-status="submitted"');
    expect(status.html).toContain('хатшының тексеруін күтуде');
    const holidays = new Set((await db.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holidays`)).rows.map((row) => row.date as string));
    expect(status.html).toContain(addBusinessDays(formatCalendarDate(new Date()), 15, { holidays, weekendDays: new Set([0, 6]) }));
    expect(status.html).not.toContain('name="documents"');

    // the secretary asks for more documents in the back office (the return to the applicant, with what is needed)
    const move = async (name: CaseTransition, body: Record<string, unknown> = {}) => {
      const version = (await db.query(`SELECT version FROM cases WHERE id = $1`, [caseId])).rows[0].version;
      const answer = await secretary.post(`/api/cases/${caseId}/transitions/${name}`, { version, ...body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    };
    await move(CaseTransition.StartIntake);
    await move(CaseTransition.ReturnToApplicant, { reason: 'Әкеңіздің туу туралы куәлігін жіберіңіз' });
    const request = await eventually(async () => mails.find((mail) => mail.to.includes('aigerim@example.kz') && mail.body.includes('қосымша құжаттар сұрады')), 15_000, 'the request e-mail');
    expect(request.body).toContain(code);
    const asked = await page(`/applications/${code}?lang=kk`);
    expect(asked.html).toContain('data-status="returned_to_applicant"');
    expect(asked.html).toContain('Әкеңіздің туу туралы куәлігін жіберіңіз');
    expect(asked.html).toContain('name="documents"');

    const answered = await post(`/applications/${code}/documents?lang=kk`, {}, [{ name: 'father.png', content: png, type: 'image/png' }]);
    expect(answered.status, answered.html).toBe(303);
    expect(answered.location).toBe(`/applications/${code}?lang=kk&answered=1`);
    expect((await db.query(`SELECT status FROM cases WHERE id = $1`, [caseId])).rows[0].status).toBe('submitted');
    expect((await db.query(`SELECT count(*)::int AS n FROM evidence WHERE case_id = $1`, [caseId])).rows[0].n).toBe(2);
    const after = await page(answered.location!);
    expect(after.html).toContain('Құжаттар алынды');
    expect(after.html).toContain('data-status="submitted"');
    expect((await db.query(`SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'public_application.answer'`, [caseId])).rowCount).toBe(1);
    expect((await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'public_application.read_status'`, [caseId])).rows[0].n).toBeGreaterThanOrEqual(3);
    // a second answer is refused: nothing is asked now
    const again = await post(`/applications/${code}/documents?lang=kk`, {}, [{ name: 'more.png', content: png, type: 'image/png' }]);
    expect(again.status).toBe(409);
  });

  it('refuses an application without consent, with a honeypot, with a file that is not what it claims, keeping the form filled', async () => {
    const ip = '10.0.0.2';
    const noConsent = await post('/applications?lang=ru', applicant({ lang: 'ru', consent: '' }), [], ip);
    expect(noConsent.status).toBe(400);
    expect(noConsent.html).toContain('согласие на обработку персональных данных');
    expect(noConsent.html).toContain('value="Айгерім Нұрланқызы"');
    const withSearch = await post('/applications?lang=ru', applicant({ lang: 'ru', consent: '', q: 'Zhumabayev' }), [], ip);
    // the person chosen from the search is still offered, and chosen
    expect(withSearch.html).toMatch(new RegExp(`value="${publishedId}" checked`));
    expect(withSearch.html).toContain('href="/applications/new?q=Zhumabayev&amp;lang=kk"');
    const robot = await post('/applications?lang=en', applicant({ website: 'http://spam.example' }), [], ip);
    expect(robot.status).toBe(400);
    const fake = await post('/applications?lang=en', applicant(), [{ name: 'letter.pdf', content: Buffer.from('not a pdf at all'), type: 'application/pdf' }], ip);
    expect(fake.status).toBe(400);
    expect(fake.html).toContain('letter.pdf');
    const four = await post('/applications?lang=ru', applicant({ lang: 'ru' }), [1, 2, 3, 4].map((n) => ({ name: `${n}.png`, content: png, type: 'image/png' })), ip);
    expect(four.status).toBe(400);
    expect(four.html).toContain('не больше 3 файлов');
    const unpublished = (await secretary.post<{ id: string }>('/api/registry/persons', { names: [{ fullName: 'Жасырын Адам' }] })).body.id;
    const hidden = await post('/applications?lang=en', applicant({ personId: unpublished }), [], ip);
    expect(hidden.status).toBe(400);
    expect(hidden.html).toContain('not in the published registry');
    expect((await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'public_application.refused'`)).rows[0].n).toBe(5);
    expect((await page('/applications/AQ-2222-3333-4444?lang=en', ip)).status).toBe(404);
  });

  it('limits applications per e-mail and per address in Redis', async () => {
    for (let n = 0; n < 5; n++) {
      const applied = await post('/applications?lang=kk', applicant({ email: 'flood@example.kz', personId: '', personName: `Жаңа Адам ${n}` }), [], `10.0.1.${n}`);
      expect(applied.status, applied.html).toBe(201);
    }
    const sixth = await post('/applications?lang=kk', applicant({ email: 'FLOOD@example.kz' }), [], '10.0.1.9');
    expect(sixth.status).toBe(429);
    expect(sixth.html).toContain('<html lang="kk">');
    const answers: number[] = [];
    for (let n = 0; n < 11; n++) answers.push((await post('/applications?lang=en', applicant({ consent: '' }), [], '10.0.2.1')).status);
    expect(answers.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(answers[10]).toBe(429);
  });

  it('shows no canary of the application on the pages the public reaches', async () => {
    const canary = (field: string) => `CANARY${field.toUpperCase()}Q`;
    const applied = await post(
      '/applications?lang=en',
      applicant({
        lang: 'en', applicantName: canary('name'), email: 'canary.applicant@example.kz', phone: '+7 701 999 0199', kinship: canary('kinship'), kinshipProof: `${canary('proof')} IIN 850101300123`,
        personId: '', personName: canary('person'), personBirthYear: '1901',
      }),
      [{ name: `${canary('file')}.png`, content: png, type: 'image/png' }],
      '10.0.3.1',
    );
    expect(applied.status, applied.html).toBe(201);
    const code = trackingCodeOf(applied.html)!;
    const caseId = (await db.query(`SELECT case_id FROM public_applications WHERE tracking_code = $1`, [code])).rows[0].case_id;
    await db.query(`UPDATE cases SET summary = $2 WHERE id = $1`, [caseId, canary('summary')]);
    const pages = [applied, await page(`/applications/${code}?lang=en`, '10.0.3.1'), await page(`/applications/${code}?lang=ru`, '10.0.3.1'), await page(`/persons?q=${canary('person').toLowerCase()}`, '10.0.3.1')];
    for (const answer of pages) {
      expect(answer.html).not.toContain('CANARY');
      for (const secret of ['canary.applicant@example.kz', '999 0199', '850101300123']) expect(answer.html).not.toContain(secret);
    }
  });
});
