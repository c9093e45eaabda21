import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config.js';
import { NotificationModule } from '../notifications/notification.module.js';
import { AuthService } from './auth.service.js';
import { PasswordHasher } from './password-hasher.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { SessionCache } from './session-cache.js';
import { SessionService } from './session.service.js';
import { TotpService } from './totp.service.js';

/** The one signing algorithm; tokens signed otherwise (or `alg: none`) are refused. */
export const jwtAlgorithm = 'HS256' as const;

@Module({})
export class IdentityModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        NotificationModule,
        JwtModule.register({
          secret: config.jwt.secret,
          signOptions: { algorithm: jwtAlgorithm, expiresIn: config.jwt.accessTtlSeconds, issuer: 'aqtalu' },
          verifyOptions: { algorithms: [jwtAlgorithm], issuer: 'aqtalu' },
        }),
      ],
      providers: [PasswordHasher, UserRepository, UserService, AuthService, SessionService, SessionCache, LoginThrottleService, TotpService],
      exports: [PasswordHasher, UserRepository, UserService, AuthService, SessionService, SessionCache, LoginThrottleService, TotpService, JwtModule],
    };
  }
}
