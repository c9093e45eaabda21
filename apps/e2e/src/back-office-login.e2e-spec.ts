import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from './back-office.js';

const admin = demoLogins.find((login) => login.role === Role.Admin)!;

/** What the login page says when the credentials do not match: the API's code auth.wrong_credentials, in Russian. */
const wrongCredentials = 'Неверный адрес почты или пароль, либо учётная запись отключена.';

// The back office opens in Russian (the default locale) on a browser that has chosen nothing yet.
const ru = {
  email: 'Электронная почта',
  password: 'Пароль',
  signIn: 'Войти',
  adminRole: 'Администратор',
  signedInAs: (name: string, role: string) => `Вы вошли как ${name} (${role})`,
};

const screenshotPath = '/tmp/aqtalu-dashboard.png';

describe('signing in to the back office', () => {
  const office = new BackOffice();

  beforeAll(() => office.start());

  afterAll(async () => {
    expect(await office.stop()).toBe(0);
  });

  /** A fresh browser profile (no session in localStorage) on the login page. */
  async function openLoginPage(): Promise<Page> {
    const page = await office.newPage();
    // requireAuth: with no session the app sends the visitor to the login page.
    await page.getByRole('button', { name: ru.signIn }).waitFor();
    return page;
  }

  async function submitLogin(page: Page, email: string, password: string): Promise<void> {
    await page.getByRole('textbox', { name: ru.email }).fill(email);
    // A password input has no ARIA role; its label is the way to it (not the "show password" toggle).
    await page.getByLabel(new RegExp(`^${ru.password}`)).fill(password);
    await page.getByRole('button', { name: ru.signIn }).click();
  }

  /** What the back office keeps in localStorage as its session, read through the browser context. */
  async function storedSession(page: Page): Promise<string | undefined> {
    const { origins } = await page.context().storageState();
    return origins.flatMap((origin) => origin.localStorage).find((item) => item.name === 'aqtalu.session')?.value;
  }

  it('the demo admin signs in with e-mail and password and the dashboard names them and their role', async () => {
    const page = await openLoginPage();
    expect(page.url()).toMatch(/#\/login$/);

    await submitLogin(page, admin.email, admin.password);

    const signedInAs = page.getByText(ru.signedInAs(admin.displayName, ru.adminRole));
    await signedInAs.waitFor();
    expect(page.url()).not.toMatch(/#\/login$/);
    expect(await page.getByRole('heading', { level: 1, name: 'Aqtalu' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: ru.signIn }).count()).toBe(0);
    expect(await storedSession(page)).toBeDefined();

    await page.screenshot({ path: screenshotPath, fullPage: true });
  });

  it('a wrong password shows the API\'s reason, in Russian, on the login page and signs nobody in', async () => {
    const page = await openLoginPage();

    await submitLogin(page, admin.email, `${admin.password}-wrong`);

    // react-admin shows the rejection as an error notification (an MUI Snackbar, role "alert").
    const notification = page.getByRole('alert').filter({ hasText: wrongCredentials });
    await notification.waitFor();
    expect((await notification.textContent())?.trim()).toBe(wrongCredentials);

    expect(page.url()).toMatch(/#\/login$/);
    expect(await page.getByRole('button', { name: ru.signIn }).isVisible()).toBe(true);
    expect(await page.getByText(ru.signedInAs(admin.displayName, ru.adminRole)).count()).toBe(0);
    expect(await storedSession(page)).toBeUndefined();
  });
});
