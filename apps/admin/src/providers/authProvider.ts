import type { LoginRequest, LoginResponse, Role, SessionUser } from '@aqtalu/contracts';
import type { AuthProvider, UserIdentity } from 'react-admin';
import { codeText } from '../i18n/codeText';
import { canRoleAccess } from './access';
import { AuthHttpError, authorizedFetch, endSession, jsonHeaders, sessionEnded } from './authFetch';
import { i18nProvider } from './i18nProvider';
import { apiUrl, readSession, sessionFrom, writeSession } from './session';

export { AuthHttpError } from './authFetch';

/** react-admin's login form names its first field `username`; ours holds the e-mail. */
export interface LoginParams {
  username: string;
  password: string;
  /** The 6-digit code of the authenticator app, once the API has asked for it. */
  totpCode?: string;
}

/** The API wants the code of the authenticator app (none was sent, or the one sent was wrong). */
export class TotpRequiredError extends AuthHttpError {
  readonly totpRequired = true;
  /** Whether a code was sent with the refused attempt, i.e. the code was wrong rather than missing. */
  readonly codeWasSent: boolean;

  constructor(message: string, codeWasSent: boolean) {
    super(message, 401);
    this.name = 'TotpRequiredError';
    this.codeWasSent = codeWasSent;
  }
}

/** Too many failed sign-ins: the API names the wait in `retryAfterSeconds`. */
export class TooManyAttemptsError extends AuthHttpError {
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, retryAfterSeconds: number | undefined) {
    super(message, 429);
    this.name = 'TooManyAttemptsError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Where a signed-in user who must still set up a second factor is sent; nothing else works until then. */
export const totpSetupPath = '/totp-setup';

const signedOutPermissionsDelayMs = 50;

const toIdentity = (user: SessionUser): UserIdentity => ({ id: user.id, fullName: user.displayName });

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
    ? (error as { status: number }).status
    : undefined;

/** The body of a refused login: problem+json, with `totpRequired` or `retryAfterSeconds` on top. */
interface LoginProblem {
  detail?: unknown;
  code?: unknown;
  params?: unknown;
  totpRequired?: unknown;
  retryAfterSeconds?: unknown;
}

async function readLoginProblem(response: Response): Promise<LoginProblem> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as LoginProblem) : {};
  } catch {
    return {}; // a proxy's HTML page, say
  }
}

function loginRefusal(response: Response, problem: LoginProblem, codeWasSent: boolean): AuthHttpError {
  // The login form shows the message: the API's code in the screen's language, or its own words.
  const detail = typeof problem.detail === 'string' ? codeText(problem, problem.detail, (key, options) => i18nProvider.translate(key, options)) : undefined;
  if (response.status === 401 && problem.totpRequired === true) {
    return new TotpRequiredError(detail ?? 'aqtalu.auth.totp_prompt', codeWasSent);
  }
  if (response.status === 429) {
    const wait = typeof problem.retryAfterSeconds === 'number' ? problem.retryAfterSeconds : undefined;
    return new TooManyAttemptsError(detail ?? 'aqtalu.auth.too_many_attempts', wait);
  }
  return new AuthHttpError(detail ?? 'ra.auth.sign_in_error', response.status);
}

export const authProvider = {
  async login({ username, password, totpCode }: LoginParams): Promise<{ redirectTo: string } | undefined> {
    const code = totpCode?.replace(/\s/g, '');
    const request: LoginRequest = { email: username.trim(), password, ...(code ? { totpCode: code } : {}) };
    let response: Response;
    try {
      response = await fetch(`${apiUrl}/auth/login`, {
        method: 'POST',
        headers: jsonHeaders,
        body: JSON.stringify(request),
      });
    } catch {
      throw new Error('ra.notification.http_error');
    }
    if (!response.ok) throw loginRefusal(response, await readLoginProblem(response), Boolean(code));
    const session = sessionFrom((await response.json()) as LoginResponse);
    writeSession(session);
    // useLogin goes wherever `redirectTo` says, and to the page the user came from when there is none.
    return session.totpEnrolmentRequired ? { redirectTo: totpSetupPath } : undefined;
  },

  async logout(): Promise<void> {
    await endSession();
  },

  async checkAuth(): Promise<void> {
    const session = readSession();
    // Nobody signed in yet: go to the login page without an error notification.
    if (!session) return Promise.reject({ message: false });
    // An expired access token is renewed by the next request; only an expired refresh token ends the sign-in.
    if (session.refreshExpiresAt <= Date.now()) {
      await endSession();
      return Promise.reject({ message: 'ra.notification.logged_out' });
    }
  },

  async checkError(error: unknown): Promise<void> {
    // A 401 reaching here survived a refresh and a retry: the sign-in is over. A 403 means "not this", not "not you".
    if (statusOf(error) === 401) {
      await endSession();
      return Promise.reject({ message: 'ra.notification.logged_out' });
    }
  },

  async getIdentity(params?: { signal?: AbortSignal }): Promise<UserIdentity> {
    const session = readSession();
    if (!session) throw sessionEnded();
    let response: Response;
    try {
      response = await authorizedFetch('/auth/me', { headers: { Accept: 'application/json' }, signal: params?.signal });
    } catch (error) {
      if (params?.signal?.aborted || statusOf(error) === 401) throw error;
      return toIdentity(session.user); // offline: who signed in has not changed
    }
    if (response.status === 401) {
      await endSession();
      throw sessionEnded();
    }
    if (!response.ok) return toIdentity(session.user);
    const user = (await response.json()) as SessionUser;
    // The refresh may have rotated the tokens meanwhile: update the user of the session as it is now.
    const current = readSession();
    if (current) writeSession({ ...current, user });
    return toIdentity(user);
  },

  async getPermissions(): Promise<Role | undefined> {
    const session = readSession();
    // Signed out, an instant answer lets react-admin's logout remount its LogoutOnMount before the
    // navigation to /login commits, over and over (react-admin#10764, see ra-core's useLogout): wait a little.
    if (!session) await new Promise((resolve) => setTimeout(resolve, signedOutPermissionsDelayMs));
    return session?.user.role;
  },

  async canAccess({ resource, action }: { resource: string; action: string }): Promise<boolean> {
    const session = readSession();
    // Until the second factor is set up the API refuses everything, so the menu offers nothing.
    if (!session || session.totpEnrolmentRequired) return false;
    return canRoleAccess(session.user.role, resource, action);
  },
} satisfies AuthProvider;
