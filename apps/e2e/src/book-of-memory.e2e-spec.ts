import AxeBuilder from '@axe-core/playwright';
import { Role, type ContributionResponse } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { HttpSession } from '@aqtalu/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from './back-office.js';

const secretaryLogin = demoLogins.find((login) => login.role === Role.Secretary)!;

/** No serious or critical axe finding (WCAG 2 A/AA) on the page shown. */
async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(violations.filter((item) => item.impact === 'serious' || item.impact === 'critical').map((item) => `${page.url()}: ${item.id} ${item.nodes[0]?.html ?? ''}`)).toEqual([]);
}

describe('the public Book of Memory in a browser', () => {
  const office = new BackOffice();

  beforeAll(() => office.start(), 600_000);

  afterAll(async () => {
    expect(await office.stop()).toBe(0);
  });

  it('a visitor without JavaScript finds a name typed in Latin and tells more; a moderator accepts it into a fact', async () => {
    const context = await office.newContext({ locale: 'kk-KZ', viewport: { width: 390, height: 844 }, javaScriptEnabled: false, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${office.publicUrl}/persons`);
    await page.getByRole('searchbox', { name: 'Аты-жөні' }).fill('Baitursynov Akhmet');
    await page.getByRole('button', { name: 'Іздеу', exact: true }).click();
    await page.getByRole('link', { name: /Байт[уұ]рсын(ұлы|ов) Ахмет/ }).first().click();
    await page.getByRole('heading', { name: 'Бұл адам туралы көбірек білемін' }).waitFor();
    const personId = /persons\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    await page.getByLabel('Не туралы').selectOption('occupation');
    await page.getByLabel('Мәлімет (мысалы, кәсібі)').fill('ағартушы, тіл білімпазы');
    await page.getByLabel(/^Дереккөз/).fill('ЦГА РК, ф. 141, оп. 1, д. 5678');
    await page.getByLabel('Сіздің атыңыз').fill('Ержан Сәрсенбаев');
    await page.getByLabel(/^Электрондық пошта/).fill('erzhan@example.kz');
    await page.getByRole('button', { name: 'Жіберу', exact: true }).click();
    await page.getByText('Рақмет! Мәліметіңіз модерацияға жіберілді.').waitFor();

    // the moderator, in the back office
    const office2 = await office.newPage();
    await office2.getByRole('textbox', { name: 'Электронная почта' }).fill(secretaryLogin.email);
    await office2.getByLabel(/^Пароль/).fill(secretaryLogin.password);
    await office2.getByRole('button', { name: 'Войти' }).click();
    await office2.getByRole('menuitem', { name: 'Дополнения', exact: true }).click();
    const row = office2.getByRole('row').filter({ hasText: 'ағартушы, тіл білімпазы' });
    await row.getByRole('button', { name: 'Открыть' }).click();
    await office2.getByTestId('contribution-detail').getByText('ЦГА РК, ф. 141, оп. 1, д. 5678').waitFor();
    await office2.getByRole('button', { name: 'Принять как факт' }).click();
    await office2.getByText('Принято: факт добавлен в карточку человека').waitFor();

    const secretary = await HttpSession.login(office.baseUrl, secretaryLogin.email, secretaryLogin.password);
    const decided = await secretary.get<ContributionResponse[]>(`/api/contributions?filter=${encodeURIComponent(JSON.stringify({ personId }))}`);
    expect(decided.body).toHaveLength(1);
    expect(decided.body[0]).toMatchObject({ status: 'accepted' });
    expect(decided.body[0]!.factId).toBeTruthy();
  });

  it('an editor withdraws a record: its page and its entry in the open data disappear', async () => {
    const secretary = await HttpSession.login(office.baseUrl, secretaryLogin.email, secretaryLogin.password);
    const page = await (await office.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${office.publicUrl}/persons?q=Dulatuly&lang=ru`);
    const link = page.getByRole('link', { name: /Дулатұлы Міржақып/ }).first();
    const personId = /persons\/([0-9a-f-]{36})/.exec((await link.getAttribute('href'))!)![1]!;
    // the public pages pass axe (JavaScript on here: axe runs as a script)
    await expectAccessible(page);
    await link.click();
    await page.getByRole('heading', { name: 'Я знаю больше об этом человеке' }).waitFor();
    await expectAccessible(page);

    expect((await secretary.post('/api/publication/open-data', {})).status).toBe(200);
    expect(await (await fetch(`${office.publicUrl}/open-data/book-of-memory.csv`)).text()).toContain(personId);
    expect((await secretary.post(`/api/publication/persons/${personId}/withdrawal`, { reason: 'по просьбе семьи' })).status).toBe(200);
    await page.reload();
    await page.getByRole('heading', { name: 'Запись снята с публикации по просьбе' }).waitFor();
    expect((await secretary.post('/api/publication/open-data', {})).status).toBe(200);
    for (const file of ['book-of-memory.csv', 'book-of-memory.json']) expect(await (await fetch(`${office.publicUrl}/open-data/${file}`)).text()).not.toContain(personId);
  });
});
