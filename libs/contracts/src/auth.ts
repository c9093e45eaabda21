import type { Role } from './roles.js';

export interface LoginRequest {
  email: string;
  password: string;
  /** The 6-digit code of the authenticator app, for users with a second factor. */
  totpCode?: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

/** What the API says about the signed-in user; the back office reads its permissions from `role`. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  archiveCode: string | null;
  totpEnabled: boolean;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  /** Opaque; exchange it at /api/auth/refresh before it expires. Each use returns a new one. */
  refreshToken: string;
  refreshExpiresAt: string;
  /** The account must set up a second factor before anything else (TOTP_REQUIRED). */
  totpEnrolmentRequired: boolean;
  user: SessionUser;
}
