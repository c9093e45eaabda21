import type { Role } from './roles.js';

export interface LoginRequest {
  email: string;
  password: string;
}

/** What the API says about the signed-in user; the back office reads its permissions from `role`. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  archiveCode: string | null;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: SessionUser;
}
