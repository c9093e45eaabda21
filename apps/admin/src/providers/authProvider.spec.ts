import { type LoginResponse, Role, type SessionUser } from '@aqtalu/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authProvider as sut, TooManyAttemptsError, TotpRequiredError } from './authProvider';
import { MemoryStorage } from '../testing/memoryStorage';
import { readSession } from './session';

const user: SessionUser = {
  id: '6f1c2a9e-0000-4000-8000-000000000001',
  email: 'secretary@aqtalu.test',
  displayName: 'Айгүл Сейітова',
  role: Role.Secretary,
  regionCode: null,
  archiveCode: null,
  totpEnabled: false,
};

const json = (status: number, body: unknown, contentType = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });

const problem = (status: number, detail: string, extra: Record<string, unknown> = {}) =>
  json(status, { type: 'about:blank', title: 'Error', status, detail, ...extra }, 'application/problem+json');

const loginAnswer: LoginResponse = {
  accessToken: 'token-1',
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshToken: '6f1c2a9e-0000-4000-8000-000000000009.refresh-secret',
  refreshExpiresAt: '2099-12-08T00:00:00.000Z',
  totpEnrolmentRequired: false,
  user,
};

const refreshAnswer: LoginResponse = { ...loginAnswer, accessToken: 'token-2', refreshToken: 'refresh-2' };

type Handler = (init: RequestInit | undefined) => Response | Promise<Response>;

const bearerOf = (init: RequestInit | undefined) => new Headers(init?.headers).get('Authorization');
const bodyOf = (init: RequestInit | undefined) => JSON.parse(init?.body as string) as Record<string, unknown>;

