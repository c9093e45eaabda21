import { Role } from '@aqtalu/contracts';
import { isPortFree } from '@aqtalu/dev-stack';
import { demoLogins } from '@aqtalu/server';
import { HttpSession } from '@aqtalu/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, launchEnvironment, stop, type LaunchEnvironment } from './launcher.js';

const admin = demoLogins.find((login) => login.role === Role.Admin)!;

describe('npm start on a machine with no PostgreSQL or Redis running', () => {
  let stack: LaunchEnvironment;

  beforeAll(async () => {
    stack = await launchEnvironment();
  });

  afterAll(async () => {
    await stack.dispose();
  });

  it('starts, serves the back office, the API and the public site, stops on Ctrl-C, and keeps its data for the next start', async () => {
    const first = await launch(stack.env);
    let stopped = false;
    try {
      expect(first.output()).toContain('admin@aqtalu.local');
      expect(first.output()).toContain(`http://localhost:${stack.ports.api}`);

      const health = await new HttpSession(stack.baseUrl).get<{ details: Record<string, { status: string }> }>('/api/health');
      expect(health.status).toBe(200);
      expect(health.body.details.database!.status).toBe('up');
      expect(health.body.details.redis!.status).toBe('up');

      const page = await new HttpSession(stack.baseUrl).get<string>('/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('<div id="root">');

      // the public site, a process of its own, with the demo names published (no sign-in)
      expect(first.output()).toContain(stack.publicUrl);
      const book = await fetch(`${stack.publicUrl}/persons?q=Baitursynov&lang=en`);
      expect(book.status).toBe(200);
      expect(await book.text()).toMatch(/Байт[уұ]рсын|Baitursyn/);

      // the demo registry answers a search in another spelling (SCENARIOS.md §1)
      const secretary = await HttpSession.loginAs(stack.baseUrl, demoLogins.find((login) => login.role === Role.Secretary)!);
      const found = await secretary.get<Array<{ matchedVariant: string }>>(`/api/registry/persons?filter=${encodeURIComponent('{"q":"Жұмабаев Қабдолла"}')}`);
      expect(found.body.map((hit) => hit.matchedVariant)).toEqual(expect.arrayContaining(['Жумабаев Кабдолла', 'Джумабаев Кабдулла']));

      const session = await HttpSession.loginAs(stack.baseUrl, admin);
      const created = await session.post('/api/users', {
        email: 'kept.after.restart@aqtalu.kz',
        displayName: 'Сақталған қолданушы',
        password: 'kept-after-restart-1',
        role: Role.Auditor,
      });
      expect(created.status).toBe(201);

      expect(await stop(first)).toBe(0);
      stopped = true;
      // Nothing it started is left running.
      expect(await isPortFree(stack.ports.api)).toBe(true);
      expect(await isPortFree(stack.ports.publicSite)).toBe(true);
      expect(await isPortFree(stack.ports.postgres)).toBe(true);
      expect(await isPortFree(stack.ports.redis)).toBe(true);
    } finally {
      if (!stopped) await stop(first);
    }

    const second = await launch(stack.env);
    try {
      const again = await HttpSession.login(stack.baseUrl, 'kept.after.restart@aqtalu.kz', 'kept-after-restart-1');
      expect((await again.get('/api/auth/me')).status).toBe(200);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });
});
