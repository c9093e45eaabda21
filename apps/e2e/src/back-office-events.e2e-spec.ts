import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from './back-office.js';

const secretary = demoLogins.find((login) => login.role === Role.Secretary)!;
const screenshots = fileURLToPath(new URL('../screenshots/events/', import.meta.url));

/** The words of the Kazakh back office this walk reads (apps/admin/src/i18n/*.kk.ts). */
const kk = {
  events: 'Оқиғалар',
  event: 'Алматыдағы ату жазалары (1938 ж. 25–27 ақпан)',
  selectAll: 'Барлығын таңдау',
  makeGroupCase: 'Топтық іс ашу',
  createCase: 'Іс ашу',
  markException: 'Ерекше жағдай деп белгілеу',
  rejected: 'Бас тартылды',
  inventories: 'Мұрағат тізімдемелері',
  importInventory: 'Тізімдемені импорттау',
  specialArchive: 'Қазақстан Республикасы Ішкі істер министрлігінің Арнаулы мемлекеттік архиві',
};

describe('an event in the back office, in Kazakh', () => {
  const office = new BackOffice();
  const problems: string[] = [];

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    await office.start();
  }, 600_000);

  let shown: Page | undefined;

  afterAll(async () => {
    expect(await office.stop()).toBe(0);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') console.error('page problems:', problems);
    if (context.task.result?.state === 'fail') await shown?.screenshot({ path: `${screenshots}FAILED.png`, fullPage: true }).catch(() => undefined);
  });

  it('maps an event\'s places, makes a group case of its selected people, marks an exception, maps a subject\'s places and imports an inventory', async () => {
    const page = await office.newPage({ width: 1280, height: 1000 });
    shown = page;
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));
    // no map tiles from the internet: every request stays on the back office's own address
    page.on('request', (request) => void (!request.url().startsWith(office.baseUrl) && !request.url().startsWith('data:') && problems.push(`request to ${request.url()}`)));
    await page.getByRole('textbox', { name: 'Электронная почта' }).fill(secretary.email);
    await page.getByLabel(/^Пароль/).fill(secretary.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByText(/^Вы вошли как /).waitFor();
    await page.locator('button[aria-controls="simple-menu"]').click();
    await page.getByRole('menuitem', { name: 'Қазақша', exact: true }).click();

    await page.getByRole('menuitem', { name: kk.events, exact: true }).click();
    await page.getByRole('row').filter({ hasText: kk.event }).click();
    const map = page.getByTestId('places-map');
    await map
      .waitFor()
      .catch(async (error: unknown) => {
        await page.screenshot({ path: `${screenshots}FAILED-event.png`, fullPage: true });
        throw new Error(`no map on the event page: ${problems.join(" / ")}`, { cause: error });
      });
    await map.getByTestId('map-place').filter({ hasText: 'Алматы' }).waitFor();
    expect(await map.locator('path.aqtalu-place-marker').count()).toBe(1);
    await map.getByRole('button', { name: 'Жақындату' }).waitFor();
    // the border of Kazakhstan is drawn from the outline shipped with the app
    expect(await map.locator('path.leaflet-interactive, svg path').count()).toBeGreaterThan(1);

    const people = page.getByTestId('event-people');
    await people.getByRole('row').nth(5).waitFor();
    await people.getByRole('checkbox', { name: kk.selectAll }).check();
    await page.screenshot({ path: `${screenshots}event-kk.png`, fullPage: true, animations: 'disabled' });
    await page.getByRole('button', { name: kk.makeGroupCase }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Істегі қуғын-сүргін құрбандары: 5').waitFor();
    await dialog.getByRole('button', { name: kk.createCase }).click();

    const subjects = page.getByTestId('group-subjects');
    await subjects.getByText('Құрбандар: 5, ерекше жағдайлар: 0').waitFor();
    await subjects.getByRole('row').filter({ hasText: 'Сейфуллин Сәкен' }).getByRole('checkbox').check();
    await page.getByRole('button', { name: kk.markException }).click();
    const exception = page.getByRole('dialog');
    await exception.getByRole('combobox').click();
    await page.getByRole('option', { name: kk.rejected }).click();
    await exception.getByRole('textbox').fill('Дереккөз тексерілуде');
    await exception.getByRole('button', { name: /растау|Растау/ }).click();
    await subjects.getByText('Құрбандар: 5, ерекше жағдайлар: 1').waitFor();
    await page.screenshot({ path: `${screenshots}group-case-kk.png`, fullPage: true, animations: 'disabled' });

    // the person's page maps their places too: here the place of the event they took part in
    await subjects.getByRole('link', { name: 'Сейфуллин Сәкен' }).click();
    await page.getByTestId('person-places').getByTestId('map-place').filter({ hasText: 'Алматы' }).waitFor();


    // the archive's inventory: a list imported through the dialog, then its fond and opis in the tree
    await page.getByRole('menuitem', { name: kk.inventories, exact: true }).click();
    await page.getByRole('button', { name: kk.importInventory }).click();
    const upload = page.getByRole('dialog');
    await upload.getByRole('combobox').click();
    await page.getByRole('option', { name: kk.specialArchive }).click();
    await upload.locator('input[type="file"]').setInputFiles({
      name: 'opis-1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Фонд,Опись,Дело,Заголовок,Статус\n141,1,1234,Протоколы тройки,declassified\n141,1,1235,Списки осуждённых,classified\n', 'utf8'),
    });
    await upload.getByRole('button', { name: 'Импорттау', exact: true }).click();
    await upload.getByText('Тізімдеме импортталды: 2 іс қосылды, 0 іс жаңартылды').waitFor();
    await upload.getByRole('button', { name: 'Жабу' }).click();
    await page.getByLabel('Мұрағат', { exact: true }).first().click();
    await page.getByRole('option', { name: kk.specialArchive }).click();
    await page.getByTestId('inventory-tree').getByText('1 тізімдемесі (2)').waitFor();
    await page.screenshot({ path: `${screenshots}inventory-kk.png`, fullPage: true, animations: 'disabled' });

    expect(problems).toEqual([]);
  }, 120_000);
});
