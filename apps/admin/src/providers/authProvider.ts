import type { LoginRequest, LoginResponse, Role, SessionUser } from '@aqtalu/contracts';
import type { AuthProvider, UserIdentity } from 'react-admin';
import { readProblemDetail } from './problemDetails';
import { apiUrl, clearSession, readSession, writeSession } from './session';

/** react-admin's login form names its first field `username`; ours holds the e-mail. */
export interface LoginParams {
  username: string;
  password: string;
}

/** An HTTP failure; react-admin's checkError and our own look at `status`. */
export class AuthHttpError extends Error {
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.name = 'AuthHttpError';
    this.status = status;
  }
}

const toIdentity = (user: SessionUser): UserIdentity => ({ id: user.id, fullName: user.displayName });

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
    ? (error as { status: number }).status
    : undefined;

export const authProvider = {
  async login({ username, password }: LoginParams): Promise<void> {
    const request: LoginRequest = { email: username.trim(), password };
    let response: Response;
    try {
      response = await fetch(`${apiUrl}/auth/login`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
    } catch {
      throw new Error('ra.notification.http_error');
    }
    if (!response.ok) {
      // The login form shows the message: the API's own words when it gave some.
      throw new AuthHttpError((await readProblemDetail(response)) ?? 'ra.auth.sign_in_error', response.status);
    }
    const body = (await response.json()) as LoginResponse;
    writeSession({
      accessToken: body.accessToken,
      expiresAt: Date.now() + body.expiresIn * 1000, // expiresIn is in seconds, as OAuth's expires_in
      user: body.user,
    });
  },

  async logout(): Promise<void> {
    clearSession();
  },

  async checkAuth(): Promise<void> {
    const session = readSession();
    // Nobody signed in yet: go to the login page without an error notification.
    if (!session) return Promise.reject({ message: false });
    if (session.expiresAt <= Date.now()) {
      clearSession();
      return Promise.reject({ message: 'ra.notification.logged_out' });
    }
  },

  async checkError(error: unknown): Promise<void> {
    // Only an expired or revoked token signs the user out; 403 means "not this", not "not you".
    if (statusOf(error) === 401) {
      clearSession();
      return Promise.reject({ message: 'ra.notification.logged_out' });
    }
  },

  async getIdentity(params?: { signal?: AbortSignal }): Promise<UserIdentity> {
    const session = readSession();
    if (!session) throw new AuthHttpError('ra.notification.logged_out', 401);
    let response: Response;
    try {
      response = await fetch(`${apiUrl}/auth/me`, {
        headers: { Accept: 'application/json', Authorization: `Bearer ${session.accessToken}` },
        signal: params?.signal,
      });
    } catch (error) {
      if (params?.signal?.aborted) throw error;
      return toIdentity(session.user); // offline: who signed in has not changed
    }
    if (response.status === 401) {
      clearSession();
      throw new AuthHttpError('ra.notification.logged_out', 401);
    }
    if (!response.ok) return toIdentity(session.user);
    const user = (await response.json()) as SessionUser;
    writeSession({ ...session, user });
    return toIdentity(user);
  },

  async getPermissions(): Promise<Role | undefined> {
    return readSession()?.user.role;
  },
} satisfies AuthProvider;
