import type { SessionUser } from '@aqtalu/contracts';

/** The API's base path: same origin in production, proxied by Vite in dev. */
export const apiUrl = '/api';

/** What the back office keeps in localStorage between page loads. */
export interface StoredSession {
  accessToken: string;
  /** Epoch milliseconds after which the API refuses the token. */
  expiresAt: number;
  user: SessionUser;
}

const storageKey = 'aqtalu.session';

export function readSession(): StoredSession | null {
  const raw = localStorage.getItem(storageKey);
  if (raw === null) return null;
  try {
    const session = JSON.parse(raw) as Partial<StoredSession>;
    // A value written by an older build, or edited by hand, counts as no session.
    if (typeof session.accessToken !== 'string' || typeof session.expiresAt !== 'number' || !session.user) {
      return null;
    }
    return session as StoredSession;
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
