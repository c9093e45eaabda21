import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from './back-office.js';

const member = demoLogins.find((entry) => entry.role === Role.WgMember)!;
const screenshots = fileURLToPath(new URL('../screenshots/registry/', import.meta.url));

const csv = (rows: string[]) => Buffer.from(['ФИО,Год рождения,Место рождения', ...rows].join('\n') + '\n', 'utf8');

describe('the registry of names in the back office: search, spellings, duplicates, import; the dashboard', () => {
  const office = new BackOffice();
  const problems: string[] = [];
  let page: Page;

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    await office.start();
    page = await office.newPage({ width: 1280, height: 1000 });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));
    await page.getByRole('textbox', { name: 'Электронная почта' }).fill(member.email);
    await page.getByLabel(/^Пароль/).fill(member.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByText(/^Вы вошли как /).waitFor();
  });

  afterAll(async () => {
    expect(await office.stop()).toBe(0);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await screenshot(`FAILED-${context.task.name.slice(0, 30).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  const screenshot = (name: string, on = page) => on.screenshot({ path: `${screenshots}${name}.png`, fullPage: true, animations: 'disabled' });

  it('opens on the dashboard with the charts, the map of the regions and what waits for the member', async () => {
    await page.getByTestId('region-ALM').waitFor();
    expect(await page.locator('[data-testid^="region-"]').count()).toBe(20);
    await page.getByRole('heading', { name: 'Мои задачи' }).waitFor();
    await page.getByRole('heading', { name: 'Просроченные архивные запросы' }).waitFor();
    await page.getByRole('heading', { name: 'Открытые дела на карте Казахстана' }).waitFor();
    await screenshot('dashboard');
  });

  it('finds a person by a Latin spelling, with the reasons it matched, and adds a spelling with its source', async () => {
    await page.getByRole('menuitem', { name: 'Реестр имён', exact: true }).click();
    await page.getByText(/Введите имя на любом письме/).waitFor();
    await page.getByRole('textbox', { name: 'Имя' }).fill('Zhumabayev Kabdolla');
    const hit = page.getByRole('row').filter({ hasText: 'Жумабаев Кабдолла' }).first();
    await hit.waitFor();
    expect(await hit.getByTestId('match-reasons').locator('.MuiChip-root').count()).toBeGreaterThan(0);
    await screenshot('search');

    await hit.click();
    await page.getByTestId('variants').waitFor();
    await page.getByText('Книга памяти Алматинской области').first().waitFor();
    await page.getByRole('button', { name: 'Добавить написание' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Полное имя, как написано' }).fill('Жұмабаев Қабдолла');
    await dialog.getByRole('textbox', { name: 'Источник' }).fill('Алматы облысының Естелік кітабы, 2-т., 114-б.');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('alert').filter({ hasText: 'Написание добавлено' }).waitFor();
    await page.getByTestId('variants').getByText('Жұмабаев Қабдолла').waitFor();
    await screenshot('person');
  });

  it('adds a person by hand and reviews the duplicates it brings up side by side', async () => {
    await page.getByRole('menuitem', { name: 'Реестр имён', exact: true }).click();
    await page.getByRole('link', { name: 'Создать' }).click();
    await page.getByRole('textbox', { name: 'Полное имя, как написано' }).fill('Байтурсынов Ахмет Байтурсынович');
    await page.getByRole('textbox', { name: 'Источник' }).fill('Список ОГПУ по Казакской АССР, 1929');
    await page.getByRole('textbox', { name: 'Год рождения' }).fill('1872');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByTestId('variants').getByText('Байтурсынов Ахмет Байтурсынович').waitFor();

    // Duplicate detection runs in the worker: the list shows the pairs once it has.
    await page.getByRole('menuitem', { name: 'Возможные дубликаты', exact: true }).click();
    // The person page just left has rows with the name too: look only once the list is there, with its pairs or,
    // before the worker has proposed any, its empty message.
    await page.getByRole('columnheader', { name: 'Персона A' }).or(page.getByText(/^Пар нет: /)).waitFor();
    const pair = page.getByRole('row').filter({ hasText: /Байт/ }).first();
    for (let attempt = 0; !(await pair.isVisible()); attempt += 1) {
      if (attempt > 20) throw new Error('no duplicate was proposed within 30 s');
      await page.waitForTimeout(1_500);
      await page.getByRole('button', { name: 'Обновить' }).click();
    }
    await pair.getByRole('button', { name: 'Сравнить' }).click();
    await page.getByTestId('compare-a').getByTestId('variants').waitFor();
    await page.getByTestId('compare-b').getByTestId('variants').waitFor();
    await screenshot('duplicates-compare');
    await page.getByRole('button', { name: 'Объединить в A' }).click();
    await page.getByRole('alert').filter({ hasText: 'Персоны объединены' }).waitFor();
  });

  it('imports a list: maps the columns, shows the bad rows of the dry run, then imports the fixed file with a progress bar', async () => {
    await page.getByRole('menuitem', { name: 'Импорт', exact: true }).click();
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'vosstanie-1931.csv',
      mimeType: 'text/csv',
      buffer: csv(['Сейфуллин Сакен,1894,Акмолинский уезд', ',1901,Каркаралинский уезд', 'Жансугуров Ильяс,1894,Аксуская волость']),
    });
    expect(await page.getByRole('combobox', { name: 'ФИО полностью' }).textContent()).toBe('ФИО');
    await page.getByRole('textbox', { name: /Откуда список/ }).fill('ЦГА РК, ф. 1137, оп. 1, д. 22');
    await page.getByRole('button', { name: 'Проверить (пробный прогон)' }).click();
    const report = page.getByTestId('dry-run-report');
    await report.getByText(/1 строку нельзя импортировать/).waitFor({ timeout: 60_000 });
    await report.getByRole('row').filter({ hasText: /^3/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Импортировать' }).isDisabled()).toBe(true);
    await screenshot('import-dry-run');

    await page.getByTestId('import-file-input').setInputFiles({
      name: 'vosstanie-1931.csv',
      mimeType: 'text/csv',
      buffer: csv(['Сейфуллин Сакен,1894,Акмолинский уезд', 'Жансугуров Ильяс,1894,Аксуская волость']),
    });
    await page.getByRole('button', { name: 'Проверить (пробный прогон)' }).click();
    // the dry run is a job of the worker's: as long as the first one may take
    await report.getByText('Все 2 из 2 строк можно импортировать.').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByTestId('import-progress').and(page.locator('[data-status="done"]')).waitFor({ timeout: 60_000 });
    await screenshot('import-done');
  });

  it('lists the notifications and works on a tablet in Kazakh', async () => {
    await page.getByRole('menuitem', { name: 'Уведомления', exact: true }).click();
    await page.getByRole('button', { name: 'Все', exact: true }).click();
    await screenshot('notifications');

    const tablet = await office.newPage({ width: 820, height: 1180 });
    tablet.on('pageerror', (error) => problems.push(error.message));
    await tablet.getByRole('textbox', { name: 'Электронная почта' }).fill(member.email);
    await tablet.getByLabel(/^Пароль/).fill(member.password);
    await tablet.getByRole('button', { name: 'Войти' }).click();
    await tablet.getByText(/^Вы вошли как /).waitFor();
    await tablet.locator('button[aria-controls="simple-menu"]').click();
    await tablet.getByRole('menuitem', { name: 'Қазақша', exact: true }).click();
    await tablet.getByText('Менің тапсырмаларым').waitFor();
    await tablet.getByTestId('region-ALM').waitFor();
    await screenshot('tablet-dashboard-kk', tablet);

    expect(problems.filter((text) => !/Failed to load resource: the server responded with a status of 404/.test(text))).toEqual([]);
  });
});
