import { ForbiddenException, Injectable, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { hasPermission, type Permission, type SessionUser } from '@aqtalu/contracts';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './authenticated.decorator.js';

/** Global: every route needs a valid access token unless marked @Public(); then its permission is checked. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    await (super.canActivate(context) as Promise<boolean>);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const user = context.switchToHttp().getRequest<{ user: SessionUser }>().user;
    if (permission && !hasPermission(user.role, permission)) {
      throw new ForbiddenException(`Your role (${user.role}) does not allow this: it needs ${permission}.`);
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
export class LocalAuthGuard extends AuthGuard('local') {}
