import { readFile } from 'node:fs/promises';
import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '@aqtalu/testing';
import { BackOffice } from './back-office.js';

const secretary = demoLogins.find((login) => login.role === Role.Secretary)!;

const ru = {
  email: 'Электронная почта',
  password: 'Пароль',
  signIn: 'Войти',
  signedIn: /^Вы вошли как /,
  statistics: 'Статистика',
  counts: 'Заявления и дела',
  letters: 'Письма',
  createLetter: 'Создать письмо',
  pdf: 'PDF',
};

describe('the statistics page in the back office', () => {
  const office = new BackOffice();

  beforeAll(() => office.start(), 600_000);

  afterAll(async () => {
    expect(await office.stop()).toBe(0);
  });

  const signIn = async () => {
    const page = await office.newPage();
    await page.getByRole('textbox', { name: ru.email }).fill(secretary.email);
    await page.getByLabel(new RegExp(`^${ru.password}`)).fill(secretary.password);
    await page.getByRole('button', { name: ru.signIn }).click();
    await page.getByText(ru.signedIn).waitFor();
    return page;
  };

  it('shows the tables in Russian and downloads one as XLSX with its filters written above it', async () => {
    const page = await signIn();

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

  it("writes a letter from the case's Letters tab and opens its PDF once the worker has rendered it", async () => {
    const api = await HttpSession.login(office.baseUrl, secretary.email, secretary.password);
    const created = await api.post<{ id: string; number: string }>('/api/cases', {
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      applicant: { kind: 'relative', name: 'Әлия Мағжанқызы', kinship: 'внучка', kinshipProof: 'свидетельства о рождении' },
      subjects: [{ nameKk: 'Мағжан Жұмабаев', nameRu: 'Магжан Жумабаев' }],
    });
    expect(created.status).toBe(201);
    const page = await signIn();
    await page.goto(`${office.baseUrl}/#/cases/${created.body.id}/show/letters`);
    await page.getByRole('tab', { name: ru.letters }).waitFor();
    await page.getByRole('button', { name: ru.createLetter }).click();
    const row = page.getByRole('listitem').filter({ hasText: /^ЗП-\d{4}\/\d{4}/ }).first();
    await row.waitFor();
    const pdfButton = row.getByRole('button', { name: ru.pdf, exact: true });
    await page.waitForFunction((button) => !(button as HTMLButtonElement).disabled, await pdfButton.elementHandle(), { timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), pdfButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^ЗП-\d{4}_\d{4}\.pdf$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const letters = await api.get<Array<{ number: string; status: string }>>(`/api/cases/${created.body.id}/letters`);
    expect(letters.body).toEqual([expect.objectContaining({ status: 'to_send' })]);
  }, 120_000);
});
