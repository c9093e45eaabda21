/// <reference lib="dom" />
import { CaseTransition, EvidenceKind, Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { HttpSession, renderTestPdf } from '@aqtalu/testing';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from './back-office.js';

const login = (role: Role) => demoLogins.find((entry) => entry.role === role)!;
const screenshots = fileURLToPath(new URL('../screenshots/screens/', import.meta.url));

interface CaseBody {
  id: string;
  number: string;
  version: number;
  subjects: Array<{ personId: string }>;
}

/**
 * The screens of issue 15 in a browser, in Russian and Kazakh: the proposals beside the evidence viewer, case
 * edit (a new region), the person page, the case list found by a Latin spelling, and the public certificate page.
 * What the screens start from is prepared over the API, as the people who work a case would leave it.
 */
describe('proposals, case edit, the person page, the Latin case search and the certificate check page', () => {
  const office = new BackOffice();
  const problems: string[] = [];
  const sessions = new Map<Role, HttpSession>();
  let seifullin: CaseBody;
  let evidenceId = '';
  let verificationCode = '';
  let page: Page;

  const api = async (role: Role) => {
    if (!sessions.has(role)) sessions.set(role, await HttpSession.login(office.baseUrl, login(role).email, login(role).password));
    return sessions.get(role)!;
  };
  const ok = async <T,>(answer: Promise<{ status: number; body: T }>, status = 200): Promise<T> => {
    const { status: got, body } = await answer;
    expect(got, JSON.stringify(body)).toBe(status);
    return body;
  };
  const move = async (role: Role, id: string, transition: CaseTransition, body: Record<string, unknown> = {}) => {
    const current = await ok((await api(Role.Secretary)).get<CaseBody>(`/api/cases/${id}`));
    return ok((await api(role)).post<CaseBody>(`/api/cases/${id}/transitions/${transition}`, { version: current.version, ...body }));
  };
  const screenshot = (name: string, on = page) => on.screenshot({ path: `${screenshots}${name}.png`, fullPage: true, animations: 'disabled' });

  async function signIn(role: Role, viewport = { width: 1366, height: 900 }): Promise<Page> {
    const opened = await office.newPage(viewport);
    opened.setDefaultTimeout(20_000);
    opened.on('pageerror', (error) => problems.push(error.message));
    await opened.getByRole('textbox', { name: 'Электронная почта' }).fill(login(role).email);
    await opened.getByLabel(/^Пароль/).fill(login(role).password);
    await opened.getByRole('button', { name: 'Войти' }).click();
    await opened.getByText(/^Вы вошли как /).waitFor();
    return opened;
  }

  /** A case decided by the commission with its certificate issued, all over the API. */
  async function decidedCase(): Promise<string> {
    const opened = await ok(
      (await api(Role.Secretary)).post<CaseBody>('/api/cases', {
        regionCode: 'ALM',
        categoryCode: 'counter_revolutionary',
        applicant: { kind: 'relative', name: 'Әлия Мағжанқызы', kinship: 'внучка', kinshipProof: 'свидетельства о рождении' },
        subjects: [{ nameKk: 'Мағжан Жұмабаев', nameRu: 'Магжан Жумабаев' }],
      }),
      201,
    );
    await move(Role.Secretary, opened.id, CaseTransition.Submit);
    await move(Role.Secretary, opened.id, CaseTransition.StartIntake);
    await move(Role.Secretary, opened.id, CaseTransition.AcceptForVerification);
    const request = await ok((await api(Role.WgMember)).post<{ id: string; version: number }>(`/api/cases/${opened.id}/archive-requests`, { archiveCode: 'SPEC-MVD', sought: 'следственное дело' }), 201);
    await ok((await api(Role.ArchiveLiaison)).post(`/api/archive-requests/${request.id}/actions/answer`, { version: request.version, note: 'ф. 2, оп. 1, д. 11573' }));
    await move(Role.WgMember, opened.id, CaseTransition.CompleteVerification);
    const conclusion = await ok(
      (await api(Role.WgMember)).post<{ version: number }>(`/api/cases/${opened.id}/conclusion`, { recommendation: 'rehabilitate', reasoning: 'Осуждён тройкой.', legalArticleCode: 'law1993-art3' }),
    );
    await ok((await api(Role.WgLead)).post(`/api/cases/${opened.id}/conclusion/sign`, { version: conclusion.version }));
    await move(Role.WgLead, opened.id, CaseTransition.SubmitToCommission);
    const session = await ok((await api(Role.Secretary)).post<{ id: string; attendance: Array<{ userId: string }> }>('/api/commission/sessions', { date: new Date().toISOString().slice(0, 10), place: 'Астана' }), 201);
    await ok((await api(Role.Secretary)).request('PUT', `/api/commission/sessions/${session.id}/attendance`, { present: session.attendance.map((member) => member.userId) }));
    await ok((await api(Role.Secretary)).post(`/api/commission/sessions/${session.id}/agenda`, { caseId: opened.id }));
    for (const role of [Role.CommissionMember, Role.Chair]) await ok((await api(role)).post(`/api/commission/sessions/${session.id}/agenda/${opened.id}/vote`, { choice: 'for' }));
    await move(Role.Chair, opened.id, CaseTransition.Rehabilitate, { reason: 'Осуждён внесудебным органом.' });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [certificate] = await ok((await api(Role.Secretary)).get<Array<{ verificationCode: string; renderedAt: string | null }>>(`/api/cases/${opened.id}/certificates`));
      if (certificate?.renderedAt) {
        await move(Role.Secretary, opened.id, CaseTransition.IssueCertificates);
        return certificate.verificationCode;
      }
      if (Date.now() > deadline) throw new Error('the certificate was not rendered within a minute');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    await office.start();
    seifullin = await ok(
      (await api(Role.Secretary)).post<CaseBody>('/api/cases', {
        regionCode: 'ALM',
        categoryCode: 'counter_revolutionary',
        summary: 'Заявление внучки',
        applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'внучка', kinshipProof: 'свидетельства о рождении' },
        subjects: [{ nameKk: 'Сәкен Сейфуллин', nameRu: 'Сакен Сейфуллин' }],
      }),
      201,
    );
    // a document whose text names a reference and a date: the worker's checks propose them
    const form = new FormData();
    form.append('kind', EvidenceKind.TroikaProtocol);
    const pdf = await renderTestPdf([['ЦГА РК, ф. 141, оп. 1, д. 1234, л. 5–7', 'Постановление тройки от 25.02.1938']], [700, 220], 18);
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'vypiska.pdf');
    const uploaded = await fetch(`${office.baseUrl}/api/cases/${seifullin.id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${(await api(Role.WgMember)).token}` }, body: form });
    expect(uploaded.status).toBe(201);
    evidenceId = ((await uploaded.json()) as { id: string }).id;
    // what the registry knows of the person: a fact from a book and an episode from an archive
    const personId = seifullin.subjects[0]!.personId;
    await ok((await api(Role.WgMember)).post(`/api/registry/persons/${personId}/facts`, { kind: 'birth_year', date: '1894', source: { kind: 'book', bookTitle: 'Книга памяти Акмолинской области', bookPage: 112 } }), 201);
    await ok(
      (await api(Role.WgMember)).post(`/api/registry/persons/${personId}/facts`, {
        kind: 'episode',
        episodeKind: 'arrest',
        date: 'осень 1937',
        source: { kind: 'archival', reference: 'ЦГА РК, ф. 141, оп. 1, д. 1234, л. 5' },
      }),
      201,
    );
    verificationCode = await decidedCase();
    page = await signIn(Role.WgLead);
  });

  afterAll(async () => {
    expect(await office.stop()).toBe(0);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshot(`FAILED-${context.task.name.slice(0, 30).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  it('finds the Сейфуллин case in the case list by a Latin spelling and by the given name and surname', async () => {
    for (const query of ['Seifullin', 'Сакен Сейфуллин']) {
      await page.goto(`${office.baseUrl}/#/cases?filter=${encodeURIComponent(JSON.stringify({ q: query }))}`);
      await page.getByText(seifullin.number).first().waitFor();
    }
    await screenshot('case-search-latin');
  });

  it('shows the proposals found in the document beside the viewer and confirms them in bulk', async () => {
    // the checks run in the background: wait until the reading has proposed something
    const deadline = Date.now() + 90_000;
    while ((await ok((await api(Role.WgLead)).get<unknown[]>(`/api/evidence/${evidenceId}/proposals`))).length < 2) {
      if (Date.now() > deadline) throw new Error('no proposal within 90 s');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    await page.goto(`${office.baseUrl}/#/cases/${seifullin.id}/show/evidence`);
    await page.getByRole('button', { name: 'vypiska.pdf' }).click();
    const proposals = page.getByTestId('proposals');
    await proposals.getByText('Найдено в тексте').waitFor();
    await proposals.getByText(/ф\. 141, оп\. 1, д\. 1234/).waitFor();
    await proposals.getByRole('checkbox', { name: 'Выбрать все предложения, ждущие решения' }).check();
    await screenshot('proposals-selected');
    await proposals.getByRole('button', { name: /^Подтвердить выбранн/ }).click();
    await page.getByRole('alert').filter({ hasText: /^Подтверждено \d+ предложени/ }).waitFor();
    await expect.poll(() => proposals.locator('[data-testid="proposal-row"][data-status="proposed"]').count()).toBe(0);
    // the confirmed reference became the document's own
    await page.getByTestId('evidence-detail').getByTestId('parsed-reference').waitFor();
    await screenshot('proposals-confirmed');
  });

  it('shows the person page with facts, episodes, their sources, spellings and the linked case, dates as dd.mm.yyyy', async () => {
    await page.goto(`${office.baseUrl}/#/persons/${seifullin.subjects[0]!.personId}/show`);
    const facts = page.getByTestId('person-facts');
    await facts.getByText('Год рождения').waitFor();
    await facts.getByText(/Книга памяти Акмолинской области, с\. 112/).waitFor();
    const episodes = page.getByTestId('person-episodes');
    await episodes.getByText('Арест').waitFor();
    await episodes.getByText('осень 1937').waitFor();
    await episodes.getByText(/ЦГА РК, ф\. 141/).waitFor();
    await page.getByTestId('variants').getByText('Сакен Сейфуллин').waitFor();
    await page.getByTestId('person-cases').getByRole('link', { name: seifullin.number }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    await screenshot('person-page');

    // on a phone the tables scroll within themselves: the page never scrolls sideways
    const phone = await signIn(Role.WgLead, { width: 390, height: 844 });
    await phone.goto(`${office.baseUrl}/#/persons/${seifullin.subjects[0]!.personId}/show`);
    await phone.getByTestId('person-episodes').getByText('Арест').waitFor();
    await screenshot('person-page-phone', phone);
    // what sticks out past the screen's edge, outside any element that scrolls it within itself
    const sticking = await phone.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => {
          if (element.getBoundingClientRect().right <= window.innerWidth + 1) return false;
          for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return false;
          return true;
        })
        .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 2).join('.')}${element.getAttribute('data-testid') ? `[${element.getAttribute('data-testid')}]` : ''}`)
        .slice(0, 12),
    );
    expect(sticking).toEqual([]);
  });

  it('edits the case: a new region moves it to that region, with a warning first; the lead then no longer sees it', async () => {
    const secretary = await signIn(Role.Secretary);
    await secretary.goto(`${office.baseUrl}/#/cases/${seifullin.id}/show`);
    await secretary.getByRole('link', { name: 'Изменить' }).click();
    await secretary.getByRole('textbox', { name: /^Имя заявителя/ }).fill('Айгерім Сәкенқызы');
    await secretary.getByRole('combobox', { name: /^Регион/ }).click();
    await secretary.getByRole('option', { name: /Жамбыл/ }).click();
    await secretary.getByTestId('region-move').getByText(/перейдёт рабочей группе региона/).waitFor();
    await screenshot('case-edit-region', secretary);
    await secretary.getByRole('button', { name: 'Сохранить' }).click();
    await secretary.getByRole('alert').filter({ hasText: /Дело сохранено и передано/ }).waitFor();
    const moved = await ok((await api(Role.Secretary)).get<{ regionCode: string; applicant: { name: string } }>(`/api/cases/${seifullin.id}`));
    expect(moved).toMatchObject({ regionCode: 'ZHA', applicant: { name: 'Айгерім Сәкенқызы' } });
    expect((await (await api(Role.WgLead)).get(`/api/cases/${seifullin.id}`)).status).toBe(404);
  });

  it('shows a citizen who scans the QR code a page saying whose certificate, which decision and that it is valid, in Kazakh and Russian', async () => {
    const citizen = await office.newPage({ width: 390, height: 844 });
    await citizen.goto(`${office.publicUrl}/certificates/${verificationCode}?lang=kk`);
    await citizen.getByRole('heading', { name: 'Анықтама жарамды' }).waitFor();
    await citizen.getByText('Мағжан Жұмабаев').waitFor();
    await screenshot('certificate-check-kk', citizen);
    await citizen.getByRole('link', { name: 'Русский' }).click();
    await citizen.getByRole('heading', { name: 'Справка действительна' }).waitFor();
    await citizen.getByText(/^№ .+ от \d{2}\.\d{2}\.\d{4}$/).waitFor();
    const body = await citizen.locator('body').innerText();
    expect(body).not.toContain('Әлия Мағжанқызы');
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot('certificate-check-ru', citizen);
    expect(problems).toEqual([]);
  });
});
