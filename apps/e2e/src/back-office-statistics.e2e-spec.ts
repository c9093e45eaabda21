import { readFile } from 'node:fs/promises';
import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from './back-office.js';

const secretary = demoLogins.find((login) => login.role === Role.Secretary)!;

const ru = {
  email: 'Электронная почта',
  password: 'Пароль',
  signIn: 'Войти',
  signedIn: /^Вы вошли как /,
  statistics: 'Статистика',
  counts: 'Заявления и дела',
};

describe('the statistics page in the back office', () => {
  const office = new BackOffice();

  beforeAll(() => office.start(), 600_000);

  afterAll(async () => {
    expect(await office.stop()).toBe(0);
  });

  it('shows the tables in Russian and downloads one as XLSX with its filters written above it', async () => {
    const page = await office.newPage();
    await page.getByRole('textbox', { name: ru.email }).fill(secretary.email);
    await page.getByLabel(new RegExp(`^${ru.password}`)).fill(secretary.password);
    await page.getByRole('button', { name: ru.signIn }).click();
    await page.getByText(ru.signedIn).waitFor();

    await page.getByRole('menuitem', { name: ru.statistics, exact: true }).click();
    await page.getByText(ru.counts).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-xlsx-counts').click()]);
    expect(download.suggestedFilename()).toMatch(/^statistics-counts-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['table', 'counts']);
    const rows = Array.from({ length: sheet.rowCount }, (_, index) => values(index + 1));
    expect(rows.find((cells) => cells[0] === 'role')).toEqual(['role', 'secretary']);
    expect(rows).toContainEqual(['period', 'key', 'name_kk', 'name_ru', 'applications', 'cases', 'subjects']);
  }, 120_000);
});