describe('authProvider', () => {
  let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

  beforeEach(() => {
    fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('localStorage', new MemoryStorage());
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** Answers each URL with its handler, in whatever order the requests come. */
  const route = (handlers: Record<string, Handler>) =>
    fetchMock.mockImplementation(async (url, init) => {
      const handler = handlers[String(url)];
      if (!handler) throw new Error(`unexpected request to ${String(url)}`);
      return handler(init);
    });

  const callsTo = (url: string) => fetchMock.mock.calls.filter(([called]) => called === url);

  const signIn = async (answer: LoginResponse = loginAnswer) => {
    fetchMock.mockResolvedValueOnce(json(200, answer));
    return sut.login({ username: 'secretary@aqtalu.test', password: 'correct horse' });
  };

  it('sends the login form’s username as the email and keeps the tokens and user', async () => {
    await expect(signIn()).resolves.toBeUndefined();

    expect(fetchMock).toHaveBeenCalledOnce();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/auth/login');
    expect(init?.method).toBe('POST');
    expect(bodyOf(init)).toEqual({ email: 'secretary@aqtalu.test', password: 'correct horse' });
    expect(readSession()).toMatchObject({ accessToken: 'token-1', refreshToken: loginAnswer.refreshToken });
    await expect(sut.checkAuth()).resolves.toBeUndefined();
    await expect(sut.getPermissions()).resolves.toBe(Role.Secretary);
  });

  it('shows the detail of the API’s problem answer when the login is refused', async () => {
    fetchMock.mockResolvedValueOnce(problem(401, 'Неверный e-mail или пароль'));

    await expect(sut.login({ username: 'secretary@aqtalu.test', password: 'wrong' })).rejects.toThrow(
      'Неверный e-mail или пароль',
    );
    await expect(sut.checkAuth()).rejects.toBeDefined();
  });

  it('falls back to the generic sign-in message when the refusal has no problem body', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));

    await expect(sut.login({ username: 'a@b.test', password: 'x' })).rejects.toThrow('ra.auth.sign_in_error');
  });

  describe('the second factor', () => {
    it('asks for the authenticator code when the API answers totpRequired, then signs in with it', async () => {
      fetchMock.mockResolvedValueOnce(problem(401, 'Enter the 6-digit code', { totpRequired: true }));

      const refusal = sut.login({ username: 'admin@aqtalu.test', password: 'correct horse' });
      await expect(refusal).rejects.toBeInstanceOf(TotpRequiredError);
      await expect(refusal).rejects.toMatchObject({ codeWasSent: false, status: 401 });
      expect(readSession()).toBeNull();

      fetchMock.mockResolvedValueOnce(json(200, loginAnswer));
      await sut.login({ username: 'admin@aqtalu.test', password: 'correct horse', totpCode: '123 456' });

      expect(bodyOf(fetchMock.mock.calls[1]![1])).toEqual({
        email: 'admin@aqtalu.test',
        password: 'correct horse',
        totpCode: '123456',
      });
      await expect(sut.checkAuth()).resolves.toBeUndefined();
    });

    it('tells a wrong code from a missing one', async () => {
      fetchMock.mockResolvedValueOnce(problem(401, 'The code is wrong or expired', { totpRequired: true }));

      await expect(
        sut.login({ username: 'admin@aqtalu.test', password: 'correct horse', totpCode: '000000' }),
      ).rejects.toMatchObject({ totpRequired: true, codeWasSent: true });
    });

    it('sends a user who must still set up a second factor to the set-up page, with nothing else to open', async () => {
      await expect(signIn({ ...loginAnswer, totpEnrolmentRequired: true })).resolves.toEqual({
        redirectTo: '/totp-setup',
      });
      await expect(sut.canAccess({ resource: 'users', action: 'list' })).resolves.toBe(false);
    });
  });

  it('shows the wait the API names after too many failed sign-ins', async () => {
    fetchMock.mockResolvedValueOnce(
      problem(429, 'Too many failed sign-ins: try again in 10 minutes.', { retryAfterSeconds: 600 }),
    );

    const refusal = sut.login({ username: 'a@b.test', password: 'x' });
    await expect(refusal).rejects.toBeInstanceOf(TooManyAttemptsError);
    await expect(refusal).rejects.toMatchObject({
      message: 'Too many failed sign-ins: try again in 10 minutes.',
      status: 429,
      retryAfterSeconds: 600,
    });
  });

  it('logs out on a 401 from the API, revokes the refresh token and forgets the session', async () => {
    await signIn();
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));

    await expect(sut.checkError({ status: 401 })).rejects.toEqual({ message: 'ra.notification.logged_out' });
    expect(callsTo('/api/auth/logout')).toHaveLength(1);
    await expect(sut.checkAuth()).rejects.toBeDefined();
    await expect(sut.getPermissions()).resolves.toBeUndefined();
  });

  it('keeps the session on a 403, which refuses an action, not the user', async () => {
    await signIn();

    await expect(sut.checkError({ status: 403 })).resolves.toBeUndefined();
    await expect(sut.checkAuth()).resolves.toBeUndefined();
  });

  it('keeps a sign-in whose access token expired while its refresh token is valid', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-05-31T09:00:00Z'));
    await signIn({ ...loginAnswer, refreshExpiresAt: '2025-06-14T09:00:00.000Z' });

    vi.setSystemTime(new Date('2025-05-31T09:15:01Z'));
    await expect(sut.checkAuth()).resolves.toBeUndefined();

    vi.setSystemTime(new Date('2025-06-14T09:00:01Z'));
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(sut.checkAuth()).rejects.toEqual({ message: 'ra.notification.logged_out' });
    expect(readSession()).toBeNull();
  });

  it('asks the API who the token belongs to for the identity', async () => {
    await signIn();
    fetchMock.mockResolvedValueOnce(json(200, { ...user, displayName: 'Айгүл Сейітқызы' }));

    await expect(sut.getIdentity()).resolves.toEqual({ id: user.id, fullName: 'Айгүл Сейітқызы' });
    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe('/api/auth/me');
    expect(bearerOf(init)).toBe('Bearer token-1');
  });

  describe('refreshing the access token', () => {
    it('renews the tokens after a 401 and sends the refused request again', async () => {
      await signIn();
      route({
        '/api/auth/me': (init) =>
          bearerOf(init) === 'Bearer token-2' ? json(200, user) : problem(401, 'The access token has expired.'),
        '/api/auth/refresh': () => json(200, refreshAnswer),
      });

      await expect(sut.getIdentity()).resolves.toEqual({ id: user.id, fullName: user.displayName });

      expect(callsTo('/api/auth/me').map(([, init]) => bearerOf(init))).toEqual(['Bearer token-1', 'Bearer token-2']);
      const [[, refresh]] = callsTo('/api/auth/refresh') as [[string, RequestInit]];
      expect(bodyOf(refresh)).toEqual({ refreshToken: loginAnswer.refreshToken });
      expect(readSession()).toMatchObject({ accessToken: 'token-2', refreshToken: 'refresh-2' });
    });

    it('shares one refresh between requests refused at the same time, since a reused refresh token revokes the sign-in', async () => {
      await signIn();
      route({
        '/api/auth/me': (init) =>
          bearerOf(init) === 'Bearer token-2' ? json(200, user) : problem(401, 'The access token has expired.'),
        // Slow enough that both refusals arrive while it is under way.
        '/api/auth/refresh': () => new Promise((resolve) => setTimeout(() => resolve(json(200, refreshAnswer)), 20)),
      });

      await expect(Promise.all([sut.getIdentity(), sut.getIdentity()])).resolves.toHaveLength(2);

      expect(callsTo('/api/auth/refresh')).toHaveLength(1);
      expect(callsTo('/api/auth/me').map(([, init]) => bearerOf(init))).toEqual([
        'Bearer token-1',
        'Bearer token-1',
        'Bearer token-2',
        'Bearer token-2',
      ]);
    });

    it('renews a token that expires within 30 seconds before sending it', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2025-05-31T09:00:00Z'));
      await signIn();
      vi.setSystemTime(new Date('2025-05-31T09:14:40Z')); // 20 s left of 900
      route({
        '/api/auth/me': () => json(200, user),
        '/api/auth/refresh': () => json(200, refreshAnswer),
      });

      await sut.getIdentity();

      expect(fetchMock.mock.calls.slice(1).map(([url]) => url)).toEqual(['/api/auth/refresh', '/api/auth/me']);
      expect(bearerOf(callsTo('/api/auth/me')[0]![1])).toBe('Bearer token-2');
    });

    it('signs out when the API refuses the refresh', async () => {
      await signIn();
      route({
        '/api/auth/me': () => problem(401, 'The access token has expired.'),
        '/api/auth/refresh': () => problem(401, 'The sign-in has ended.'),
      });

      await expect(sut.getIdentity()).rejects.toMatchObject({ status: 401 });
      expect(readSession()).toBeNull();
      await expect(sut.checkAuth()).rejects.toBeDefined();
    });

    it('keeps the session when the refresh cannot reach the API', async () => {
      await signIn();
      route({
        '/api/auth/me': () => problem(401, 'The access token has expired.'),
        '/api/auth/refresh': () => Promise.reject(new TypeError('Failed to fetch')),
      });

      // Offline: the identity of the sign-in, which has not changed.
      await expect(sut.getIdentity()).resolves.toEqual({ id: user.id, fullName: user.displayName });
      expect(readSession()).not.toBeNull();
    });
  });

  describe('logout', () => {
    it('revokes the refresh token at the API and forgets the session', async () => {
      await signIn();
      fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));

      await sut.logout();

      const [[url, init]] = callsTo('/api/auth/logout') as [[string, RequestInit]];
      expect(url).toBe('/api/auth/logout');
      expect(init.method).toBe('POST');
      expect(bodyOf(init)).toEqual({ refreshToken: loginAnswer.refreshToken });
      expect(readSession()).toBeNull();
    });

    it('signs out here even when the API cannot be reached', async () => {
      await signIn();
      fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));

      await expect(sut.logout()).resolves.toBeUndefined();
      await expect(sut.checkAuth()).rejects.toBeDefined();
    });
  });

  describe('canAccess', () => {
    const signInAs = async (role: Role) => signIn({ ...loginAnswer, user: { ...user, role } });

    it('lets an administrator read and manage users but not read the audit log', async () => {
      await signInAs(Role.Admin);
      for (const action of ['list', 'show', 'create', 'edit']) {
        await expect(sut.canAccess({ resource: 'users', action })).resolves.toBe(true);
      }
      await expect(sut.canAccess({ resource: 'audit-log', action: 'list' })).resolves.toBe(false);
    });

    it('lets an auditor read users and the audit log, and change nothing', async () => {
      await signInAs(Role.Auditor);
      await expect(sut.canAccess({ resource: 'users', action: 'list' })).resolves.toBe(true);
      await expect(sut.canAccess({ resource: 'users', action: 'show' })).resolves.toBe(true);
      await expect(sut.canAccess({ resource: 'users', action: 'edit' })).resolves.toBe(false);
      await expect(sut.canAccess({ resource: 'users', action: 'create' })).resolves.toBe(false);
      await expect(sut.canAccess({ resource: 'audit-log', action: 'list' })).resolves.toBe(true);
      await expect(sut.canAccess({ resource: 'audit-log', action: 'show' })).resolves.toBe(true);
      await expect(sut.canAccess({ resource: 'audit-log', action: 'edit' })).resolves.toBe(false);
    });

    it('denies a secretary the users and any resource it does not know', async () => {
      await signInAs(Role.Secretary);
      await expect(sut.canAccess({ resource: 'users', action: 'list' })).resolves.toBe(false);
      await expect(sut.canAccess({ resource: 'payments', action: 'list' })).resolves.toBe(false);
    });

    it('lets the case workers search the registry and lets every role read its own notifications', async () => {
      await signInAs(Role.Secretary);
      await expect(sut.canAccess({ resource: 'persons', action: 'list' })).resolves.toBe(true);
      await expect(sut.canAccess({ resource: 'notifications', action: 'list' })).resolves.toBe(true);
      await signInAs(Role.ArchiveLiaison);
      await expect(sut.canAccess({ resource: 'persons', action: 'list' })).resolves.toBe(false);
      await expect(sut.canAccess({ resource: 'evidence', action: 'create' })).resolves.toBe(true);
      await expect(sut.canAccess({ resource: 'evidence', action: 'verify' })).resolves.toBe(false);
      await expect(sut.canAccess({ resource: 'notifications', action: 'list' })).resolves.toBe(true);
    });

    it('lets the secretary register cases and plan sessions, and not vote or answer for an archive', async () => {
      await signInAs(Role.Secretary);
      await expect(sut.canAccess({ resource: 'cases', action: 'create' })).resolves.toBe(true);
      await expect(sut.canAccess({ resource: 'commission-sessions', action: 'create' })).resolves.toBe(true);
      await expect(sut.canAccess({ resource: 'commission-sessions', action: 'vote' })).resolves.toBe(false);
      await expect(sut.canAccess({ resource: 'archive-requests', action: 'answer' })).resolves.toBe(false);
    });

    it('gives a liaison the archive requests inbox and no cases', async () => {
      await signInAs(Role.ArchiveLiaison);
      await expect(sut.canAccess({ resource: 'archive-requests', action: 'list' })).resolves.toBe(true);
      await expect(sut.canAccess({ resource: 'archive-requests', action: 'answer' })).resolves.toBe(true);
      await expect(sut.canAccess({ resource: 'cases', action: 'list' })).resolves.toBe(false);
    });

    it('lets a commission member see sessions and vote, but not plan them', async () => {
      await signInAs(Role.CommissionMember);
      await expect(sut.canAccess({ resource: 'commission-sessions', action: 'vote' })).resolves.toBe(true);
      await expect(sut.canAccess({ resource: 'commission-sessions', action: 'create' })).resolves.toBe(false);
      await expect(sut.canAccess({ resource: 'cases', action: 'create' })).resolves.toBe(false);
    });
  });
});
