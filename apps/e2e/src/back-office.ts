import { requireProgram } from '@aqtalu/dev-stack';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { launch, launchEnvironment, stop, type Launch, type LaunchEnvironment } from './launcher.js';

/** Debian's chromium, headless; never a browser Playwright downloads. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: requireProgram({
      command: 'chromium',
      debianPackage: 'chromium',
      allowInstall: true,
      hint: 'the browser tests need Chromium: `sudo apt-get install chromium` (Debian) or chromium on PATH',
    }),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * The whole system as `npm start` runs it, on its own data and ports, and a browser in front of it.
 * Every browser test starts one in beforeAll and stops it in afterAll.
 */
export class BackOffice {
  private stack?: LaunchEnvironment;
  private launched?: Launch;
  private browser?: Browser;
  private readonly contexts: BrowserContext[] = [];

  get baseUrl(): string {
    return this.stack!.baseUrl;
  }

  /** The public site `npm start` serves beside the back office. */
  get publicUrl(): string {
    return this.stack!.publicUrl;
  }

  async start(): Promise<void> {
    this.stack = await launchEnvironment();
    this.launched = await launch(this.stack.env);
    this.browser = await launchBrowser();
  }

  /** A fresh browser profile (no session in localStorage) at the back office's address. */
  async newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await this.browser!.newContext({ locale: 'ru-RU', viewport });
    this.contexts.push(context);
    const page = await context.newPage();
    await page.goto(this.baseUrl);
    return page;
  }

  /** A fresh browser context of its own options (a phone, a language, JavaScript off), closed by stop(). */
  async newContext(options: BrowserContextOptions): Promise<BrowserContext> {
    const context = await this.browser!.newContext(options);
    this.contexts.push(context);
    return context;
  }

  /** Closes what it opened, each step even when one before failed; answers the launcher's exit code. */
  async stop(): Promise<number | null> {
    let exitCode: number | null = null;
    try {
      for (const context of this.contexts) await context.close().catch(() => undefined);
      await this.browser?.close();
    } finally {
      try {
        if (this.launched) exitCode = await stop(this.launched);
      } finally {
        await this.stack?.dispose();
      }
    }
    return exitCode;
  }
}
