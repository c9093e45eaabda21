import AxeBuilder from '@axe-core/playwright';
import { type LoginResponse, Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import ExcelJS from 'exceljs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from './back-office.js';

/**
 * Every role walks its main screens in Kazakh and in Russian, on a desktop (1366 px) and on a phone
 * (390 px): no English sentence, no raw translation key, no sideways scrolling, no button without a label,
 * and no serious or critical accessibility fault (axe-core, contrast included). Then the steps that must
 * ask first (signing a conclusion) and the lists Excel writes (`;` in windows-1251, XLSX).
 */

const screenshots = fileURLToPath(new URL('../screenshots/languages/', import.meta.url));
const login = (role: Role) => demoLogins.find((entry) => entry.role === role)!;
type Locale = 'kk' | 'ru';
const widths = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** Latin words that may stand on a Kazakh or Russian screen: the product, file kinds, units and formats. */
const allowedLatin = /\b(Aqtalu|CSV|XLSX|PDF|PNG|JPEG|TIFF|OCR|QR|UTF-8|UTF-16LE|Windows-1251|TOTP|ID|URL|API|PostgreSQL|Redis|BullMQ|kk|ru|en|English|MB|KB|GB)\b/g;

/** English words a translation gap leaves behind (react-admin's and MUI's own, and ours). */
const englishWords =
  /\b(No options|Loading|Rows per page|of|Search|Save|Cancel|Delete|Edit|Show|Create|Export|Filter|Close|Open|Next|Previous|results|Add|Remove|Refresh|Actions|Required|Back|Dashboard|Logout|Sign|Signed|Submit|Nothing|found|Error|Name|Date|Status|the|and|with|from|this|that|not|none|yet|Page)\b/;

/** What a translation gap looks like: a dotted key of ours or react-admin's, or an English phrase. */
function languageProblems(text: string): string[] {
  const problems: string[] = [];
  for (const key of text.matchAll(/\b(?:ra|resources|aqtalu)\.[\w-]+(?:\.[\w-]+)+/g)) problems.push(`raw key: ${key[0]}`);
  const cleaned = text
    .replace(/\S+@\S+/g, ' ') // e-mail addresses
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+\.(?:png|pdf|csv|xlsx|jpe?g|tiff?|txt)\b/gi, ' ') // file names
    .replace(/\b[\w-]*\d[\w-]*\b/g, ' ') // case numbers, codes with digits
    .replace(/\b[A-Z][A-Z_-]+\b/g, ' ') // codes in capitals
    .replace(allowedLatin, ' ');
  for (const phrase of cleaned.matchAll(/\b[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,})+\b/g)) problems.push(`English: "${phrase[0]}"`);
  const word = englishWords.exec(cleaned);
  if (word) problems.push(`English word: "${word[0]}" in "${cleaned.slice(Math.max(0, word.index - 30), word.index + 30).replace(/\s+/g, ' ')}"`);
  return problems;
}

// The two scripts below run in the page (written as text: this project's TypeScript has no DOM types).

/** Everything a person reads or hears on the page: its text, and the labels and placeholders of its controls. */
const readable = (page: Page): Promise<string> =>
  page.evaluate(`(() => {
    // Text marked as another language (a dictionary's English name, lang="en") is data, not a translation gap.
    const other = [...document.querySelectorAll('body [lang]')].filter((element) => element.getAttribute('lang') !== document.documentElement.lang);
    const hidden = other.map((element) => [element, element.style.display]);
    for (const element of other) element.style.display = 'none';
    const text = document.body.innerText;
    for (const [element, display] of hidden) element.style.display = display;
    const labels = [...document.querySelectorAll('[aria-label], [placeholder], [title]')]
      .filter((element) => element.offsetParent !== null)
      .flatMap((element) => ['aria-label', 'placeholder', 'title'].map((name) => element.getAttribute(name) ?? ''));
    return text + '\\n' + labels.join('\\n');
  })()`);

/** What is wrong with the page's layout at this width: sideways scrolling, buttons that show nothing. */
const layoutProblems = (page: Page): Promise<string[]> =>
  page.evaluate(`(() => {
    const problems = [];
    const failed = document.querySelector('.RaError-root');
    if (failed) problems.push('the error page is shown: ' + failed.innerText.slice(0, 120));
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    if (overflow > 1) {
      const wide = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1 && element.offsetParent !== null)
        .filter((element) => getComputedStyle(element).position !== 'fixed')
        .slice(-3)
        .map((element) => element.tagName.toLowerCase() + '.' + [...element.classList].slice(0, 2).join('.'));
      problems.push('the page scrolls sideways by ' + overflow + ' px (' + wide.join(', ') + ')');
    }
    for (const button of document.querySelectorAll('button, [role="button"]')) {
      if (button.offsetParent === null) continue;
      const shows = (button.innerText ?? '').trim() !== '' || button.querySelector('svg, img') !== null;
      if (!shows) problems.push('a button shows nothing: ' + (button.getAttribute('aria-label') ?? button.outerHTML.slice(0, 80)));
    }
    return problems;
  })()`);

