import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse, SessionUser } from '@aqtalu/contracts';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { PasswordHasher } from './password-hasher.js';
import { toSessionUser, UserRepository } from './user.repository.js';

/** The claims of an access token; the user is re-read on every request, so a disabled user is out at once. */
export interface AccessTokenClaims {
  sub: string;
  role: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The user behind an e-mail and password, or null; a disabled account never signs in. */
  async verifyCredentials(email: string, password: string): Promise<SessionUser | null> {
    const found = await this.users.findByEmail(email.trim());
    const valid = await this.hasher.verify(found?.user.passwordHash, password);
    if (!found || !valid || found.user.disabledAt) return null;
    return toSessionUser(found);
  }

  async issueTokens(user: SessionUser): Promise<LoginResponse> {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwt.accessTtlSeconds, user };
  }

  /** The signed-in user of a verified token, or null when the account is gone or disabled. */
  async userOfToken(claims: AccessTokenClaims): Promise<SessionUser | null> {
    const found = await this.users.findById(claims.sub);
    if (!found || found.user.disabledAt) return null;
    return toSessionUser(found);
  }
}
