import { type LoginResponse, Role, type SessionUser } from '@aqtalu/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authProvider as sut } from './authProvider';

/** Just enough of the Web Storage API for the provider, which runs in a browser. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

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

const loginAnswer: LoginResponse = {
  accessToken: 'token-1',
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshToken: '6f1c2a9e-0000-4000-8000-000000000009.refresh-secret',
  refreshExpiresAt: '2026-12-08T00:00:00.000Z',
  totpEnrolmentRequired: false,
  user,
};

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

  const signIn = async () => {
    fetchMock.mockResolvedValueOnce(json(200, loginAnswer));
    await sut.login({ username: 'secretary@aqtalu.test', password: 'correct horse' });
  };

  it('sends the login form’s username as the email and keeps the token and user', async () => {
    await signIn();

    expect(fetchMock).toHaveBeenCalledOnce();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/auth/login');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({ email: 'secretary@aqtalu.test', password: 'correct horse' });
    await expect(sut.checkAuth()).resolves.toBeUndefined();
    await expect(sut.getPermissions()).resolves.toBe(Role.Secretary);
  });

  it('shows the detail of the API’s problem answer when the login is refused', async () => {
    fetchMock.mockResolvedValueOnce(
      json(
        401,
        { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Неверный e-mail или пароль' },
        'application/problem+json',
      ),
    );

    await expect(sut.login({ username: 'secretary@aqtalu.test', password: 'wrong' })).rejects.toThrow(
      'Неверный e-mail или пароль',
    );
    await expect(sut.checkAuth()).rejects.toBeDefined();
  });

  it('falls back to the generic sign-in message when the refusal has no problem body', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));

    await expect(sut.login({ username: 'a@b.test', password: 'x' })).rejects.toThrow('ra.auth.sign_in_error');
  });

  it('logs out on a 401 from the API and forgets the session', async () => {
    await signIn();

    await expect(sut.checkError({ status: 401 })).rejects.toEqual({ message: 'ra.notification.logged_out' });
    await expect(sut.checkAuth()).rejects.toBeDefined();
    await expect(sut.getPermissions()).resolves.toBeUndefined();
  });

  it('keeps the session on a 403, which refuses an action, not the user', async () => {
    await signIn();

    await expect(sut.checkError({ status: 403 })).resolves.toBeUndefined();
    await expect(sut.checkAuth()).resolves.toBeUndefined();
  });

  it('treats a token past its expiry as signed out', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-05-31T09:00:00Z'));
    await signIn();

    vi.setSystemTime(new Date('2025-05-31T09:15:01Z'));
    await expect(sut.checkAuth()).rejects.toEqual({ message: 'ra.notification.logged_out' });
  });

  it('asks the API who the token belongs to for the identity', async () => {
    await signIn();
    fetchMock.mockResolvedValueOnce(json(200, { ...user, displayName: 'Айгүл Сейітқызы' }));

    await expect(sut.getIdentity()).resolves.toEqual({ id: user.id, fullName: 'Айгүл Сейітқызы' });
    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe('/api/auth/me');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer token-1');
  });

  it('ends the session when the API refuses the token behind the identity', async () => {
    await signIn();
    fetchMock.mockResolvedValueOnce(json(401, { type: 'about:blank', title: 'Unauthorized', status: 401 }));

    await expect(sut.getIdentity()).rejects.toMatchObject({ status: 401 });
    await expect(sut.checkAuth()).rejects.toBeDefined();
  });
});