/** Waits until react-admin has stopped loading: no spinner, no skeleton (the notifications' polling keeps the network busy). */
async function settled(page: Page): Promise<void> {
  const loaders = page.locator('.RaLoading-root, .MuiCircularProgress-root, .MuiSkeleton-root, .MuiLinearProgress-indeterminate').first();
  await page.waitForLoadState('domcontentloaded');
  await page.waitForTimeout(400);
  await loaders.waitFor({ state: 'hidden', timeout: 8_000 }).catch(() => undefined);
  // react-admin shows its loading page only after a second of waiting: look again once that second has passed
  await page.waitForTimeout(700);
  await loaders.waitFor({ state: 'hidden', timeout: 8_000 }).catch(() => undefined);
  // and let transitions (fades, ripples) end, or axe measures colours half-way
  await page.evaluate(`Promise.race([Promise.all(document.getAnimations().map((animation) => animation.finished)), new Promise((done) => setTimeout(done, 1000))])`).catch(() => undefined);
}

/** windows-1251 bytes of a text of Cyrillic (Kazakh letters have no place in it), ASCII and the `№` sign. */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (char === 'Ё') return 0xa8;
      if (char === 'ё') return 0xb8;
      if (char === '№') return 0xb9;
      if (code > 0x7f) throw new Error(`not in windows-1251: ${char}`);
      return code;
    }),
  );
}

