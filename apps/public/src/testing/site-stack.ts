import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApi } from '@aqtalu/api';
import { Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, startTestMailbox, type TestEnvironment, type TestMailbox } from '@aqtalu/testing';
import { createWorker } from '@aqtalu/worker';
import pg from 'pg';
import { createPublicSite } from '../bootstrap.js';

/** What a test of the public site runs: the API (the staff's side), the site beside it, a worker and a mailbox when asked. */
export interface SiteStack {
  environment: TestEnvironment;
  api: NestExpressApplication;
  /** The API's address (the staff's requests). */
  baseUrl: string;
  site: NestExpressApplication;
  /** The public site's address (the visitors' requests). */
  siteUrl: string;
  worker?: INestApplicationContext;
  mailbox?: TestMailbox;
  /** The application's role. */
  db: pg.Client;
  /** The demo secretary, signed in to the API. */
  secretary: HttpSession;
  close(): Promise<void>;
}

/**
 * The API and the public site on one test database and Redis, as two processes share them in production, with a
 * worker (the evidence checks, the e-mails, the open data) and a mailbox (SMTP_URL) when the test needs them.
 */
export async function startSiteStack(options: { worker?: boolean; mailbox?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<SiteStack> {
  const mailbox = options.mailbox ? await startTestMailbox() : undefined;
  const environment = await createTestEnvironment({ ...(mailbox ? { SMTP_URL: mailbox.url } : {}), ...options.env });
  const api = await createApi(environment.config);
  await api.listen(0, '127.0.0.1');
  const site = await createPublicSite(environment.config);
  await site.listen(0, '127.0.0.1');
  const worker = options.worker ? await createWorker(environment.config) : undefined;
  await worker?.init();
  const db = new pg.Client({ connectionString: environment.databaseUrl });
  await db.connect();
  const baseUrl = await api.getUrl();
  const secretary = await HttpSession.loginAs(baseUrl, demoLogins.find((login) => login.role === Role.Secretary)!);
  return {
    environment, api, baseUrl, site, siteUrl: await site.getUrl(), worker, mailbox, db, secretary,
    close: async () => {
      await db.end();
      await worker?.close();
      await site.close();
      await api.close();
      await environment.dispose();
      await mailbox?.close();
    },
  };
}
