import { Role, type ContributionResponse } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { type CapturedMail, HttpSession, renderTestScan } from '@aqtalu/testing';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteStack, type SiteStack } from './testing/site-stack.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - start > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('contributions to the Book of Memory', () => {
  let stack: SiteStack;
  let baseUrl: string;
  let siteUrl: string;
  let db: pg.Client;
  let secretary: HttpSession;
  let personId: string;
  let mails: CapturedMail[];

  /** The public form as a browser without JavaScript posts it (multipart), not following the redirect. */
  async function contribute(
    fields: Record<string, string>, scan?: Buffer, lang = 'kk', file = { name: 'certificate.png', type: 'image/png' }, headers: Record<string, string> = {},
  ): Promise<{ status: number; location: string | null; html: string }> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (scan) form.append('scan', new Blob([new Uint8Array(scan)], { type: file.type }), file.name);
    const response = await fetch(`${siteUrl}/persons/${personId}/contributions?lang=${lang}`, { method: 'POST', body: form, redirect: 'manual', headers });
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  }
  const contributions = async () => (await db.query(`SELECT id, status, scan_state FROM contributions WHERE person_id = $1 ORDER BY created_at`, [personId])).rows;
  const visitor = { name: 'Ержан Сәрсенбаев', email: 'erzhan.grandson@example.kz' };

  beforeAll(async () => {
    stack = await startSiteStack({ worker: true, mailbox: true });
    ({ baseUrl, siteUrl, db, secretary } = stack);
    mails = stack.mailbox!.mails;
    const created = await secretary.post<{ id: string }>('/api/registry/persons', { names: [{ fullName: 'Тынышбаев Мұхамеджан' }, { fullName: 'Тынышпаев Мухамеджан' }], birthYear: '1879' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    personId = created.body.id;
    const published = await secretary.request('PUT', `/api/publication/persons/${personId}`, { basis: 'book', fields: ['names', 'birth_year', 'occupation', 'arrest', 'sources'] });
    expect(published.status).toBe(200);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('takes a fact with a source and a scan from the public page, checks the scan, and a moderator accepts it into a fact citing it; the contributor is told', async () => {
    const page = await fetch(`${siteUrl}/persons/${personId}?lang=kk`);
    const html = await page.text();
    expect(html).toContain('Бұл адам туралы көбірек білемін');
    expect(html).toContain(`action="/persons/${personId}/contributions?lang=kk"`);

    const sent = await contribute(
      { subject: 'occupation', value: 'инженер-теміржолшы', source: 'ЦГА РК, ф. 141, оп. 1, д. 1234, л. 5', name: visitor.name, email: visitor.email, website: '' },
      await renderTestScan(['Тынышбаев М.', 'инженер путей сообщения']),
    );
    expect(sent.status, sent.html).toBe(303);
    expect(sent.location).toBe(`/persons/${personId}?lang=kk&contributed=1`);
    expect(await (await fetch(`${siteUrl}${sent.location}`)).text()).toContain('Рақмет! Мәліметіңіз модерацияға жіберілді.');
    const [row] = await contributions();
    expect(row).toMatchObject({ status: 'pending' });

    // the worker checks the scan before a moderator may open it
    const checked = await until(async () => (await secretary.get<ContributionResponse>(`/api/contributions/${row.id}`)).body, (body) => body.scan.state !== 'pending');
    expect(checked.scan).toMatchObject({ state: 'passed', mime: 'image/png', name: 'certificate.png' });
    const queue = await secretary.get<ContributionResponse[]>(`/api/contributions?filter=${encodeURIComponent(JSON.stringify({ status: 'pending' }))}`);
    expect(queue.status).toBe(200);
    expect(queue.body.map((item) => item.id)).toEqual([row.id]);
    expect(queue.body[0]).toMatchObject({ subject: 'occupation', value: 'инженер-теміржолшы', contributorEmail: visitor.email });
    const scan = await fetch(`${baseUrl}/api/contributions/${row.id}/scan`, { headers: { authorization: `Bearer ${secretary.token}` } });
    expect(scan.status).toBe(200);
    expect(scan.headers.get('content-type')).toBe('image/png');

    const accepted = await secretary.post<ContributionResponse>(`/api/contributions/${row.id}/acceptance`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    const fact = await db.query(`SELECT kind, value, accepted, note, source_kind, fond, delo FROM person_facts WHERE id = $1`, [accepted.body.factId]);
    expect(fact.rows[0]).toMatchObject({ kind: 'occupation', value: 'инженер-теміржолшы', accepted: true, source_kind: 'archival', fond: '141', delo: '1234' });
    expect(fact.rows[0].note).toContain(`contribution:${row.id}`);
    // a second decision finds it decided
    expect((await secretary.post(`/api/contributions/${row.id}/rejection`, { reason: 'no_source' })).status).toBe(409);

    const person = await (await fetch(`${siteUrl}/persons/${personId}?lang=ru`)).text();
    expect(person).toContain('инженер-теміржолшы');
    expect(person).not.toContain(visitor.email);
    expect(person).not.toContain(visitor.name);

    const audit = await db.query(`SELECT action, actor_role FROM audit_log WHERE entity_id = $1 AND action LIKE 'contribution.%' ORDER BY id`, [personId]);
    expect(audit.rows).toEqual([{ action: 'contribution.submit', actor_role: 'public' }, { action: 'contribution.accept', actor_role: 'secretary' }]);
    const mail = await until(async () => mails.filter((item) => item.to.includes(visitor.email)), (found) => found.length > 0);
    expect(mail).toHaveLength(1);
  });

  it('tells a rejected contributor why, in their language, as the reason code says', async () => {
    const sent = await contribute({ subject: 'arrest', date: 'осень 1937', place: 'Ташкент', source: 'рассказ бабушки', name: visitor.name, email: visitor.email }, undefined, 'ru');
    expect(sent.status, sent.html).toBe(303);
    const [, row] = await contributions();
    expect(row).toMatchObject({ status: 'pending', scan_state: 'none' });
    // a source that is not a reference: accepting needs one from the moderator
    const refused = await secretary.post<{ code: string }>(`/api/contributions/${row.id}/acceptance`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('contribution.source_required');
    expect((await secretary.post(`/api/contributions/${row.id}/rejection`, { reason: 'rumour' })).status).toBe(400);
    const rejected = await secretary.post<ContributionResponse>(`/api/contributions/${row.id}/rejection`, { reason: 'no_source' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejection: 'no_source', factId: null });
    const mail = await until(async () => mails.filter((item) => item.to.includes(visitor.email)), (found) => found.length > 1);
    expect(mail).toHaveLength(2);
    // nodemailer encodes the Cyrillic body; the reason's Russian sentence is in it
    const raw = mail[1]!.raw;
    const body = raw.includes('Content-Transfer-Encoding: base64')
      ? Buffer.from(raw.slice(raw.indexOf('\r\n\r\n') + 4), 'base64').toString('utf8')
      : raw.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (bytes) => Buffer.from(bytes.split('=').slice(1).map((hex) => parseInt(hex, 16))).toString('utf8'));
    expect(body).toContain('Указанный источник не найден или не назван.');
    expect(body).toContain(`/persons/${personId}?lang=ru`);
  });

  it('drops a honeypot submission, re-shows a bad form with its reason, limits an e-mail address, and keeps the queue from other roles', async () => {
    const before = (await contributions()).length;
    const bot = await contribute({ subject: 'occupation', value: 'spam', source: 'x', name: 'bot', email: 'bot@example.com', website: 'http://spam.example' });
    expect(bot.status).toBe(303);
    const badEmail = await contribute({ subject: 'occupation', value: 'мұғалім', source: 'ф. 1', name: visitor.name, email: 'not-an-address' }, undefined, 'en');
    expect(badEmail.status).toBe(400);
    expect(badEmail.html).toContain('The e-mail address is not valid.');
    expect(badEmail.html).toContain('value="мұғалім"');
    const notPng = await contribute({ subject: 'occupation', value: 'мұғалім', source: 'ф. 1', name: visitor.name, email: visitor.email }, Buffer.from('%PDF-1.4 not a png'));
    expect(notPng.status).toBe(400);
    // a POST with no form at all (or JSON) is the form again with what is missing, never an error page
    for (const init of [{}, { headers: { 'content-type': 'application/json' }, body: '{"subject":"occupation"}' }]) {
      const empty = await fetch(`${siteUrl}/persons/${personId}/contributions?lang=en`, { method: 'POST', redirect: 'manual', ...init });
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain('Fill in the source, your name, your e-mail and what you know.');
    }
    expect((await contributions()).length).toBe(before);

    // the visitor's address has sent 2 today; 3 more pass, the next is refused
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await contribute({ subject: 'nationality', value: 'қазақ', source: 'ф. 1', name: visitor.name, email: visitor.email.toUpperCase() })).status);
    expect(statuses).toEqual([303, 303, 303, 429]);

    const member = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
    expect((await member.get('/api/contributions')).status).toBe(403);
  });
  it('quarantines a scan with active content: the moderator cannot open it, and rejects the contribution as unsafe', async () => {
    // a PDF whose catalogue runs JavaScript on opening (the evidence checks' active-content finding)
    const objects = ['<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
    let body = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((object, index) => {
      offsets.push(Buffer.byteLength(body, 'latin1'));
      body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    });
    const xref = Buffer.byteLength(body, 'latin1');
    body += `xref\n0 4\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    // another visitor's address (the API believes X-Forwarded-For from loopback) and e-mail
    const sent = await contribute(
      { subject: 'death', date: '1938', place: 'Алматы', source: 'ЦГА РК, ф. 141, оп. 1, д. 77', name: 'Гүлнар', email: 'gulnar@example.kz' },
      Buffer.from(body, 'latin1'), 'kk', { name: 'akt.pdf', type: 'application/pdf' }, { 'x-forwarded-for': '10.9.8.7' },
    );
    expect(sent.status, sent.html).toBe(303);
    const [row] = (await db.query(`SELECT id FROM contributions WHERE contributor_email = 'gulnar@example.kz'`)).rows;
    const checked = await until(async () => (await secretary.get<ContributionResponse>(`/api/contributions/${row.id}`)).body, (view) => view.scan.state !== 'pending');
    expect(checked.scan).toMatchObject({ state: 'quarantined', reasonCode: 'check.active_content_found' });
    expect((await fetch(`${baseUrl}/api/contributions/${row.id}/scan`, { headers: { authorization: `Bearer ${secretary.token}` } })).status).toBe(409);
    expect((await db.query(`SELECT 1 FROM audit_log WHERE action = 'contribution.scan_quarantine' AND details->>'contributionId' = $1`, [row.id])).rowCount).toBe(1);
    expect((await secretary.post<ContributionResponse>(`/api/contributions/${row.id}/rejection`, { reason: 'scan_unsafe' })).body).toMatchObject({ status: 'rejected', rejection: 'scan_unsafe' });
  });

  it('renders a region\'s Book of Memory in PDF in the worker (kk and ru) with the published fields only', async () => {
    const canary = 'CANARYREGIONALBOOKQ';
    const [place] = (await db.query(`SELECT pl.id, rg.code FROM places pl JOIN regions rg ON rg.id = pl.region_id ORDER BY rg.code LIMIT 1`)).rows;
    const created = await secretary.post<{ id: string }>('/api/registry/persons', { names: [{ fullName: 'Өңірбаев Қасым' }], birthYear: '1901', birthplace: 'Қарқаралы' });
    const id = created.body.id;
    await db.query(`UPDATE persons SET birthplace_place_id = $2 WHERE id = $1`, [id, place.id]);
    const [user] = (await db.query(`SELECT id FROM users WHERE role = 'secretary' LIMIT 1`)).rows;
    // an accepted occupation that is not published, and a contributor's e-mail: neither may reach the book
    await db.query(
      `INSERT INTO person_facts (person_id, recorded_for_id, kind, accept_key, value, source_kind, reference_text, archive, fond, opis, delo, accepted, created_by)
       VALUES ($1, $1, 'occupation', 'occupation', $2, 'archival', 'ЦГА РК, ф. 1, оп. 1, д. 1', 'ЦГА РК', '1', '1', '1', true, $3)`,
      [id, canary, user.id],
    );
    expect((await secretary.request('PUT', `/api/publication/persons/${id}`, { basis: 'book', fields: ['names', 'birth_year', 'birthplace'] })).status).toBe(200);
    const texts: string[] = [];
    for (const language of ['kk', 'ru']) {
      const asked = await secretary.post<{ file: string }>('/api/publication/regional-books', { regionCode: place.code, language });
      expect(asked.status, JSON.stringify(asked.body)).toBe(202);
      expect(asked.body.file).toBe(`book-of-memory-${place.code}-${language}.pdf`);
      const pdf = await until(() => fetch(`${siteUrl}/open-data/${asked.body.file}`), (answer) => answer.status === 200, 60_000);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const work = await mkdtemp(join(tmpdir(), 'regional-book-'));
      await writeFile(join(work, 'book.pdf'), Buffer.from(await pdf.arrayBuffer()));
      texts.push((await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', join(work, 'book.pdf'), '-'])).stdout);
      await rm(work, { recursive: true, force: true });
    }
    expect(texts[0]).toContain('Жады кітабы');
    expect(texts[1]).toContain('Книга памяти');
    for (const text of texts) {
      expect(text).toContain('Өңірбаев Қасым');
      expect(text).toContain('1901');
      expect(text).not.toContain(canary);
      expect(text).not.toContain(visitor.email);
    }
    expect((await secretary.post('/api/publication/regional-books', { regionCode: 'NOPE', language: 'kk' })).status).toBe(404);
    expect((await secretary.post('/api/publication/regional-books', { regionCode: place.code, language: 'en' })).status).toBe(400);
  });
});
