import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { renderCode, Role, type LoginResponse, type SessionUser } from '@aqtalu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CodedException } from '../errors/coded.exception.js';
import { LoginThrottleService, TooManyAttemptsException } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionCache } from './session-cache.js';
import { SessionService, type AccessTokenClaims, type ClientInfo } from './session.service.js';
import { TotpService } from './totp.service.js';
import { toSessionUser, UserRepository } from './user.repository.js';

/** Roles that must use a second factor when TOTP_REQUIRED is on. */
export const secondFactorRoles: readonly Role[] = [Role.Admin, Role.Chair];

export const wrongCredentials = renderCode('auth.wrong_credentials', {});

/** A 401 that asks for the code of the authenticator app (`totpRequired`), the first time or again. */
export class SecondFactorRequiredException extends CodedException<'auth.totp_required' | 'auth.totp_wrong'> {
  constructor(code: 'auth.totp_required' | 'auth.totp_wrong' = 'auth.totp_required') {
    super(HttpStatus.UNAUTHORIZED, code, {}, { totpRequired: true });
  }
}

export interface Credentials {
  email: string;
  password: string;
  totpCode?: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly totp: TotpService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessionCache: SessionCache,
  ) {}

  /**
   * E-mail + password (+ TOTP code) → a new sign-in. Every failure answers the same words, counts
   * against the account and the client address, and is audited.
   */
  async login(credentials: Credentials, client: ClientInfo): Promise<LoginResponse> {
    const email = credentials.email.trim().toLowerCase();
    try {
      await this.throttle.assertAllowed(email, client.ip);
    } catch (error) {
      // a sign-in refused while the account or the address is blocked: no password was even checked
      if (error instanceof TooManyAttemptsException) {
        await this.audit.record({
          action: 'auth.throttled', outcome: 'denied', entityType: 'user', entityId: null, actorId: null, actorRole: null,
          details: { email, reason: 'locked_out', retryAfterSeconds: error.retryAfterSeconds },
        });
      }
      throw error;
    }

    const found = await this.users.findByEmail(email);
    const passwordValid = await this.hasher.verify(found?.user.passwordHash, credentials.password);
    if (!found || !passwordValid || found.user.disabledAt) {
      await this.fail(email, client, found?.user.id ?? null, !found ? 'unknown_email' : found.user.disabledAt ? 'disabled' : 'wrong_password');
      throw new CodedException(HttpStatus.UNAUTHORIZED, 'auth.wrong_credentials');
    }

    const { user } = found;
    if (user.totpEnabledAt && user.totpSecret) {
      if (!credentials.totpCode) throw new SecondFactorRequiredException();
      if (!this.totp.verify(this.totp.decrypt(user.totpSecret), credentials.totpCode)) {
        await this.fail(email, client, user.id, 'wrong_totp');
        throw new SecondFactorRequiredException('auth.totp_wrong');
      }
    }

    await this.throttle.recordSuccess(email);
    const sessionUser = toSessionUser(found);
    const mustEnrol = this.config.totp.required && secondFactorRoles.includes(user.role) && !user.totpEnabledAt;
    const response = await this.sessions.start(sessionUser, client, { enrol: mustEnrol });
    await this.audit.record({ action: 'auth.login', entityType: 'user', entityId: user.id, actorId: user.id, actorRole: user.role, details: { enrolmentRequired: mustEnrol } });
    return response;
  }

  refresh(refreshToken: string, client: ClientInfo): Promise<LoginResponse> {
    return this.sessions.rotate(refreshToken, client, (userId) => this.activeUser(userId));
  }

  async logout(refreshToken: string): Promise<void> {
    const userId = await this.sessions.revokeByToken(refreshToken);
    if (userId) await this.audit.record({ action: 'auth.logout', entityType: 'user', entityId: userId });
  }

  async logoutEverywhere(user: SessionUser): Promise<number> {
    const revoked = await this.sessions.revokeAllOf(user.id, 'logout_everywhere');
    await this.audit.record({ action: 'auth.logout_everywhere', entityType: 'user', entityId: user.id, details: { revoked } });
    return revoked;
  }

  /**
   * The signed-in user behind a verified access token, or null when the user or the sign-in is gone. Kept for
   * a few seconds per process (SessionCache); every revocation reaches every process at once through Redis.
   */
  async userOfToken(claims: AccessTokenClaims): Promise<SessionUser | null> {
    if (!claims.fid) return null;
    const cached = this.sessionCache.get(claims.fid, claims.sub);
    if (cached) return cached;
    const begun = this.sessionCache.begin();
    const user = await this.users.findSessionUser(claims.sub, claims.fid);
    if (user) this.sessionCache.remember(claims.fid, user, begun);
    return user;
  }

  /** Step 1 of enrolment: a new secret, kept until confirmed with a code. */
  async beginTotpEnrolment(user: SessionUser): Promise<{ secret: string; otpauthUri: string }> {
    const found = await this.users.findById(user.id);
    if (found?.user.totpEnabledAt) throw new CodedException(HttpStatus.FORBIDDEN, 'auth.totp_already_set_up');
    const secret = this.totp.newSecret();
    await this.users.setTotp(user.id, this.totp.encrypt(secret), false);
    await this.audit.record({ action: 'auth.totp_enrolment_started', entityType: 'user', entityId: user.id });
    return { secret, otpauthUri: this.totp.uri(secret, user.email) };
  }

  /** Step 2: the first code proves the app holds the secret. */
  async confirmTotpEnrolment(user: SessionUser, code: string): Promise<void> {
    const found = await this.users.findById(user.id);
    if (!found?.user.totpSecret || found.user.totpEnabledAt) {
      throw new CodedException(HttpStatus.FORBIDDEN, 'auth.totp_setup_not_started');
    }
    if (!this.totp.verify(this.totp.decrypt(found.user.totpSecret), code)) {
      throw new CodedException(HttpStatus.UNAUTHORIZED, 'auth.totp_mismatch');
    }
    await this.users.setTotp(user.id, found.user.totpSecret, true);
    await this.audit.record({ action: 'auth.totp_enabled', entityType: 'user', entityId: user.id });
  }

  private async activeUser(userId: string): Promise<SessionUser | null> {
    const found = await this.users.findById(userId);
    if (!found || found.user.disabledAt) return null;
    return toSessionUser(found);
  }

  private async fail(email: string, client: ClientInfo, userId: string | null, reason: string): Promise<void> {
    const lockOuts = await this.throttle.recordFailure(email, client.ip);
    await this.audit.record({
      action: 'auth.login_failed',
      outcome: 'failed',
      entityType: 'user',
      entityId: userId,
      actorId: null,
      actorRole: null,
      details: { email, reason },
    });
    // the failure that starts a block: the account or the address is locked out for a while
    for (const lockOut of lockOuts) {
      await this.audit.record({
        action: 'auth.locked_out', outcome: 'denied', entityType: 'user', entityId: userId, actorId: null, actorRole: null,
        details: { email, by: lockOut.by, failures: lockOut.failures, seconds: lockOut.seconds },
      });
    }
  }
}
