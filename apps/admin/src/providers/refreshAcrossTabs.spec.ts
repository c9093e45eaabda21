import { type LoginResponse, Role, type SessionUser } from '@aqtalu/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../testing/memoryStorage';
import { readSession, writeSession } from './session';

const user: SessionUser = {
  id: '6f1c2a9e-0000-4000-8000-000000000001',
  email: 'secretary@aqtalu.test',
  displayName: 'Айгүл Сейітова',
  role: Role.Secretary,
  regionCode: null,
  archiveCode: null,
  totpEnabled: false,
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refused = () => json(401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'The sign-in has ended.', code: 'auth.refresh_invalid' });
const refreshAnswer: LoginResponse = {
  accessToken: 'token-2',
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshToken: 'refresh-2',
  refreshExpiresAt: '2099-12-08T00:00:00.000Z',
  totpEnrolmentRequired: false,
  user,
};

/**
 * The browser's Web Locks for one lock name, shared by the "tabs" of a test: exclusive holders one at a
 * time, shared holders together, in the order asked, as navigator.locks grants them.
 */
class FakeLocks {
  private readonly held: Array<{ mode: LockMode }> = [];
  private readonly waiting: Array<{ mode: LockMode; start: () => void }> = [];

  async request<T>(_name: string, optionsOrTask: LockOptions | (() => T), maybeTask?: () => T): Promise<Awaited<T>> {
    const [options, task] = typeof optionsOrTask === 'function' ? [{}, optionsOrTask] : [optionsOrTask, maybeTask!];
    const entry = { mode: options.mode ?? 'exclusive', start: () => undefined as void };
    await new Promise<void>((start) => {
      entry.start = start;
      this.waiting.push(entry);
      this.grant();
    });
    try {
      return await task();
    } finally {
      this.held.splice(this.held.indexOf(entry), 1);
      this.grant();
    }
  }

  private grant() {
    while (this.waiting.length > 0) {
      const next = this.waiting[0]!;
      const free = next.mode === 'shared' ? this.held.every((holder) => holder.mode === 'shared') : this.held.length === 0;
      if (!free) return;
      this.waiting.shift();
      this.held.push(next);
      next.start();
    }
  }
}

type AuthFetch = typeof import('./authFetch');
type Channel = typeof import('./sessionChannel');

/** A browser tab: its own copy of the modules (their in-memory state), the shared localStorage and locks. */
async function openTab(): Promise<AuthFetch & Channel> {
  vi.resetModules();
  const [authFetch, channel] = await Promise.all([import('./authFetch'), import('./sessionChannel')]);
  return { ...authFetch, ...channel };
}

// Each tab imports the providers afresh, which takes a few seconds on a busy machine.
describe('refreshing the sign-in with several tabs open', { timeout: 60_000 }, () => {
  let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
  const tabs: Array<AuthFetch & Channel> = [];
  const unsubscribes: Array<() => void> = [];

  beforeEach(() => {
    fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('localStorage', new MemoryStorage());
    vi.stubGlobal('navigator', { locks: new FakeLocks() });
  });

  afterEach(() => {
    for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
    for (const tab of tabs.splice(0)) tab.closeSessionChannel();
    vi.unstubAllGlobals();
  });

  const signedIn = async (expiresInMs: number) => {
    const first = await openTab();
    writeSession({
      accessToken: 'token-1',
      expiresAt: Date.now() + expiresInMs,
      refreshToken: 'refresh-1',
      refreshExpiresAt: Date.now() + 86_400_000,
      totpEnrolmentRequired: false,
      user,
    });
    const open = [first, await openTab(), await openTab()];
    tabs.push(...open);
    return open;
  };

  /** The API: `/auth/refresh` answers `refresh` after a little while (so that the tabs overlap), `/cases` checks the bearer. */
  const api = (refresh: () => Response, accepted: string) =>
    fetchMock.mockImplementation(async (url, init) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (url === '/api/auth/refresh') return refresh();
      const bearer = new Headers(init?.headers).get('Authorization');
      return bearer === `Bearer ${accepted}` ? json(200, []) : refused();
    });

  const calls = (path: string) => fetchMock.mock.calls.filter(([url]) => url === path);
  const bearers = () => calls('/api/cases').map(([, init]) => new Headers(init?.headers).get('Authorization'));

  it('refreshes an expired token once for all the tabs, and every tab sends its requests with the new one', async () => {
    const open = await signedIn(-1_000);
    api(() => json(200, refreshAnswer), 'token-2');

    const answers = await Promise.all(open.flatMap((tab) => [tab.authorizedFetch('/cases'), tab.authorizedFetch('/cases')]));

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(calls('/api/auth/refresh')).toHaveLength(1);
    expect(bearers()).toEqual(Array(6).fill('Bearer token-2'));
  });

  it('after a refused refresh sends nothing more from any tab, forgets the session and tells every tab to sign out', async () => {
    const open = await signedIn(-1_000);
    api(refused, 'token-2');
    const signedOut = open.map(() => vi.fn());
    open.forEach((tab, index) => unsubscribes.push(tab.onSignedOut(signedOut[index]!)));

    const results = await Promise.allSettled(open.flatMap((tab) => [tab.authorizedFetch('/cases'), tab.authorizedFetch('/cases')]));

    expect(results.map((result) => (result.status === 'rejected' ? (result.reason as { status?: number }).status : 'sent'))).toEqual(Array(6).fill(401));
    expect(calls('/api/auth/refresh')).toHaveLength(1);
    expect(calls('/api/cases')).toHaveLength(0);
    expect(readSession()).toBeNull();
    await vi.waitFor(() => signedOut.forEach((listener) => expect(listener).toHaveBeenCalled()));

    // Later requests, in any tab, do not reach the API at all.
    await expect(open[2]!.authorizedFetch('/cases')).rejects.toMatchObject({ status: 401 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('with a revoked token, only the requests already on their way come back 401: one refresh, then silence', async () => {
    const open = await signedIn(600_000);
    api(refused, 'nobody');

    const first = await Promise.allSettled([open[0]!.authorizedFetch('/cases'), open[0]!.authorizedFetch('/cases'), open[0]!.authorizedFetch('/cases')]);
    expect(first.every((result) => result.status === 'rejected')).toBe(true);
    expect(calls('/api/cases')).toHaveLength(3);
    expect(calls('/api/auth/refresh')).toHaveLength(1);

    // The other tabs learn it from the storage the refresh cleared, before sending anything.
    await Promise.allSettled([open[1]!.authorizedFetch('/cases'), open[2]!.authorizedFetch('/cases'), open[2]!.authorizedFetch('/notifications')]);
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });
});
