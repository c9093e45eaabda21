import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from './back-office.js';

const admin = demoLogins.find((login) => login.role === Role.Admin)!;
const auditor = demoLogins.find((login) => login.role === Role.Auditor)!;
const secretary = demoLogins.find((login) => login.role === Role.Secretary)!;
const member = demoLogins.find((login) => login.role === Role.WgMember)!;

/** The account the administrator creates through the form: a working group member for Zhambyl Region. */
const newcomer = {
  email: `zh.member.${Date.now()}@aqtalu.local`,
  displayName: 'Жанар Тестқызы',
  password: 'Taraz-kitaphana-2026!',
};

// The back office opens in Russian (the default locale) on a browser that has chosen nothing yet.
const ru = {
  email: 'Электронная почта',
  password: 'Пароль',
  signIn: 'Войти',
  /** The dashboard's greeting; the login page has the same "Aqtalu" heading, so it cannot tell them apart. */
  signedIn: /^Вы вошли как /,
  users: 'Пользователи',
  auditLog: 'Журнал аудита',
  create: 'Создать',
  name: 'Имя',
  role: 'Роль',
  wgMember: 'Член рабочей группы',
  region: 'Регион',
  save: 'Сохранить',
  disable: 'Заблокировать',
  disabledNotice: 'Пользователь заблокирован',
  disabledStatus: 'Заблокирован',
  outcome: 'Результат',
  allowed: 'Разрешено',
  action: 'Действие',
  before: 'Было',
  after: 'Стало',
  statusField: 'Статус',
  totpTitle: 'Настройка двухфакторной аутентификации',
  totpAppCode: 'Код из приложения',
  totpConfirm: 'Подтвердить',
  totpEnabled: 'Двухфакторная аутентификация включена. Войдите снова с паролем и кодом из приложения.',
  totpLoginCode: 'Код из приложения-аутентификатора',
  edit: 'Редактировать',
  conflict: 'Пока вы редактировали, запись изменил другой пользователь.',
  reload: 'Загрузить заново',
  resetTotp: 'Сбросить 2FA',
  totpReset: 'Второй фактор сброшен',
};

const kk = { enable: 'Бұғаттан шығару' };

const wrongCredentials = 'The e-mail or the password is wrong, or the account is disabled.';

