import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@aqtalu/contracts';
import { NotificationService } from '@aqtalu/server';
import { IsArray, IsOptional, IsUUID } from 'class-validator';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';

class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'Which notifications; all unread ones when left out' })
  @IsOptional()
  @IsArray()
  @IsUUID('4', { each: true, message: 'ids must be notification ids' })
  ids?: string[];
}

class UnreadDto {
  @ApiProperty() unread!: number;
}

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  /** The signed-in user's latest notifications. */
  @Authenticated()
  @Get('notifications')
  async mine(@CurrentUser() user: SessionUser) {
    const rows = await this.notifications.listFor(user.id);
    return rows.map(({ id, kind, params, createdAt, deliveredAt, readAt }) => ({ id, kind, params, createdAt, deliveredAt, readAt }));
  }

  @Authenticated()
  @Get('notifications/unread-count')
  async unread(@CurrentUser() user: SessionUser): Promise<UnreadDto> {
    return { unread: await this.notifications.unreadCount(user.id) };
  }

  @Authenticated()
  @Post('notifications/read')
  @HttpCode(200)
  async markRead(@CurrentUser() user: SessionUser, @Body() body: MarkReadDto): Promise<{ marked: number }> {
    return { marked: await this.notifications.markRead(user.id, body.ids) };
  }
}
