import type { LoginResponse, RefreshRequest } from '@aqtalu/contracts';
import { readProblemDetail } from './problemDetails';
import { announceSignedOut } from './sessionChannel';
import { apiUrl, clearSession, readSession, sessionFrom, writeSession, type StoredSession } from './session';

/** An HTTP failure; react-admin's checkError and our own look at `status`. */
export class AuthHttpError extends Error {
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.name = 'AuthHttpError';
    this.status = status;
  }
}

/** An access token this close to its expiry is renewed before it is sent, not after the API refuses it. */
export const refreshMarginMs = 30_000;

export const jsonHeaders = { Accept: 'application/json', 'Content-Type': 'application/json' } as const;

/** The 401 that makes react-admin's checkError sign the user out. */
export const sessionEnded = () => new AuthHttpError('ra.notification.logged_out', 401);

let inFlight: Promise<StoredSession> | null = null;

const refreshLock = 'aqtalu.session.refresh';

/** One refresh at a time across the browser's tabs too: two tabs rotating the same token would revoke the sign-in. */
function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  return locks ? locks.request(refreshLock, task) : task();
}

/**
 * Waits while a refresh is under way, in this tab or another (which holds the lock exclusively): a request
 * sent meanwhile would carry the token being replaced and come back 401. Taken shared, the lock costs
 * requests nothing when no refresh runs.
 */
async function afterRefreshes(): Promise<void> {
  if (inFlight) await inFlight.catch(() => undefined);
  const locks = globalThis.navigator?.locks;
  if (locks) await locks.request(refreshLock, { mode: 'shared' }, () => undefined);
}

async function exchange(refreshToken: string): Promise<StoredSession> {
  let response: Response;
  try {
    response = await fetch(`${apiUrl}/auth/refresh`, {
      method: 'POST',
      headers: jsonHeaders,
      body: JSON.stringify({ refreshToken } satisfies RefreshRequest),
    });
  } catch {
    // Offline is not signed out: keep the session and let the request fail as any other would.
    throw new Error('ra.notification.http_error');
  }
  if (response.status >= 500 || response.status === 429) {
    throw new AuthHttpError((await readProblemDetail(response)) ?? 'ra.notification.http_error', response.status);
  }
  if (!response.ok) {
    // Expired, revoked or reused: the sign-in is over on the API's side, in every tab.
    clearSession();
    announceSignedOut();
    throw sessionEnded();
  }
  const session = sessionFrom((await response.json()) as LoginResponse);
  // Signed out while the refresh was on its way: stay signed out.
  if (!readSession()) throw sessionEnded();
  writeSession(session);
  return session;
}

/**
 * A new token pair for a session whose access token is expiring or was refused. Concurrent callers share
 * one refresh: each use of a refresh token kills it, and reusing it revokes the whole sign-in.
 */
export function refreshSession(stale: StoredSession): Promise<StoredSession> {
  inFlight ??= withRefreshLock(async () => {
    const current = readSession();
    if (!current) throw sessionEnded();
    // Someone else (another tab, an earlier request) already rotated it: theirs is the live pair.
    if (current.refreshToken !== stale.refreshToken) return current;
    return exchange(current.refreshToken);
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** The session with an access token good for 30 more seconds at least, or null when nobody is signed in. */
export async function freshSession(): Promise<StoredSession | null> {
  await afterRefreshes();
  const session = readSession();
  if (!session) return null;
  return session.expiresAt - Date.now() < refreshMarginMs ? refreshSession(session) : session;
}

function withBearer(headers: HeadersInit | undefined, accessToken: string): Headers {
  const merged = new Headers(headers);
  merged.set('Authorization', `Bearer ${accessToken}`);
  return merged;
}

/**
 * fetch under `/api` with the bearer token: renewed before it expires, and renewed and retried once after a
 * 401. A refused renewal throws the 401 that signs the user out. `retryOnUnauthorized: false` is for the
 * routes whose 401 means "wrong code", not "who are you".
 */
export async function authorizedFetch(
  path: string,
  init: RequestInit = {},
  { retryOnUnauthorized = true }: { retryOnUnauthorized?: boolean } = {},
): Promise<Response> {
  const session = await freshSession();
  if (!session) throw sessionEnded();
  const send = (current: StoredSession) =>
    fetch(`${apiUrl}${path}`, { ...init, headers: withBearer(init.headers, current.accessToken) });
  const response = await send(session);
  if (response.status !== 401 || !retryOnUnauthorized) return response;
  return send(await refreshSession(session));
}

/** Forgets the session here and revokes its refresh token at the API; an unreachable API changes nothing here. */
export async function endSession(): Promise<void> {
  const session = readSession();
  clearSession();
  if (!session) return;
  announceSignedOut();
  try {
    await fetch(`${apiUrl}/auth/logout`, {
      method: 'POST',
      headers: jsonHeaders,
      body: JSON.stringify({ refreshToken: session.refreshToken } satisfies RefreshRequest),
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    // The token dies on its own at refreshExpiresAt; the user is signed out here either way.
  }
}
