import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CaseTransition, Role } from '@aqtalu/contracts';
import { demoLogins, NotificationService } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, startTestMailbox, type TestEnvironment, type TestMailbox } from '@aqtalu/testing';
import { createWorker } from '@aqtalu/worker';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

describe('case collaboration: watchers and e-mail', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let db: pg.Client;
  let mailbox: TestMailbox;
  const sessions = new Map<string, HttpSession>();

  const as = async (email: string, password?: string) => {
    if (!sessions.has(email)) sessions.set(email, await HttpSession.login(baseUrl, email, password));
    return sessions.get(email)!;
  };
  const secretary = () => as(demo(Role.Secretary).email);
  const member = () => as(demo(Role.WgMember).email);
  const lead = () => as(demo(Role.WgLead).email);
  const zhambyl = () => as('zhambyl@aqtalu.kz', 'taraz steppe passphrase');
  const userId = async (email: string) => (await db.query(`SELECT id FROM users WHERE email = $1`, [email])).rows[0].id as string;
  const notificationsOf = async (email: string, kind: string) =>
    (await db.query(`SELECT params FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY created_at`, [await userId(email), kind])).rows.map(
      (row) => row.params as Record<string, unknown>,
    );

  async function openCase(): Promise<{ id: string; number: string }> {
    const created = await (await secretary()).post<{ id: string; number: string }>('/api/cases', {
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      summary: 'Application of a relative',
      applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'granddaughter', kinshipProof: 'birth certificates', email: 'aigerim@example.kz' },
      subjects: [{ nameKk: 'Жұмабаев Қабдолла', nameRu: 'Жумабаев Кабдолла' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  }

  async function move(session: HttpSession, id: string, name: CaseTransition) {
    const current = await (await secretary()).get<{ version: number }>(`/api/cases/${id}`);
    const answer = await session.post(`/api/cases/${id}/transitions/${name}`, { version: current.body.version });
    expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBe(200);
  }

  beforeAll(async () => {
    mailbox = await startTestMailbox();
    environment = await createTestEnvironment({ SMTP_URL: mailbox.url });
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    worker = await createWorker(environment.config);
    await worker.init();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    const created = await admin.post('/api/users', { email: 'zhambyl@aqtalu.kz', displayName: 'Жамбыл мүшесі', password: 'taraz steppe passphrase', role: Role.WgMember, regionCode: 'ZHA' });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await db?.end();
    await worker?.close();
    await api?.close();
    await environment?.dispose();
    await mailbox?.close();
  });

  it('lets someone who may see a case watch it, and lists its watchers', async () => {
    const opened = await openCase();
    const watched = await (await member()).request<Array<{ email: string }>>('POST', `/api/cases/${opened.id}/watch`);
    expect(watched.status, JSON.stringify(watched.body)).toBe(200);
    expect(watched.body.map((w) => w.email)).toEqual([demo(Role.WgMember).email]);
    // Watching twice is watching once.
    expect((await (await member()).request('POST', `/api/cases/${opened.id}/watch`)).status).toBe(200);
    const listed = await (await secretary()).get<Array<{ userId: string; email: string; displayName: string }>>(`/api/cases/${opened.id}/watchers`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ userId: await userId(demo(Role.WgMember).email), email: demo(Role.WgMember).email })]);
  });

  it('answers 404 to a working group member of another region who tries to watch the case', async () => {
    const opened = await openCase();
    expect((await (await zhambyl()).request('POST', `/api/cases/${opened.id}/watch`)).status).toBe(404);
    expect((await (await zhambyl()).get(`/api/cases/${opened.id}/watchers`)).status).toBe(404);
    expect((await db.query(`SELECT 1 FROM case_watchers WHERE case_id = $1`, [opened.id])).rowCount).toBe(0);
  });

  it('tells a watcher of each transition, once, and stops when they unwatch', async () => {
    const opened = await openCase();
    await (await member()).request('POST', `/api/cases/${opened.id}/watch`);
    await (await secretary()).request('POST', `/api/cases/${opened.id}/watch`);

    await move(await secretary(), opened.id, CaseTransition.Submit);
    expect(await notificationsOf(demo(Role.WgMember).email, 'case.transition')).toEqual([{ caseId: opened.id, caseNumber: opened.number, to: 'submitted' }]);
    // The actor is never told of their own step.
    expect((await notificationsOf(demo(Role.Secretary).email, 'case.transition')).filter((p) => p.caseId === opened.id)).toEqual([]);

    expect((await (await member()).request('DELETE', `/api/cases/${opened.id}/watch`)).status).toBe(200);
    await move(await secretary(), opened.id, CaseTransition.StartIntake);
    expect(await notificationsOf(demo(Role.WgMember).email, 'case.transition')).toHaveLength(1);

    // The lead watches; acceptance already tells the working group, so the lead gets that message only.
    await (await lead()).request('POST', `/api/cases/${opened.id}/watch`);
    await move(await secretary(), opened.id, CaseTransition.AcceptForVerification);
    expect((await notificationsOf(demo(Role.WgLead).email, 'case.accepted')).filter((p) => p.caseId === opened.id)).toHaveLength(1);
    expect(await notificationsOf(demo(Role.WgLead).email, 'case.transition')).toEqual([]);
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action IN ('case.watch', 'case.unwatch') ORDER BY id`, [opened.id]);
    expect(audit.rows.map((row) => row.action)).toEqual(['case.watch', 'case.watch', 'case.unwatch', 'case.watch']);
  });

  it('e-mails a notification once through SMTP, in Kazakh and Russian, from the worker', async () => {
    const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    const created = await admin.post<{ id: string }>('/api/users', { email: 'mailbox@aqtalu.kz', displayName: 'Хат алушы', password: 'auditor of the steppe archives', role: Role.Auditor });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const mailsTo = (address: string) => mailbox.mails.filter((mail) => mail.to.includes(address));
    const received = await eventually(async () => (mailsTo('mailbox@aqtalu.kz').length ? mailsTo('mailbox@aqtalu.kz') : null), 15_000, 'the e-mail');
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toContain('Сізге Aqtalu жүйесінде есептік жазба ашылды.');
    expect(received[0]!.body).toContain('Для вас создана учётная запись в системе Aqtalu.');
    expect(received[0]!.subject).toContain('есептік жазба');

    // The job run again (a retry after a crash) delivers nothing and sends nothing.
    const [notification] = (await db.query(`SELECT id FROM notifications WHERE user_id = $1 AND kind = 'account.created'`, [created.body.id])).rows;
    expect(await worker.get(NotificationService).deliver(notification.id)).toBe(false);
    expect(mailsTo('mailbox@aqtalu.kz')).toHaveLength(1);
  });
});