describe('administering users in the back office', () => {
  const office = new BackOffice();

  beforeAll(() => office.start());

  afterAll(async () => {
    expect(await office.stop()).toBe(0);
  });

  /** A fresh browser profile (no session in localStorage) on the login page. */
  async function openLoginPage(): Promise<Page> {
    const page = await office.newPage();
    return page;
  }

  async function submitLogin(page: Page, login: { email: string; password: string }): Promise<void> {
    await page.getByRole('textbox', { name: ru.email }).fill(login.email);
    await page.getByLabel(new RegExp(`^${ru.password}`)).fill(login.password);
    await page.getByRole('button', { name: ru.signIn }).click();
  }

  /** A fresh browser profile, signed in through the login form; the dashboard is showing. */
  async function signInAs(login: { email: string; password: string }): Promise<Page> {
    const page = await openLoginPage();
    await submitLogin(page, login);
    await page.getByText(ru.signedIn).waitFor();
    return page;
  }

  /** Stills CSS transitions (a chip turning red) so the screenshot shows the end state. */
  const screenshot = (page: Page, path: string) => page.screenshot({ path, fullPage: true, animations: 'disabled' });

  const apiLogin = (email: string, password: string) =>
    fetch(`${office.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('the admin creates a working group member for Zhambyl Region, finds them in the list and disables them', async () => {
    const page = await signInAs(admin);

    // The menu offers the users to an administrator, and not the audit log, which is the auditors'.
    await page.getByRole('menuitem', { name: ru.users, exact: true }).click();
    await page.getByRole('cell', { name: admin.email }).waitFor();
    expect(await page.getByRole('menuitem', { name: ru.auditLog, exact: true }).count()).toBe(0);

    await page.getByRole('link', { name: ru.create }).click();
    await page.getByRole('textbox', { name: ru.email }).fill(newcomer.email);
    await page.getByRole('textbox', { name: ru.name }).fill(newcomer.displayName);
    await page.getByLabel(new RegExp(`^${ru.password}`)).fill(newcomer.password);
    await page.getByRole('combobox', { name: ru.role }).click();
    await page.getByRole('option', { name: ru.wgMember }).click();
    // The region input appears for the working group roles only; the code is upper-cased as it is typed.
    await page.getByRole('textbox', { name: ru.region }).fill('zha');
    await page.getByRole('button', { name: ru.save }).click();

    // Created: react-admin shows the new account's page.
    await page.getByRole('button', { name: ru.disable }).waitFor();
    expect(await page.getByText('ZHA', { exact: true }).isVisible()).toBe(true);

    await page.getByRole('menuitem', { name: ru.users, exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: newcomer.email });
    await row.waitFor();
    expect(await row.textContent()).toContain(ru.wgMember);
    expect(await row.textContent()).toContain('ZHA');
    expect((await apiLogin(newcomer.email, newcomer.password)).status).toBe(200);

    await row.click();
    await page.getByRole('button', { name: ru.disable }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(newcomer.displayName, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: ru.disable }).click();
    await page.getByRole('alert').filter({ hasText: ru.disabledNotice }).waitFor();
    await page.getByText(ru.disabledStatus, { exact: true }).waitFor();

    // Disabled for real: the API now refuses the account's password.
    const refused = await apiLogin(newcomer.email, newcomer.password);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { detail: string }).detail).toBe(wrongCredentials);

    await page.getByRole('menuitem', { name: ru.users, exact: true }).click();
    await row.getByText(ru.disabledStatus, { exact: true }).waitFor();
    await screenshot(page, '/tmp/aqtalu-users.png');

    // The same account in Kazakh: the longer labels of the actions still fit.
    await row.click();
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('menuitem', { name: 'Қазақша', exact: true }).click();
    await page.getByRole('button', { name: kk.enable }).waitFor();
    await screenshot(page, '/tmp/aqtalu-user-kk.png');
  });

  it('the auditor finds the disabling in the audit log and sees the status change side by side', async () => {
    const page = await signInAs(auditor);

    await page.getByRole('menuitem', { name: ru.auditLog, exact: true }).click();
    await page.getByRole('textbox', { name: ru.action }).fill('user.disable');
    const entry = page.getByRole('row').filter({ hasText: 'user.disable' }).first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain(admin.email);
    expect(await entry.textContent()).toContain(ru.allowed);
    // The filter applies after a pause in typing: wait until the sign-ins are gone from the list.
    await page.getByRole('row').filter({ hasText: 'auth.login' }).first().waitFor({ state: 'detached' });
    await screenshot(page, '/tmp/aqtalu-audit-list.png');

    await entry.click();
    const diff = page.getByRole('table');
    await diff.getByRole('columnheader', { name: ru.before }).waitFor();
    const disabledRow = diff.getByRole('row').filter({ hasText: ru.statusField });
    expect(await disabledRow.getByRole('cell').allTextContents()).toEqual(['Активен', 'Заблокирован']);
    await screenshot(page, '/tmp/aqtalu-audit.png');
  });

  it('the secretary sets up a second factor and signs in with a code; the admin resets it for a lost phone', async () => {
    const page = await signInAs(secretary);
    await page.goto(`${office.baseUrl}/#/totp-setup`);
    await page.getByRole('heading', { level: 1, name: ru.totpTitle }).waitFor();
    const secretText = page.getByTestId('totp-secret');
    await secretText.waitFor();
    const secret = (await secretText.textContent())!.replace(/\s/g, '');
    expect(await page.getByRole('link', { name: /^otpauth:\/\/totp\// }).isVisible()).toBe(true);
    await screenshot(page, '/tmp/aqtalu-totp.png');

    await page.getByRole('textbox', { name: ru.totpAppCode }).fill(generateSync({ secret }));
    await page.getByRole('button', { name: ru.totpConfirm }).click();

    // Confirming ends the sign-in: back on the login page, told to sign in again with a code.
    await page.getByRole('alert').filter({ hasText: ru.totpEnabled }).waitFor();
    await page.getByRole('button', { name: ru.signIn }).waitFor();
    await submitLogin(page, secretary);
    const codeInput = page.getByRole('textbox', { name: ru.totpLoginCode });
    await codeInput.waitFor();
    await codeInput.fill(generateSync({ secret }));
    await page.getByRole('button', { name: ru.signIn }).click();
    await page.getByText(ru.signedIn).waitFor();
    expect((await apiLogin(secretary.email, secretary.password)).status).toBe(401); // a code is needed now

    const adminPage = await signInAs(admin);
    await adminPage.getByRole('menuitem', { name: ru.users, exact: true }).click();
    await adminPage.getByRole('row').filter({ hasText: secretary.email }).click();
    await adminPage.getByRole('button', { name: ru.resetTotp }).click();
    await adminPage.getByRole('dialog').getByRole('button', { name: ru.resetTotp }).click();
    await adminPage.getByRole('alert').filter({ hasText: ru.totpReset }).waitFor();

    expect((await apiLogin(secretary.email, secretary.password)).status).toBe(200);
  });

  it('an edit that meets a change made meanwhile shows the API\'s 409, and a reload keeps what was typed', async () => {
    const page = await signInAs(admin);
    await page.getByRole('menuitem', { name: ru.users, exact: true }).click();
    await page.getByRole('row').filter({ hasText: member.email }).click();
    await page.getByRole('link', { name: ru.edit }).click();
    const name = page.getByRole('textbox', { name: ru.name });
    await expect.poll(() => name.inputValue()).toBe(member.displayName);
    await name.fill('Ерлан Мүшеұлы');

    // Meanwhile another administrator renames the same account through the API.
    const userId = /#\/users\/([^/]+)/.exec(page.url())![1]!;
    const { accessToken } = (await (await apiLogin(admin.email, admin.password)).json()) as { accessToken: string };
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${office.baseUrl}/api${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      });
    const { version } = (await (await api(`/users/${userId}`)).json()) as { version: number };
    const renamed = await api(`/users/${userId}`, { method: 'PATCH', body: JSON.stringify({ version, displayName: 'Ерлан Мүше (API)' }) });
    expect(renamed.status).toBe(200);

    await page.getByRole('button', { name: ru.save }).click();
    const conflict = page.getByRole('alert').filter({ hasText: ru.conflict });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(`сейчас версия ${version + 1}`);
    await screenshot(page, '/tmp/aqtalu-user-conflict.png');

    await conflict.getByRole('button', { name: ru.reload }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await name.inputValue()).toBe('Ерлан Мүшеұлы');
    await page.getByRole('button', { name: ru.save }).click();
    await page.getByRole('button', { name: ru.disable }).waitFor(); // back on the show page
    expect(await page.getByText('Ерлан Мүшеұлы', { exact: true }).isVisible()).toBe(true);
    const saved = (await (await api(`/users/${userId}`)).json()) as { displayName: string; version: number };
    expect(saved).toMatchObject({ displayName: 'Ерлан Мүшеұлы', version: version + 2 });
  });
});
