import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from './back-office.js';

const login = (role: Role) => demoLogins.find((entry) => entry.role === role)!;

/** Screenshots of each step, for a person to look at; the folder is git-ignored. */
const screenshots = fileURLToPath(new URL('../screenshots/lifecycle/', import.meta.url));

// The back office opens in Russian (the default locale) on a browser that has chosen nothing yet.
const ru = {
  signedIn: /^Вы вошли как /,
  nextSteps: 'Следующие шаги',
  status: {
    submitted: 'Подано',
    intake: 'Приёмка',
    archive: 'Архивная проверка',
    workingGroup: 'Рассмотрение рабочей группой',
    commission: 'Рассмотрение комиссией',
    rehabilitated: 'Реабилитирован',
    certificateIssued: 'Справка выдана',
  },
};

const today = () => new Date().toISOString().slice(0, 10);

describe('one case through its whole lifecycle, in the back office, as the people who work it', () => {
  const office = new BackOffice();
  const problems: string[] = [];
  const pages = new Map<Role, Page>();
  let caseUrl = '';
  let caseNumber = '';
  let shot = 0;

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    await office.start();
  });

  afterAll(async () => {
    expect(await office.stop()).toBe(0);
  });

  // A failed step leaves a picture of every signed-in page, to see what the user saw.
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const [role, page] of pages) await screenshot(page, `FAILED-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}-${role}`).catch(() => undefined);
  });

  /** Each role signs in once, in a browser profile of its own, and keeps its page. */
  async function as(role: Role): Promise<Page> {
    const open = pages.get(role);
    if (open) return open;
    const { email, password } = login(role);
    const page = await office.newPage({ width: 1280, height: 1000 });
    page.setDefaultTimeout(20_000);
    // A screen that throws shows react-admin's error page; the browser's console says why.
    page.on('pageerror', (error) => problems.push(`${role}: ${error.message}`));
    page.on('console', (message) => void (message.type() === 'error' && problems.push(`${role}: ${message.text()}`)));
    await page.getByRole('textbox', { name: 'Электронная почта' }).fill(email);
    await page.getByLabel(/^Пароль/).fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByText(ru.signedIn).waitFor();
    pages.set(role, page);
    return page;
  }

  const screenshot = async (page: Page, name: string) => {
    shot += 1;
    await page.screenshot({ path: `${screenshots}${String(shot).padStart(2, '0')}-${name}.png`, fullPage: true, animations: 'disabled' });
  };

  /** Opens the case afresh, as a person coming back to it later would (the URL differs only after its `#`). */
  async function openCase(page: Page, tab?: string): Promise<void> {
    await page.goto(caseUrl);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Дело ${caseNumber}` }).waitFor();
    if (tab) await page.getByRole('tab', { name: tab }).click();
  }

  /** Clicks a step of the transitions panel and waits for the status chip it leads to. */
  async function takeStep(page: Page, step: string, status: string, reason?: string): Promise<void> {
    await page.getByRole('button', { name: step, exact: true }).click();
    if (reason) {
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Основания' }).fill(reason);
      await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    }
    await page.getByRole('alert').filter({ hasText: `Выполнено: ${step}` }).waitFor();
    await statusIs(page, status);
  }

  /** Picks an option of a select; opens the list again if it closed before the click (a re-render may close it). */
  async function choose(page: Page, combobox: RegExp | string, option: RegExp | string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      await page.getByRole('combobox', { name: combobox }).click();
      try {
        await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click({ timeout: 5_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
        await page.keyboard.press('Escape');
      }
    }
  }

  const statusIs = (page: Page, status: string) => page.locator('.MuiChip-root').filter({ hasText: new RegExp(`^${status}$`) }).first().waitFor();

  it('the secretary registers the application and accepts it for archive verification', async () => {
    const page = await as(Role.Secretary);
    await page.getByRole('menuitem', { name: 'Дела', exact: true }).click();
    await page.getByRole('link', { name: 'Создать' }).click();
    await choose(page, 'Регион', 'Алматинская область');
    await choose(page, 'Категория', 'Осуждённые за «контрреволюционные» преступления');
    await page.getByRole('textbox', { name: 'Имя заявителя' }).fill('Айгерім Нұрланқызы');
    await page.getByRole('textbox', { name: 'Родство' }).fill('немересі');
    // The registry already holds the grandfather from a Book of Memory: the case links that person, found by
    // another spelling, instead of creating him again.
    await page.getByRole('combobox', { name: 'Лицо в реестре' }).fill('Жұмабаев');
    await page.getByRole('option', { name: 'Жумабаев Кабдолла (1896)' }).click();
    await page.getByRole('button', { name: 'Сохранить' }).click();

    const heading = page.getByRole('heading', { level: 1, name: /^Дело ALM-/ });
    await heading.waitFor();
    caseNumber = (await heading.textContent())!.replace(/^Дело /, '');
    caseUrl = page.url();
    await page.getByRole('link', { name: 'Жумабаев Кабдолла' }).waitFor();
    await takeStep(page, 'Подать', ru.status.submitted);
    await takeStep(page, 'Начать приёмку', ru.status.intake);
    await takeStep(page, 'Принять к проверке', ru.status.archive);
    await screenshot(page, 'secretary-accepted');
  });

  it('the working-group member sends a request to the special archive', async () => {
    const page = await as(Role.WgMember);
    await openCase(page, 'Архивные запросы');
    await page.getByRole('button', { name: 'Отправить архивный запрос' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'Архив', 'Специальный государственный архив Министерства внутренних дел Республики Казахстан');
    await dialog.getByRole('textbox', { name: 'Что ищем' }).fill('Следственное дело Жумабаева Кабдоллы, арестован в 1937 г., Каскеленский район');
    await dialog.getByRole('button', { name: 'Отправить архивный запрос' }).click();
    await page.getByRole('alert').filter({ hasText: 'Архивный запрос отправлен' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'SPEC-MVD' }).filter({ hasText: 'Отправлен' }).waitFor();
    // Verification cannot complete while the request is open: the button says why.
    await page.getByTestId('why-not-complete-verification').waitFor();
    await screenshot(page, 'member-request-sent');
  });

  it('the liaison of that archive takes the request, uploads the scan with its reference, and answers', async () => {
    const page = await as(Role.ArchiveLiaison);
    await page.getByRole('menuitem', { name: 'Архивные запросы', exact: true }).click();
    await page.getByRole('row').filter({ hasText: caseNumber }).first().click();
    await page.getByRole('button', { name: 'Взять в работу' }).click();
    await page.getByRole('alert').filter({ hasText: 'Запрос взят в работу' }).waitFor();

    // A "scan" drawn by the browser itself: a page of the troika's protocol as a PNG.
    const scan = await office.newPage({ width: 700, height: 260 });
    await scan.setContent(
      '<body style="font: 28px serif; padding: 24px; background: #fff"><p>Протокол № 34 заседания тройки УНКВД по Алма-Атинской области</p><p>25.02.1938</p></body>',
    );
    const png = await scan.screenshot({ type: 'png' });
    await scan.close();

    await choose(page, /Вид документа/, 'Протокол тройки');
    await page.getByRole('textbox', { name: 'Архивный шифр' }).fill('ф. 2, оп. 1, д. 11573, л. 1–40');
    await page.getByRole('textbox', { name: 'Дата документа' }).fill('25.02.1938');
    await page.getByTestId('evidence-file-input').setInputFiles({ name: 'delo-11573-l31.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Документ загружен' }).waitFor();
    // The reference as the API parsed it, beside the scan itself.
    const detail = page.getByTestId('evidence-detail');
    await detail.getByTestId('parsed-reference').filter({ hasText: 'Дело: 11573' }).waitFor();
    await detail.getByTestId('evidence-image').waitFor();
    await screenshot(page, 'liaison-uploaded');

    await page.getByRole('button', { name: 'Ответить', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Ответ' }).fill('ф. 2, оп. 1, д. 11573, л. 1–40: следственное дело найдено, скан приложен');
    await dialog.getByRole('button', { name: 'Ответить' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ответ записан' }).waitFor();
    await page.locator('.MuiChip-root').filter({ hasText: /^Ответ дан$/ }).first().waitFor();
  });

  it('the member sees the checks finish without a reload, verifies the scan, completes verification and drafts the conclusion', async () => {
    const page = await as(Role.WgMember);
    await openCase(page, 'Документы');
    await page.getByRole('button', { name: 'delo-11573-l31.png' }).click();
    // The checks (type, duplicate, malware, text, OCR) run in the worker; the tab follows them as they go.
    await page.getByTestId('checks-summary').and(page.locator('[data-state="passed"]')).waitFor({ timeout: 60_000 });
    await screenshot(page, 'member-checks-passed');
    await page.getByRole('button', { name: 'Подтвердить', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Документ подтверждён' }).waitFor();
    // What OCR read is searchable: the protocol is found by a word on it, and a word not on it finds nothing.
    const search = page.getByRole('searchbox', { name: 'Поиск по тексту документов' });
    await search.fill('Протокол');
    await page.getByTestId('evidence-row').filter({ hasText: 'delo-11573-l31.png' }).waitFor();
    await search.fill('Байтурсынов');
    await page.getByText('Ни в одном документе нет этих слов.').waitFor();
    await search.fill('');

    await takeStep(page, 'Завершить проверку', ru.status.workingGroup);

    await page.getByRole('tab', { name: 'Заключение' }).click();
    await choose(page, 'Рекомендация', 'Рекомендовать реабилитацию');
    await page.getByRole('combobox', { name: 'Правовое основание' }).click();
    await page.getByRole('option').first().click();
    await page
      .getByRole('textbox', { name: 'Обоснование' })
      .fill('Осуждён тройкой УНКВД по Алма-Атинской области (протокол № 34 от 25.02.1938, л. 31–32): внесудебный орган.');
    // The conclusion cites the verified scan (one page: sheet 31 of the delo) and says what it proves.
    await page.getByRole('button', { name: 'Добавить', exact: true }).click();
    await choose(page, 'Документ', /^✓ Протокол тройки, ф\. 2, оп\. 1, д\. 11573/);
    await page.getByRole('spinbutton', { name: 'Со страницы' }).fill('1');
    await page.getByRole('textbox', { name: 'Что доказывают эти страницы' }).fill('приговор тройки от 25.02.1938');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('alert').filter({ hasText: 'Заключение сохранено' }).waitFor();
    await page.getByText('Ещё не подписано').waitFor();
    await page.getByTestId('cited-evidence').getByText('delo-11573-l31.png · стр. 1').waitFor();
    await screenshot(page, 'member-conclusion');
  });

  it('the lead signs the conclusion and passes the case to the commission', async () => {
    const page = await as(Role.WgLead);
    await openCase(page, 'Заключение');
    await page.getByRole('button', { name: 'Подписать' }).click();
    // Signing asks first, then names the signer.
    await page.getByRole('dialog').getByRole('button', { name: 'Подписать' }).click();
    await page.getByRole('alert').filter({ hasText: 'Подписано' }).waitFor();
    await page.getByTestId('conclusion-signature').filter({ hasText: `Подписано: ${login(Role.WgLead).displayName}` }).waitFor();
    await takeStep(page, 'Передать в комиссию', ru.status.commission);
    await screenshot(page, 'lead-signed');
  });

  it('the secretary plans a session, records attendance and puts the case on the agenda', async () => {
    const page = await as(Role.Secretary);
    await page.getByRole('menuitem', { name: 'Заседания комиссии', exact: true }).click();
    await page.getByRole('link', { name: 'Создать' }).click();
    await page.getByLabel('Дата').fill(today());
    await page.getByRole('textbox', { name: 'Место' }).fill('Астана, Дом министерств');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Повестка').waitFor();
    for (const name of [login(Role.CommissionMember).displayName, login(Role.Chair).displayName]) {
      const present = page.getByRole('checkbox', { name: new RegExp(name) });
      // The box shows the attendance the API recorded, so it ticks once the answer is back.
      await present.click();
      await page.getByRole('alert').filter({ hasText: 'Явка сохранена' }).last().waitFor();
      await expect.poll(() => present.isChecked()).toBe(true);
    }
    // the agenda offers the cases awaiting the commission, by number and names
    await page.getByRole('combobox', { name: /^Дело, ожидающее комиссии/ }).fill(caseNumber);
    await page.getByRole('option', { name: new RegExp(caseNumber) }).click();
    await page.getByRole('button', { name: 'Включить в повестку' }).click();
    await page.getByRole('alert').filter({ hasText: 'Дело включено в повестку' }).waitFor();
    await page.getByText(caseNumber).first().waitFor();
    await screenshot(page, 'secretary-agenda');
  });

  it('the commission members vote, the chair with them, and the chair records the decision', async () => {
    for (const role of [Role.CommissionMember, Role.Chair]) {
      const page = await as(role);
      await page.getByRole('menuitem', { name: 'Заседания комиссии', exact: true }).click();
      await page.getByRole('row').nth(1).click();
      await choose(page, 'Голос', 'За');
      await page.getByRole('button', { name: 'Проголосовать' }).click();
      // A vote cannot be taken back: the screen asks once more.
      await page.getByRole('dialog').getByRole('button', { name: 'Проголосовать' }).click();
      await page.getByRole('alert').filter({ hasText: 'Голос учтён' }).waitFor();
      await screenshot(page, `${role}-voted`);
    }

    const chair = await as(Role.Chair);
    await chair.getByText('Кворум есть').first().waitFor();
    await openCase(chair);
    await takeStep(
      chair,
      'Реабилитировать',
      ru.status.rehabilitated,
      'Осуждён внесудебным органом (тройкой УНКВД); подлежит реабилитации по Закону от 14 апреля 1993 года.',
    );
    await chair.getByRole('tab', { name: 'Голосование и решение' }).click();
    await chair.getByTestId('case-votes').getByText(/^Решение .+: Реабилитирован$/).waitFor();
    await screenshot(chair, 'chair-decided');
  });

  it('the secretary issues the certificate once the worker has rendered it', async () => {
    const page = await as(Role.Secretary);
    const issue = page.getByRole('button', { name: 'Выдать справки', exact: true });
    // The certificate is rendered in the background; the step waits for it, so look again until it may be taken.
    const deadline = Date.now() + 60_000;
    for (;;) {
      await openCase(page);
      await issue.waitFor();
      if (await issue.isEnabled()) break;
      if (Date.now() > deadline) throw new Error('the certificate was not rendered within a minute');
      await page.waitForTimeout(1_500);
    }
    await takeStep(page, 'Выдать справки', ru.status.certificateIssued);
    await page.getByRole('tab', { name: 'Справки' }).click();
    await page.getByText('Код проверки').first().waitFor();
    await screenshot(page, 'secretary-certificate');
  });

  it('a working group of another region cannot open the case', async () => {
    // The secretary registers a case of Zhambyl Region; the Almaty working group must not see it.
    const secretary = await as(Role.Secretary);
    await secretary.getByRole('menuitem', { name: 'Дела', exact: true }).click();
    await secretary.getByRole('link', { name: 'Создать' }).click();
    await choose(secretary, 'Регион', 'Жамбылская область');
    await choose(secretary, 'Категория', 'Осуждённые за «контрреволюционные» преступления');
    await secretary.getByRole('textbox', { name: 'Имя заявителя' }).fill('Болат Серікұлы');
    await secretary.getByRole('textbox', { name: 'Имя (на казахском)' }).fill('Рысқұлов Тұрар');
    await secretary.getByRole('button', { name: 'Сохранить' }).click();
    await secretary.getByRole('heading', { level: 1, name: /^Дело ZHA-/ }).waitFor();
    const otherRegion = secretary.url();

    const member = await as(Role.WgMember);
    await member.goto(otherRegion);
    await member.reload();
    // Out of scope answers 404, as if there were no such case: react-admin says so and goes back to the list.
    await member.getByRole('alert').filter({ hasText: 'Запись не существует' }).waitFor();
    expect(await member.getByRole('heading', { level: 1, name: /^Дело ZHA-/ }).count()).toBe(0);
    await screenshot(member, 'member-other-region-refused');
    // The browser logs each refused request itself: a 404 is how the API says "not yours" (and "none yet",
    // e.g. no conclusion drafted), so those are expected; anything else on any page is a fault.
    // The secretary's dashboard: the map shades the open case of Zhambyl Region, not Almaty's, which is done.
    await secretary.getByRole('menuitem', { name: 'Главная', exact: true }).click();
    await secretary.locator('[data-testid="region-ZHA"]:not([data-shade="0"])').waitFor();
    expect(await secretary.getByTestId('region-ALM').getAttribute('data-shade')).toBe('0');
    await secretary.getByRole('heading', { name: 'Дела по этапам' }).waitFor();
    await screenshot(secretary, 'secretary-dashboard');

    expect(problems.filter((text) => !/Failed to load resource: the server responded with a status of 404/.test(text))).toEqual([]);
  });
});
