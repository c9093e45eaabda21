import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { HttpSession, type TestEnvironment } from '@aqtalu/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteStack, type SiteStack } from './testing/site-stack.js';

interface Problem {
  status: number;
  code: string;
  params: Record<string, unknown>;
}

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

describe('the public certificate check page (the address of the QR code)', () => {
  let stack: SiteStack;
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let siteUrl: string;
  let db: pg.Client;
  let secretary: HttpSession;

  const userId = async (email: string) => (await db.query(`SELECT id FROM users WHERE email = $1`, [email])).rows[0].id as string;
  const auditRows = (action: string) => db.query(`SELECT details, outcome FROM audit_log WHERE action = $1 ORDER BY id`, [action]).then((r) => r.rows);

  async function openCase(subjects: Array<{ nameKk?: string; nameRu?: string }>): Promise<{ id: string; number: string; subjects: Array<{ personId: string }> }> {
    const created = await secretary.post<{ id: string; number: string; subjects: Array<{ personId: string }> }>('/api/cases', {
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      summary: 'Application of a relative',
      applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'granddaughter', kinshipProof: 'birth certificates' },
      subjects,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  }

  beforeAll(async () => {
    stack = await startSiteStack();
    ({ environment, api, siteUrl, db, secretary } = stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** A decided case with a rendered certificate, inserted as the workflow leaves them. */
  async function certificateFor(nameKk: string, nameRu: string, code: string) {
    const opened = await openCase([{ nameKk, nameRu }]);
    const chairId = await userId(demo(Role.Chair).email);
    const [session] = (await db.query(`INSERT INTO commission_sessions (number, session_date, place, created_by) VALUES ($1, '2026-11-30', 'Астана', $2) RETURNING id`, [`T/${code}`, chairId])).rows;
    const [item] = (await db.query(`INSERT INTO agenda_items (session_id, case_id, position) VALUES ($1, $2, 1) RETURNING id`, [session.id, opened.id])).rows;
    const [decision] = (
      await db.query(
        `INSERT INTO decisions (number, case_id, agenda_item_id, outcome, reasons, decided_by, decided_at) VALUES ($1, $2, $3, 'rehabilitated', 'the troika', $4, '2026-11-30T20:30:00Z') RETURNING id`,
        [`D-T-${code}`, opened.id, item.id, chairId],
      )
    ).rows;
    await db.query(
      `INSERT INTO certificates (number, verification_code, case_id, person_id, decision_id, pdf, rendered_at) VALUES ($1, $2, $3, $4, $5, '\\x00', now())`,
      [`C-T-${code}`, code, opened.id, opened.subjects[0]!.personId, decision.id],
    );
    return { caseId: opened.id, caseNumber: opened.number, itemId: item.id as string, chairId };
  }
  const page = (code: string, headers: Record<string, string>) => fetch(`${siteUrl}/certificates/${code}`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...headers } });

  it('shows a browser who, which decision and that the certificate is valid, in Russian, Kazakh or English, with nothing else', async () => {
    const made = await certificateFor('Ілияс Жансүгіров', 'Ильяс Джансугуров', 'CHECKPAGE01');
    const ru = await page('checkpage01', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' });
    expect(ru.status).toBe(200);
    expect(ru.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await ru.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Справка действительна');
    expect(html).toContain('Ілияс Жансүгіров');
    expect(html).toContain('Ильяс Джансугуров');
    // the decision of 30 November 20:30 UTC is the 1st of December in Kazakhstan
    expect(html).toContain('№ D-T-CHECKPAGE01 от 01.12.2026');
    expect(html).not.toContain(made.caseNumber);
    expect(html).not.toContain('Айгерім');
    expect(html).not.toMatch(/<script/i);

    const english = await page('CHECKPAGE01', { 'accept-language': 'de-DE, en;q=0.5' }).then((r) => r.text());
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('The certificate is valid');
    const chosen = await fetch(`${siteUrl}/certificates/CHECKPAGE01?lang=kk`, { headers: { accept: 'text/html' } }).then((r) => r.text());
    expect(chosen).toContain('Анықтама жарамды');

    // other clients still get JSON
    const json = await new HttpSession(siteUrl).get<Record<string, unknown>>('/certificates/CHECKPAGE01');
    expect(json.body).toMatchObject({ valid: true, revoked: false, decisionNumber: 'D-T-CHECKPAGE01', decisionDate: '2026-12-01' });
    expect(await auditRows('certificate.verify')).not.toHaveLength(0);
  });

  it('says revoked once the commission decided the case again, and names no certificate for an unknown code (404)', async () => {
    const made = await certificateFor('Бейімбет Майлин', 'Беимбет Майлин', 'CHECKPAGE02');
    await db.query(
      `INSERT INTO decisions (number, case_id, agenda_item_id, outcome, reasons, decided_by, decided_at) VALUES ('D-T-LATER02', $1, $2, 'rejected', 'reopened', $3, '2027-03-01T08:00:00Z')`,
      [made.caseId, made.itemId, made.chairId],
    );
    const html = await (await page('CHECKPAGE02', { 'accept-language': 'ru' })).text();
    expect(html).toContain('Справка отозвана');
    expect(html).toContain('data-state="revoked"');
    expect(html).not.toContain('D-T-LATER02');
    expect((await new HttpSession(siteUrl).get<Record<string, unknown>>('/certificates/CHECKPAGE02')).body).toMatchObject({ valid: false, revoked: true });

    const unknown = await page('NOSUCHCODE9', { 'accept-language': 'kk' });
    expect(unknown.status).toBe(404);
    const text = await unknown.text();
    expect(text).toContain('Мұндай анықтама табылмады');
    const hostile = await page(encodeURIComponent('<b>x</b>'), { 'accept-language': 'ru' });
    expect(hostile.status).toBe(404);
    expect(await hostile.text()).toContain('&lt;B&gt;X&lt;/B&gt;');
    const jsonMissing = await new HttpSession(siteUrl).get<Problem>('/certificates/NOSUCHCODE9');
    expect(jsonMissing.status).toBe(404);
    expect(jsonMissing.body.code).toBe('commission.certificate_unknown');
  });

  it('is a site of its own: no back-office route, an unknown address a page in the language of the visitor, no script allowed', async () => {
    for (const path of ['/api/cases', '/api/auth/login', '/api/health', '/api/docs']) {
      const answer = await fetch(`${siteUrl}${path}`, { headers: { accept: 'text/html', 'accept-language': 'ru' } });
      expect(answer.status, path).toBe(404);
      expect(await answer.text()).toContain('Такой страницы нет');
    }
    const posted = await fetch(`${siteUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demo(Role.Admin).email, password: demo(Role.Admin).password }) });
    expect(posted.status).toBe(404);
    // a client that takes no HTML gets the code
    const json = await fetch(`${siteUrl}/nowhere`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    expect(await json.json()).toMatchObject({ code: 'http.not_found', params: { path: '/nowhere' } });
    const home = await fetch(`${siteUrl}/?lang=en`, { redirect: 'manual' });
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/persons?lang=en');
    const book = await fetch(`${siteUrl}/persons?lang=kk`);
    expect(book.headers.get('content-security-policy')).toContain("script-src 'none'");
    // kept by no browser or proxy: a withdrawn record leaves at once, a tracking page holds personal data
    expect(book.headers.get('cache-control')).toBe('no-store');
    expect(await (await fetch(`${siteUrl}/health`)).json()).toEqual({ status: 'ok' });

    // the addresses of the public pages before the site had its own (printed QR codes, sent e-mails) lead to it
    const apiUrl = await api.getUrl();
    for (const path of ['/certificates/CHECKPAGE01?lang=kk', '/persons/00000000-0000-4000-8000-000000000000', '/applications/AQ-1234-ABCD-EFGH?lang=ru', '/open-data/SHA256SUMS']) {
      const moved = await fetch(`${apiUrl}/api/public${path}`, { redirect: 'manual' });
      expect(moved.status, path).toBe(308);
      expect(moved.headers.get('location')).toBe(`${environment.config.publicSite.url}${path}`);
    }
    expect((await fetch(`${apiUrl}/api/publicity`, { redirect: 'manual' })).status).not.toBe(308);
  });
});
