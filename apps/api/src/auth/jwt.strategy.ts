import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { SessionUser } from '@aqtalu/contracts';
import { APP_CONFIG, AuthService, jwtAlgorithm, type AccessTokenClaims, type AppConfig } from '@aqtalu/server';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';

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
    });
  }

  /** Passport has verified signature, algorithm and expiry; the user and the sign-in must still be active. */
  async validate(claims: AccessTokenClaims & { aud?: unknown }): Promise<AuthenticatedUser | false> {
    // tokens made for one purpose (the queues' board tickets carry an audience) are not access tokens
    if (claims.aud !== undefined) return false;
    const user = await this.auth.userOfToken(claims);
    return user ? { ...user, enrolmentPending: claims.enrol === true, familyId: claims.fid } : false;
  }
}
