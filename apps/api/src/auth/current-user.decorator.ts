import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { SessionUser } from '@aqtalu/contracts';

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SessionUser => context.switchToHttp().getRequest<{ user: SessionUser }>().user,
);
