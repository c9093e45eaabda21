import { ForbiddenException, Injectable, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { hasPermission, type Permission } from '@aqtalu/contracts';
import { AuditService, requestContext } from '@aqtalu/server';
import type { Request } from 'express';
import { DURING_ENROLMENT, PUBLIC_ROUTE, REQUIRED_PERMISSION } from './authenticated.decorator.js';
import type { AuthenticatedUser } from './jwt.strategy.js';

/**
 * Global: every route needs a valid access token unless marked @Public(); then the route's permission
 * is checked against the role map. Denials are audited.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    await (super.canActivate(context) as Promise<boolean>);
    const request = context.switchToHttp().getRequest<Request & { user: AuthenticatedUser }>();
    const user = request.user;
    requestContext.setActor(user);

    if (user.enrolmentPending && !this.reflector.getAllAndOverride<boolean>(DURING_ENROLMENT, targets)) {
      throw new ForbiddenException('Set up your second factor first: POST /api/auth/totp/setup, then /api/auth/totp/confirm.');
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission && !hasPermission(user.role, permission)) {
      await this.audit.record({
        action: 'access.denied',
        outcome: 'denied',
        details: { permission, method: request.method, path: request.path },
      });
      throw new ForbiddenException(`Your role (${user.role}) does not allow this: it needs the permission ${permission}.`);
    }
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error || !user) throw new UnauthorizedException('Sign in again: the access token is missing, invalid or expired.');
    return user;
  }
}

/** Runs the local (e-mail + password) strategy on the login route. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw new UnauthorizedException('Give an e-mail and a password.');
    return user;
  }
}
