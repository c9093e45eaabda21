import { HttpException, HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { hasPermission, type Permission } from '@aqtalu/contracts';
import { AuditService, CodedException, requestContext } from '@aqtalu/server';
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
      throw new CodedException(HttpStatus.FORBIDDEN, 'auth.second_factor_setup_required');
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission && !hasPermission(user.role, permission)) {
      await this.audit.record({
        action: 'access.denied',
        outcome: 'denied',
        details: { permission, method: request.method, path: request.path },
      });
      throw new CodedException(HttpStatus.FORBIDDEN, 'auth.permission_denied', { role: user.role, permission });
    }
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    // a store that cannot be reached (503) is not a bad token: answering 401 would sign the user out
    if (error instanceof HttpException && error.getStatus() >= 500) throw error;
    if (error || !user) throw new CodedException(HttpStatus.UNAUTHORIZED, 'auth.token_invalid');
    return user;
  }
}

/** Runs the local (e-mail + password) strategy on the login route. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw new CodedException(HttpStatus.UNAUTHORIZED, 'auth.credentials_missing');
    return user;
  }
}
