import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { SessionUser } from '@aqtalu/contracts';
import { APP_CONFIG, AuthService, CodedException, jwtAlgorithm, type AccessTokenClaims, type AppConfig } from '@aqtalu/server';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { storeFailureOf, storeRetryAfterSeconds } from '../http/problem-details.filter.js';

/** Clock skew tolerated between API replicas on top of the access token's lifetime. */
export const tokenAgeLeewaySeconds = 30;

export type AuthenticatedUser = SessionUser & { enrolmentPending: boolean; familyId: string };

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object made once: given the string, jsonwebtoken first tries (and fails) to parse it as a public key,
      // then makes a secret key, on every request.
      secretOrKey: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')) as unknown as Buffer,
      // One algorithm only: `alg: none` and tokens signed any other way are refused.
      algorithms: [jwtAlgorithm],
      issuer: 'aqtalu',
      ignoreExpiration: false,
      // A token older than the access TTL is refused even when its own `exp` says otherwise (needs `iat`).
      jsonWebTokenOptions: { maxAge: `${config.jwt.accessTtlSeconds + tokenAgeLeewaySeconds}s` },
    });
  }

  /** Passport has verified signature, algorithm and expiry; the user and the sign-in must still be active. */
  async validate(claims: AccessTokenClaims & { aud?: unknown }): Promise<AuthenticatedUser | false> {
    // tokens made for one purpose (the queues' board tickets carry an audience) are not access tokens
    if (claims.aud !== undefined) return false;
    // jsonwebtoken checks `exp` only when a token has one: a token that never expires is not ours
    const { exp, iat } = claims as { exp?: unknown; iat?: unknown };
    if (typeof exp !== 'number' || typeof iat !== 'number') return false;
    let user: Awaited<ReturnType<AuthService['userOfToken']>>;
    try {
      user = await this.auth.userOfToken(claims);
    } catch (error) {
      // The database is down, not the sign-in: a 503 keeps the back office signed in, a 401 would sign it out.
      if (storeFailureOf(error) === 'database') {
        throw new CodedException(HttpStatus.SERVICE_UNAVAILABLE, 'store.database_unavailable', { retryAfterSeconds: storeRetryAfterSeconds }, { retryAfterSeconds: storeRetryAfterSeconds });
      }
      throw error;
    }
    return user ? { ...user, enrolmentPending: claims.enrol === true, familyId: claims.fid } : false;
  }
}
