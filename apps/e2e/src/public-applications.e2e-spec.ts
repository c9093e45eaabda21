import AxeBuilder from '@axe-core/playwright';
import { CaseTransition, Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { HttpSession } from '@aqtalu/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackOffice } from './back-office.js';

const secretaryLogin = demoLogins.find((login) => login.role === Role.Secretary)!;
/** A 1×1 PNG: a real image for the evidence pipeline's content check. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('a relative applies online in Kazakh on a phone', () => {
  const office = new BackOffice();

  beforeAll(() => office.start());

  afterAll(async () => {
    expect(await office.stop()).toBe(0);
  });

  it('applies without JavaScript, follows the status and answers a request for documents by uploading one', async () => {
    // a phone's width, Kazakh, and no JavaScript at all: the public door is plain HTML forms
    const context = await office.newContext({ locale: 'kk-KZ', viewport: { width: 390, height: 844 }, javaScriptEnabled: false, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${office.publicUrl}/applications/new`);
    await page.getByRole('heading', { name: 'Ақтау туралы өтініш', exact: true }).waitFor();

    // the person, found in the published registry by a name typed in Latin
    await page.getByRole('searchbox', { name: 'Аты-жөні' }).fill('Baitursynov Akhmet');
    await page.getByRole('button', { name: 'Іздеу', exact: true }).click();
    await page.getByRole('radio', { name: /Байт[уұ]рсын(ұлы|ов) Ахмет/ }).first().check();
    await page.getByLabel('Өтініш қаралатын облыс').selectOption({ index: 1 });
    await page.getByLabel('Қуғын-сүргін түрі').selectOption('alash');
    const applicantName = `Сәуле Ахметқызы ${Date.now()}`;
    await page.getByLabel('Аты-жөніңіз (ұйымның атауы)').fill(applicantName);
    await page.getByLabel(/^Электрондық пошта/).fill('saule@example.kz');
    await page.getByLabel('Туыстық қатынасы (мысалы, немересі)').fill('немересі');
    await page.getByLabel(/^Құжаттардың сканы/).setInputFiles({ name: 'tuu-turaly-kualik.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('checkbox', { name: /№ 94-V/ }).check();
    await page.getByRole('button', { name: 'Өтініш беру', exact: true }).click();

    await page.getByRole('heading', { name: 'Өтінішіңіз қабылданды', exact: true }).waitFor();
    const code = (await page.locator('[data-tracking-code]').textContent())!.trim();
    expect(code).toMatch(/^AQ-/);
    // the page fits the phone: nothing wider than the screen
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    await page.getByRole('link', { name: 'Өтініштің күйін ашу', exact: true }).click();
    await page.getByText('Өтініш қабылданды және хатшының тексеруін күтуде.', { exact: true }).waitFor();
    await page.getByText(code, { exact: true }).waitFor();

    // the secretary, in the back office's API, asks for one more document
    const secretary = await HttpSession.login(office.baseUrl, secretaryLogin.email, secretaryLogin.password);
    const found = await secretary.get<Array<{ id: string }>>(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ q: applicantName }))}`);
    expect(found.body).toHaveLength(1);
    const caseId = found.body[0]!.id;
    for (const [name, body] of [[CaseTransition.StartIntake, {}], [CaseTransition.ReturnToApplicant, { reason: 'Әкеңіздің туу туралы куәлігін жіберіңіз' }]] as const) {
      const current = await secretary.get<{ version: number }>(`/api/cases/${caseId}`);
      const moved = await secretary.post(`/api/cases/${caseId}/transitions/${name}`, { version: current.body.version, ...body });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    }

    await page.reload();
    await page.getByRole('heading', { name: 'Хатшы қосымша құжаттар сұрады', exact: true }).waitFor();
    await page.getByText('Әкеңіздің туу туралы куәлігін жіберіңіз', { exact: true }).waitFor();
    await page.getByLabel('Сұралған құжаттарды тіркеңіз').setInputFiles({ name: 'akesinin-kualigi.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Құжаттарды жіберу', exact: true }).click();
    await page.getByText('Рақмет! Құжаттар алынды, өтініш қайтадан қарауға жіберілді.', { exact: true }).waitFor();
    await page.getByText('Өтініш қабылданды және хатшының тексеруін күтуде.', { exact: true }).waitFor();

    // back in the intake queue with its two documents
    const after = await secretary.get<{ status: string }>(`/api/cases/${caseId}`);
    expect(after.body.status).toBe('submitted');
    const evidence = await secretary.get<unknown[]>(`/api/cases/${caseId}/evidence`);
    expect(evidence.body).toHaveLength(2);

    // accessible: no serious or critical axe finding on the form and the status page (axe runs as a script: JavaScript on here)
    const checker = await (await office.newContext({ locale: 'kk-KZ', viewport: { width: 390, height: 844 } })).newPage();
    for (const path of ['/applications/new?lang=kk&q=Baitursynov', `/applications/${code}?lang=kk`]) {
      await checker.goto(`${office.publicUrl}${path}`);
      const { violations } = await new AxeBuilder({ page: checker }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(violations.filter((item) => item.impact === 'serious' || item.impact === 'critical').map((item) => `${path}: ${item.id} ${item.nodes[0]?.html ?? ''}`)).toEqual([]);
    }
  });
});