describe('the back office in Kazakh and Russian, on a desktop and on a phone', () => {
  const office = new BackOffice();
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];
  let shot = 0;
  let signingCase = { id: '', number: '' };
  let liaisonRequestId = '';

  /** The API as a signed-in demo user, for the data the screens show. */
  const apiTokens = new Map<Role, { token: string; until: number }>();
  async function api<T>(role: Role, method: string, path: string, body?: unknown): Promise<T> {
    // An access token lives 15 minutes; the walk takes longer, so sign in again well before that.
    const cached = apiTokens.get(role);
    if (!cached || cached.until < Date.now()) apiTokens.set(role, { token: (await signIn(role)).accessToken, until: Date.now() + 5 * 60_000 });
    const token = apiTokens.get(role)!.token;
    const response = await fetch(`${office.baseUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} as ${role}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  let signIns = 0;
  /** A sign-in of its own; each from another address, as the API limits sign-ins per address and minute. */
  async function signIn(role: Role): Promise<LoginResponse> {
    const { email, password } = login(role);
    signIns += 1;
    const response = await fetch(`${office.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.77.${Math.floor(signIns / 200)}.${signIns % 200}` },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(`login of ${email}: ${response.status} ${await response.text()}`);
    return (await response.json()) as LoginResponse;
  }

  const move = async (role: Role, caseId: string, transition: string, extra: Record<string, unknown> = {}) => {
    const current = await api<{ version: number }>(role, 'GET', `/cases/${caseId}`);
    await api(role, 'POST', `/cases/${caseId}/transitions/${transition}`, { version: current.version, ...extra });
  };

  /** A case of Almaty Region through intake and archive verification, its conclusion drafted (not signed). */
  async function caseWithDraftedConclusion(applicant: string, subject: { nameKk: string; nameRu: string }) {
    const created = await api<{ id: string; number: string }>(Role.Secretary, 'POST', '/cases', {
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      summary: 'Өтініш / заявление родственника',
      applicant: { kind: 'relative', name: applicant, kinship: 'немересі', kinshipProof: 'туу туралы куәлік' },
      subjects: [subject],
    });
    for (const step of ['submit', 'start-intake', 'accept-for-verification']) await move(Role.Secretary, created.id, step);
    const request = await api<{ id: string; version: number }>(Role.WgMember, 'POST', `/cases/${created.id}/archive-requests`, {
      archiveCode: 'SPEC-MVD',
      sought: 'Тергеу ісі / следственное дело',
    });
    await api(Role.ArchiveLiaison, 'POST', `/archive-requests/${request.id}/actions/answer`, { version: request.version, note: 'ф. 2, оп. 1, д. 11573' });
    await move(Role.WgMember, created.id, 'complete-verification');
    await api(Role.WgMember, 'POST', `/cases/${created.id}/conclusion`, {
      recommendation: 'rehabilitate',
      reasoning: 'Осуждён внесудебным органом (тройкой УНКВД), протокол № 34 от 25.02.1938.',
      legalArticleCode: 'law1993-art3',
    });
    return created;
  }

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    await office.start();
    // What the screens show: a case waiting for the lead's signature, another on a session's agenda, and an
    // archive request the liaison has taken and must answer.
    signingCase = await caseWithDraftedConclusion('Айгерім Нұрланқызы', { nameKk: 'Жұмабаев Қабдолла', nameRu: 'Жумабаев Кабдолла' });
    const onAgenda = await caseWithDraftedConclusion('Болат Серікұлы', { nameKk: 'Сейфуллин Сәкен', nameRu: 'Сейфуллин Сакен' });
    const conclusion = await api<{ version: number }>(Role.WgLead, 'GET', `/cases/${onAgenda.id}/conclusion`);
    await api(Role.WgLead, 'POST', `/cases/${onAgenda.id}/conclusion/sign`, { version: conclusion.version });
    await move(Role.WgLead, onAgenda.id, 'submit-to-commission');
    const session = await api<{ id: string }>(Role.Secretary, 'POST', '/commission/sessions', { date: new Date().toISOString().slice(0, 10), place: 'Астана' });
    await api(Role.Secretary, 'POST', `/commission/sessions/${session.id}/agenda`, { caseId: onAgenda.id }).catch((error: Error) =>
      problems.push(`agenda: ${error.message}`),
    );
    const third = await api<{ id: string }>(Role.Secretary, 'POST', '/cases', {
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      summary: 'Заявление',
      applicant: { kind: 'relative', name: 'Дана Әлиқызы', kinship: 'қызы', kinshipProof: 'куәлік' },
      subjects: [{ nameKk: 'Байтұрсынұлы Ахмет', nameRu: 'Байтурсынов Ахмет' }],
    });
    for (const step of ['submit', 'start-intake', 'accept-for-verification']) await move(Role.Secretary, third.id, step);
    const request = await api<{ id: string; version: number }>(Role.WgMember, 'POST', `/cases/${third.id}/archive-requests`, {
      archiveCode: 'SPEC-MVD',
      sought: 'Тройка хаттамасы / протокол тройки, 1937',
    });
    const taken = await api<{ version: number }>(Role.ArchiveLiaison, 'POST', `/archive-requests/${request.id}/actions/start`, { version: request.version });
    expect(taken.version).toBeGreaterThan(request.version);
    liaisonRequestId = request.id;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    expect(await office.stop()).toBe(0);
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const browserContext of contexts) {
      for (const page of browserContext.pages()) {
        await shoot(page, `FAILED-${context.task.name.slice(0, 30).replace(/\W+/g, '-')}`).catch(() => undefined);
        // What assistive technology (and getByRole) sees of the page, for the log.
        console.log(page.url(), (await page.locator('body').ariaSnapshot().catch(() => '')).slice(0, 3000));
      }
    }
  });

  const shoot = async (page: Page, name: string) => {
    shot += 1;
    await page.screenshot({ path: `${screenshots}${String(shot).padStart(3, '0')}-${name}.png`, fullPage: true, animations: 'disabled' });
  };

  /** A browser profile of its own, signed in as `role` through the sign-in form, in `locale`. */
  async function open(role: Role, locale: Locale): Promise<Page> {
    const { email, password } = login(role);
    const page = await office.newPage(widths.desktop);
    contexts.push(page.context());
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(`${role}/${locale}: ${error.message}`));
    await page.getByRole('textbox', { name: 'Электронная почта' }).fill(email);
    await page.getByLabel(/^Пароль/).fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.locator('#main-content, main').first().waitFor();
    await page.evaluate(`localStorage.setItem('RaStore.locale', ${JSON.stringify(JSON.stringify(locale))});`);
    await page.reload();
    await page
      .locator('#main-content, main')
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(`${role}/${locale}: the back office did not open at ${page.url()}: ${(await page.locator('body').innerText()).slice(0, 300)}`, { cause: error });
      });
    return page;
  }

  /** The screens of the role's menu (read at desktop width, where the menu is open), dashboard first. */
  async function mainScreens(page: Page): Promise<string[]> {
    await settled(page);
    const links: string[] = await page.evaluate(`[...document.querySelectorAll('[role="menuitem"][href]')].map((item) => item.getAttribute('href') ?? '')`);
    // The reference dictionaries share one screen: the archives stand for all of them.
    const dictionaries = /^#\/(regions|victim-categories|legal-articles|sentencing-bodies|criminal-articles|sentence-kinds|camps)$/;
    return ['#/', ...new Set(links.filter((href) => href.startsWith('#/') && href !== '#/' && !dictionaries.test(href)))];
  }

  /** One screen checked: words, layout and, when asked, accessibility. */
  async function check(page: Page, where: string, withAxe: boolean): Promise<string[]> {
    await settled(page);
    const found = [...languageProblems(await readable(page)), ...(await layoutProblems(page))];
    if (withAxe) {
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      for (const violation of violations.filter((item) => item.impact === 'serious' || item.impact === 'critical')) {
        const nodes = violation.nodes.slice(0, 3).map((node) => `${node.html.slice(0, 120)} — ${(node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)}`);
        found.push(`axe ${violation.id} (${violation.impact}): ${nodes.join(' | ')}`);
      }
    }
    return found.map((problem) => `${where}: ${problem}`);
  }

  /** The screens of a list's first record, the ones people work in. */
  async function firstRecord(page: Page, href: string): Promise<string | null> {
    if (!/^#\/(cases|archive-requests|commission-sessions|persons|users)$/.test(href)) return null;
    await settled(page);
    const row = page.locator('.RaDataTable-row, .RaDatagrid-row, .MuiTableBody-root tr').first();
    if ((await row.count()) === 0) return null;
    await row.click();
    await page.waitForURL(/\/show|\/\w{8}-\w{4}-/, { timeout: 10_000 }).catch(() => undefined);
    return new URL(page.url()).hash;
  }

  const roles = [Role.Secretary, Role.WgMember, Role.WgLead, Role.ArchiveLiaison, Role.CommissionMember, Role.Chair, Role.Admin, Role.Auditor];

  // The full walk takes about half an hour on two cores; it runs on demand with AQTALU_LANGUAGE_WALK=1 (one role:
  // -t "chair in ru"). The short walk below is its always-on part.
  const walk = process.env.AQTALU_LANGUAGE_WALK === '1';
  for (const locale of ['kk', 'ru'] as const) {
    for (const role of roles) {
      it.runIf(walk)(`${role} in ${locale}: main screens at 1366 and 390 px read in ${locale} only, fit the width, and pass axe`, { timeout: 900_000 }, async () => {
        const page = await open(role, locale);
        const screens = await mainScreens(page);
        const found: string[] = [];
        const records: string[] = [];
        for (const href of screens) {
          await page.goto(`${office.baseUrl}/${href}`);
          found.push(...(await check(page, `${role}/${locale}/1366 ${href}`, locale === 'ru')));
          const record = await firstRecord(page, href);
          if (record) {
            records.push(record);
            found.push(...(await check(page, `${role}/${locale}/1366 ${record}`, locale === 'ru')));
          }
        }
        await shoot(page, `${role}-${locale}-desktop`);
        await page.setViewportSize(widths.phone);
        for (const href of [...screens, ...records]) {
          await page.goto(`${office.baseUrl}/${href}`);
          found.push(...(await check(page, `${role}/${locale}/390 ${href}`, locale === 'kk')));
        }
        await shoot(page, `${role}-${locale}-phone`);
        expect(found).toEqual([]);
      });
    }
  }

  // The short walk, always on: the screens a working-group member lives in, on a phone, in both languages,
  // with axe (the whole walk above is the long version). The events and the archives' inventories are the lists
  // with the most filters (and the inventory with its tree beside the files), the possible duplicates a table
  // that stays one on a phone: a working group reads all three.
  it('the dashboard, the cases, a case, the registry, its duplicates, the events and the inventories at 390 px read in kk and ru only, fit the width, and pass axe', { timeout: 180_000 }, async () => {
    const found: string[] = [];
    const page = await open(Role.WgMember, 'kk');
    page.on('pageerror', (error) => found.push(`page error: ${error.message}`));
    await page.setViewportSize(widths.phone);
    for (const locale of ['kk', 'ru'] as const) {
      if (locale !== 'kk') {
        await page.evaluate(`localStorage.setItem('RaStore.locale', ${JSON.stringify(JSON.stringify(locale))});`);
        await page.reload();
      }
      for (const href of ['#/', '#/cases', `#/cases/${signingCase.id}/show`, '#/persons', '#/duplicates', '#/events', '#/inventory']) {
        await page.goto(`${office.baseUrl}/${href}`);
        found.push(...(await check(page, `${Role.WgMember}/${locale}/390 ${href}`, true)));
      }
      await shoot(page, `short-walk-${locale}-phone`);
    }
    await page.context().close();
    expect(found).toEqual([]);
  });

  it('the liaison on a phone answers from the request page: both answers are labelled buttons on the screen', async () => {
    const page = await open(Role.ArchiveLiaison, 'ru');
    await page.setViewportSize(widths.phone);
    await page.goto(`${office.baseUrl}/#/archive-requests/${liaisonRequestId}/show`);
    await settled(page);
    for (const name of ['Ответить', 'Ничего не найдено']) {
      // By its text: the label shows on the button itself, not only in an aria-label.
      const button = page.locator('button', { hasText: new RegExp(`^${name}$`, 'i') });
      await button.waitFor();
      expect((await button.textContent())?.trim()).toBe(name);
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(widths.phone.width);
    }
    expect(await layoutProblems(page)).toEqual([]);
    await shoot(page, 'liaison-phone-request');
  });

  it('the lead signs the conclusion only after confirming, and the signature names the lead and the time', async () => {
    const page = await open(Role.WgLead, 'ru');
    await page.goto(`${office.baseUrl}/#/cases/${signingCase.id}/show`);
    await page.getByRole('tab', { name: 'Заключение' }).click();
    const sign = page.getByRole('button', { name: 'Подписать', exact: true });
    await sign.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Подписать заключение по делу ${signingCase.number}?`).waitFor();
    await shoot(page, 'lead-sign-confirm');
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await api<{ signedAt: string | null }>(Role.WgLead, 'GET', `/cases/${signingCase.id}/conclusion`)).signedAt).toBeNull();

    await sign.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Подписать' }).click();
    const signature = page.getByTestId('conclusion-signature');
    await signature.filter({ hasText: `Подписано: ${login(Role.WgLead).displayName}` }).waitFor();
    // dd.mm.yyyy, hh:mm in Kazakhstan's time, as every date of the back office.
    expect(await signature.innerText()).toMatch(/^Подписано: .+, \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    const today = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Asia/Almaty', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
    expect(await signature.innerText()).toContain(today);
    // Signed: the button is gone, the form closes as the case moves on.
    expect(await sign.count()).toBe(0);
    await shoot(page, 'lead-signed');
  });

  it('imports a list Excel wrote in Russian Windows (`;`, windows-1251) and an XLSX, previewed and applied', async () => {
    const page = await open(Role.Secretary, 'ru');
    const importList = async (file: { name: string; mimeType: string; buffer: Buffer }, expectDialect: RegExp | null, source: string) => {
      await page.goto(`${office.baseUrl}/#/imports`);
      await page.getByTestId('import-file-input').setInputFiles(file);
      const preview = page.getByRole('table', { name: 'Первые строки файла' });
      await preview.waitFor();
      if (expectDialect) expect(await page.getByTestId('import-dialect').innerText()).toMatch(expectDialect);
      // The place with a comma in it stays one cell.
      await preview.getByRole('cell', { name: 'Акмолинская обл., Сасыкколь' }).waitFor();
      expect(await page.getByRole('combobox', { name: 'ФИО полностью' }).innerText()).toBe('ФИО');
      await page.getByRole('textbox', { name: /Откуда список/ }).fill(source);
      await page.getByRole('button', { name: /Проверить/ }).click();
      await page.getByTestId('dry-run-report').filter({ hasText: /2 из 2/ }).waitFor();
      await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
      await page.locator('[data-testid="import-progress"][data-status="done"]').waitFor({ timeout: 60_000 });
      await shoot(page, `import-${file.name}`);
    };

    const csv = 'ФИО;Год рождения;Место рождения\r\nЖумабаев Магжан;1893;"Акмолинская обл., Сасыкколь"\r\nИсаев Ураз;1899;Тургай\r\n';
    await importList({ name: 'список-1937.csv', mimeType: 'text/csv', buffer: cp1251(csv) }, /Windows-1251.*точка с запятой/, 'Книга памяти, т. 2, с. 14');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Лист1');
    sheet.addRow(['ФИО', 'Год рождения', 'Место рождения']);
    sheet.addRow(['Жумабаев Магжан', 1893, 'Акмолинская обл., Сасыкколь']);
    sheet.addRow(['Исаев Ураз', 1899, 'Тургай']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    await importList(
      { name: 'список-1938.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx },
      null,
      'ЦГА РК, ф. 1137, оп. 1, д. 22',
    );
    expect(problems).toEqual([]);
  });
});
