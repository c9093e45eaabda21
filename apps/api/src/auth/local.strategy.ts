import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { SessionUser } from '@aqtalu/contracts';
import { AuthService } from '@aqtalu/server';
import { Strategy } from 'passport-local';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<SessionUser> {
    const user = await this.auth.verifyCredentials(email, password);
    // One message for every cause: it must not tell whether the e-mail exists.
    if (!user) throw new UnauthorizedException('The e-mail or the password is wrong, or the account is disabled.');
    return user;
  }
}
