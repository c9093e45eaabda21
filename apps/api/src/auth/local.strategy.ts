import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { LoginResponse } from '@aqtalu/contracts';
import { AuthService } from '@aqtalu/server';
import type { Request } from 'express';
import { Strategy } from 'passport-local';

/** E-mail + password (+ TOTP code from the body); the result is the new sign-in. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: Request, email: string, password: string): Promise<LoginResponse> {
    const totpCode = typeof request.body?.totpCode === 'string' ? request.body.totpCode : undefined;
    return this.auth.login({ email, password, totpCode }, clientOf(request));
  }
}

export function clientOf(request: Request): { ip: string | null; userAgent: string | null } {
  return { ip: request.ip ?? null, userAgent: request.get('user-agent') ?? null };
}
