import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LoginResponse, SessionUser } from '@aqtalu/contracts';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { sqlRows } from '../database/sql.js';
import { CodedException } from '../errors/coded.exception.js';
import { SessionCache } from './session-cache.js';

/** The claims of an access token. The user is re-read on every request, so a disabled user is out at once. */
export interface AccessTokenClaims {
  sub: string;
  role: string;
  /** The sign-in (refresh-token family) the token belongs to; revoking the family ends the token too. */
  fid: string;
  /** Set while the user must still enrol a second factor: only the enrolment routes accept the token. */
  enrol?: boolean;
  iat?: number;
  exp?: number;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');


/** Access tokens (short-lived JWT) and refresh tokens (opaque, rotating, stored hashed, revocable by family). */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: SessionCache,
  ) {}

  /** Starts a new sign-in: a new family with its first refresh token. */
  async start(user: SessionUser, client: ClientInfo, options: { enrol?: boolean } = {}): Promise<LoginResponse> {
    return this.dataSource.transaction((manager) => this.issue(manager, user, randomUUID(), client, options.enrol ?? false));
  }

  /**
   * Exchanges a refresh token for a new pair. A token used twice means it was stolen (or a client
   * misbehaves): the whole family is revoked and both holders must sign in again.
   */
  async rotate(presented: string, client: ClientInfo, loadUser: (userId: string) => Promise<SessionUser | null>): Promise<LoginResponse> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) throw new CodedException(HttpStatus.UNAUTHORIZED, 'auth.refresh_refused');
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string; user_id: string; family_id: string; token_hash: string; expired: boolean; rotated_at: Date | null; revoked_at: Date | null }> =
        await manager.query(
          `SELECT id, user_id, family_id, token_hash, expires_at < now() AS expired, rotated_at, revoked_at
           FROM refresh_tokens WHERE id = $1 FOR UPDATE`,
          [parsed.id],
        );
      const token = rows[0];
      if (!token || !safeEqual(token.token_hash, hashSecret(parsed.secret))) return { refused: 'unknown' as const };
      if (token.revoked_at) return { refused: 'revoked' as const, token };
      if (token.rotated_at) {
        await this.revokeFamily(manager, token.family_id, 'reuse_detected');
        await this.audit.record(
          {
            action: 'auth.refresh_reuse',
            outcome: 'denied',
            entityType: 'user',
            entityId: token.user_id,
            actorId: token.user_id,
            details: { familyId: token.family_id, tokenId: token.id },
          },
          manager,
        );
        return { refused: 'reused' as const, token };
      }
      if (token.expired) return { refused: 'expired' as const, token };
      const user = await loadUser(token.user_id);
      if (!user) {
        await this.revokeFamily(manager, token.family_id, 'user_unavailable');
        return { refused: 'user' as const, token };
      }
      await manager.query(`UPDATE refresh_tokens SET rotated_at = now() WHERE id = $1`, [token.id]);
      return { response: await this.issue(manager, user, token.family_id, client, false) };
    });
    if ('response' in outcome && outcome.response) return outcome.response;
    // a family revoked above (reuse, or its user gone): its access tokens end now in every process
    if ('refused' in outcome && (outcome.refused === 'reused' || outcome.refused === 'user')) await this.cache.revokeFamily(outcome.token.family_id);
    throw new CodedException(HttpStatus.UNAUTHORIZED, 'auth.refresh_refused');
  }

  /** Ends one sign-in: its refresh tokens and the access tokens issued under it. */
  async revokeByToken(presented: string): Promise<string | null> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) return null;
    const rows: Array<{ family_id: string; user_id: string; token_hash: string }> = await this.dataSource.query(
      `SELECT family_id, user_id, token_hash FROM refresh_tokens WHERE id = $1`,
      [parsed.id],
    );
    const token = rows[0];
    if (!token || !safeEqual(token.token_hash, hashSecret(parsed.secret))) return null;
    await this.revokeFamily(this.dataSource.manager, token.family_id, 'logout');
    await this.cache.revokeFamily(token.family_id);
    return token.user_id;
  }

  async revokeFamilyOf(familyId: string, reason: string): Promise<void> {
    await this.revokeFamily(this.dataSource.manager, familyId, reason);
    await this.cache.revokeFamily(familyId);
  }

  /**
   * Every sign-in of a user: "log out everywhere", disabling, a password reset. Inside the caller's transaction
   * (`manager`), the caller calls `forgetUser` once it has committed, so no process keeps the user cached.
   */
  async revokeAllOf(userId: string, reason: string, manager?: EntityManager): Promise<number> {
    const rows = await sqlRows<{ id: string }>(
      manager ?? this.dataSource.manager,
      `UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
      [userId, reason],
    );
    if (!manager) await this.cache.revokeUser(userId);
    return rows.length;
  }

  /** After a committed change of a user (rights, password, disabling): every process reads the user again. */
  forgetUser(userId: string): Promise<void> {
    return this.cache.revokeUser(userId);
  }

  /** Is the sign-in behind an access token still alive? */
  async familyIsActive(familyId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL LIMIT 1`, [familyId]);
    return rows.length > 0;
  }

  private async revokeFamily(manager: EntityManager, familyId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = $2 WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId, reason],
    );
  }

  private async issue(manager: EntityManager, user: SessionUser, familyId: string, client: ClientInfo, enrol: boolean): Promise<LoginResponse> {
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.jwt.refreshTtlDays * 24 * 3600 * 1000);
    const [{ id }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, created_ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [user.id, familyId, hashSecret(secret), expiresAt, client.ip, client.userAgent?.slice(0, 300) ?? null],
    );
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, fid: familyId, ...(enrol ? { enrol: true } : {}) };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresIn: this.config.jwt.accessTtlSeconds,
      refreshToken: `${id}.${secret}`,
      refreshExpiresAt: expiresAt.toISOString(),
      totpEnrolmentRequired: enrol,
      user,
    };
  }
}

function parseRefreshToken(value: string): { id: string; secret: string } | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
