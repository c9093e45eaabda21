import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from './back-office.js';

const secretary = demoLogins.find((login) => login.role === Role.Secretary)!;

// The back office opens in Russian (the default locale) on a browser that has chosen nothing yet.
const ru = {
  email: 'Электронная почта',
  password: 'Пароль',
  signIn: 'Войти',
  signedIn: /^Вы вошли как /,
  cases: 'Дела',
  create: 'Создать',
  region: 'Регион',
  category: 'Категория',
  applicantName: 'Имя заявителя',
  kinship: 'Родство',
  nameKk: 'Имя (на казахском)',
  nameRu: 'Имя (на русском)',
  birthYear: 'Год рождения',
  save: 'Сохранить',
  nextSteps: 'Следующие шаги',
  submit: 'Подать',
  startIntake: 'Начать приёмку',
  accept: 'Принять к проверке',
  completeVerification: 'Завершить проверку',
  submitted: 'Подано',
  intakeReview: 'Приёмка',
  archiveVerification: 'Архивная проверка',
};

describe('working a case in the back office', () => {
  const office = new BackOffice();

  beforeAll(() => office.start());

  afterAll(async () => {
    expect(await office.stop()).toBe(0);
  });

  async function signInAs(login: { email: string; password: string }): Promise<Page> {
    const page = await office.newPage({ width: 1280, height: 1000 });
    await page.getByRole('textbox', { name: ru.email }).fill(login.email);
    await page.getByLabel(new RegExp(`^${ru.password}`)).fill(login.password);
    await page.getByRole('button', { name: ru.signIn }).click();
    await page.getByText(ru.signedIn).waitFor();
    return page;
  }

  const screenshot = (page: Page, path: string) => page.screenshot({ path, fullPage: true, animations: 'disabled' });

  /** Clicks a step of the transitions panel and waits for the status chip it leads to. */
  async function takeStep(page: Page, step: string, status: string): Promise<void> {
    await page.getByRole('button', { name: step, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: `Выполнено: ${step}` }).waitFor();
    await page.locator('.MuiChip-root').filter({ hasText: new RegExp(`^${status}$`) }).first().waitFor();
  }

  it('the secretary registers an application for Almaty Region, submits it and starts intake with the step buttons', async () => {
    const page = await signInAs(secretary);
    // A screen that throws shows react-admin's error page; the browser's console says why.
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));

    // The secretary's dashboard counts what waits for intake, from the API's Content-Range totals.
    await page.getByTestId('dashboard-cases_submitted').filter({ hasText: /^\d+$/ }).waitFor();

    await page.getByRole('menuitem', { name: ru.cases, exact: true }).click();
    await page.getByRole('link', { name: ru.create }).click();

    await page.getByRole('combobox', { name: ru.region }).click();
    await page.getByRole('option', { name: 'Алматинская область' }).click();
    await page.getByRole('combobox', { name: ru.category }).click();
    await page.getByRole('option', { name: 'Осуждённые за «контрреволюционные» преступления' }).click();
    await page.getByRole('textbox', { name: ru.applicantName }).fill('Айгерім Нұрланқызы');
    await page.getByRole('textbox', { name: ru.kinship }).fill('немересі');
    await page.getByRole('textbox', { name: ru.nameKk }).fill('Жұмабаев Қабдолла');
    await page.getByRole('textbox', { name: ru.nameRu }).fill('Жумабаев Кабдолла');
    await page.getByRole('textbox', { name: ru.birthYear }).fill('1896');
    await page.getByRole('button', { name: ru.save }).click();

    // The show page: a fresh draft of Almaty Region, numbered with the region's prefix.
    await page.getByRole('heading', { level: 1, name: /^Дело ALM-/ }).waitFor();
    await page.getByText(ru.nextSteps).waitFor();

    await takeStep(page, ru.submit, ru.submitted);
    await takeStep(page, ru.startIntake, ru.intakeReview);
    await takeStep(page, ru.accept, ru.archiveVerification);

    // The working group completes verification, not the secretary: the button is there, disabled, with the reason.
    const complete = page.getByRole('button', { name: ru.completeVerification, exact: true });
    await complete.waitFor();
    expect(await complete.isDisabled()).toBe(true);
    const why = page.getByTestId('why-not-complete-verification');
    // the reason arrives as a code with params and reads in Russian, roles and step by name
    expect(await why.textContent()).toMatch(/^Пока нельзя: шаг «Завершить проверку» выполняет .+, а не /);

    await screenshot(page, '/tmp/aqtalu-case.png');

    // The list finds the case by the person's name, with its translated status.
    await page.getByRole('menuitem', { name: ru.cases, exact: true }).click();
    // The list refetches over the copy react-admin kept after the create, which was still a draft.
    await page.getByRole('row').filter({ hasText: 'Жұмабаев Қабдолла' }).filter({ hasText: ru.archiveVerification }).first().waitFor();
    await screenshot(page, '/tmp/aqtalu-case-list.png');
    expect(errors).toEqual([]);

    // Back on the dashboard no application waits for intake any more: the case has moved on to verification.
    await page.getByRole('menuitem', { name: 'Главная', exact: true }).click();
    await page.getByTestId('dashboard-cases_intake_review').filter({ hasText: /^0$/ }).waitFor();
    await screenshot(page, '/tmp/aqtalu-dashboard.png');
  });
});
