import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { SessionUser } from '@aqtalu/contracts';
import { APP_CONFIG, AuthService, jwtAlgorithm, type AccessTokenClaims, type AppConfig } from '@aqtalu/server';
import { ExtractJwt, Strategy } from 'passport-jwt';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwt.secret,
      algorithms: [jwtAlgorithm],
      issuer: 'aqtalu',
      ignoreExpiration: false,
    });
  }

  /** Passport has verified signature, algorithm and expiry; the account must still be active. */
  async validate(claims: AccessTokenClaims): Promise<SessionUser | false> {
    return (await this.auth.userOfToken(claims)) ?? false;
  }
}
