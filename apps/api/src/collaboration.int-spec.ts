import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CaseTransition, Role } from '@aqtalu/contracts';
import { freePort } from '@aqtalu/dev-stack';
import { demoLogins, NotificationService } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import { createWorker } from '@aqtalu/worker';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

/** The subject and body of the single-part text message nodemailer writes for a plain-text e-mail. */
function readMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  const words = (value: string) =>
    value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_all, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : quotedPrintable(text.replace(/_/g, ' ')),
    );
  const body = raw.slice(split + 4);
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : encoding === 'quoted-printable' ? quotedPrintable(body) : body;
  return { to, subject: words(header('Subject')).trim(), text };
}

function quotedPrintable(text: string): string {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '=' && /^[0-9A-F]{2}$/i.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(source[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

describe('case collaboration: watchers and e-mail', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let db: pg.Client;
  let smtp: SMTPServer;
  const mails: ReceivedMail[] = [];
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
    const port = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          mails.push(readMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((rcpt) => rcpt.address)));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      smtp.once('error', reject);
      smtp.listen(port, '127.0.0.1', () => resolve());
    });
    environment = await createTestEnvironment({ SMTP_URL: `smtp://127.0.0.1:${port}` });
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
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
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
    const mailsTo = (address: string) => mails.filter((mail) => mail.to.includes(address));
    const received = await eventually(async () => (mailsTo('mailbox@aqtalu.kz').length ? mailsTo('mailbox@aqtalu.kz') : null), 15_000, 'the e-mail');
    expect(received).toHaveLength(1);
    expect(received[0]!.text).toContain('Сізге Aqtalu жүйесінде есептік жазба ашылды.');
    expect(received[0]!.text).toContain('Для вас создана учётная запись в системе Aqtalu.');
    expect(received[0]!.subject).toContain('есептік жазба');

    // The job run again (a retry after a crash) delivers nothing and sends nothing.
    const [notification] = (await db.query(`SELECT id FROM notifications WHERE user_id = $1 AND kind = 'account.created'`, [created.body.id])).rows;
    expect(await worker.get(NotificationService).deliver(notification.id)).toBe(false);
    expect(mailsTo('mailbox@aqtalu.kz')).toHaveLength(1);
  });
});
