import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@aqtalu/contracts';
import { NotificationService } from '@aqtalu/server';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  /** The signed-in user's latest notifications. */
  @Authenticated()
  @Get()
  async mine(@CurrentUser() user: SessionUser) {
    const rows = await this.notifications.listFor(user.id);
    return rows.map(({ id, kind, params, createdAt, deliveredAt, readAt }) => ({ id, kind, params, createdAt, deliveredAt, readAt }));
  }
}
