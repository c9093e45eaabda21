import type { LoginResponse, SessionUser } from '@aqtalu/contracts';

/** The API's base path: same origin in production, proxied by Vite in dev. */
export const apiUrl = '/api';

/** What the back office keeps in localStorage between page loads. */
export interface StoredSession {
  accessToken: string;
  /** Epoch milliseconds after which the API refuses the access token. */
  expiresAt: number;
  /** Exchanged at /api/auth/refresh for a new pair; each use kills the old one. */
  refreshToken: string;
  /** Epoch milliseconds after which the refresh token is refused too: the sign-in is over. */
  refreshExpiresAt: number;
  /** Until the second factor is set up, the API answers 403 to everything but the set-up. */
  totpEnrolmentRequired: boolean;
  user: SessionUser;
}

const storageKey = 'aqtalu.session';

/** The session a login or a refresh answer starts. */
export function sessionFrom(answer: LoginResponse, now = Date.now()): StoredSession {
  return {
    accessToken: answer.accessToken,
    expiresAt: now + answer.expiresIn * 1000, // expiresIn is in seconds, as OAuth's expires_in
    refreshToken: answer.refreshToken,
    // An unreadable date must not end a sign-in the API still honours: it says so itself when it ends.
    refreshExpiresAt: Date.parse(answer.refreshExpiresAt) || Number.MAX_SAFE_INTEGER,
    totpEnrolmentRequired: answer.totpEnrolmentRequired,
    user: answer.user,
  };
}

export function readSession(): StoredSession | null {
  const raw = localStorage.getItem(storageKey);
  if (raw === null) return null;
  try {
    const session = JSON.parse(raw) as Partial<StoredSession>;
    // A value written by an older build (no refresh token), or edited by hand, counts as no session.
    if (
      typeof session.accessToken !== 'string' ||
      typeof session.expiresAt !== 'number' ||
      typeof session.refreshToken !== 'string' ||
      typeof session.refreshExpiresAt !== 'number' ||
      !session.user
    ) {
      return null;
    }
    return { ...session, totpEnrolmentRequired: session.totpEnrolmentRequired === true } as StoredSession;
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession): void {
  localStorage.setItem(storageKey, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(storageKey);
}
