import { AuthHttpError, authorizedFetch, jsonHeaders } from './authFetch';
import { readProblemDetail } from './problemDetails';

/** What /api/auth/totp/setup answers: the new secret, to type in, and the otpauth:// URI, for a QR code. */
export interface TotpSetup {
  secret: string;
  otpauthUri: string;
}

/** Step 1: a new secret for the authenticator app (each call replaces the one before). */
export async function startTotpSetup(): Promise<TotpSetup> {
  const response = await authorizedFetch('/auth/totp/setup', { method: 'POST', headers: jsonHeaders });
  if (!response.ok) {
    throw new AuthHttpError((await readProblemDetail(response)) ?? 'ra.notification.http_error', response.status);
  }
  return (await response.json()) as TotpSetup;
}

/**
 * Step 2: the first code proves the app holds the secret. The API then ends this sign-in: the user signs
 * in again, with a code. Its 401 here means "wrong code", so it is not taken for an expired token.
 */
export async function confirmTotp(code: string): Promise<'confirmed' | 'wrong_code'> {
  const response = await authorizedFetch(
    '/auth/totp/confirm',
    { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ code: code.replace(/\s/g, '') }) },
    { retryOnUnauthorized: false },
  );
  if (response.ok) return 'confirmed';
  if (response.status === 401) return 'wrong_code';
  throw new AuthHttpError((await readProblemDetail(response)) ?? 'ra.notification.http_error', response.status);
}
