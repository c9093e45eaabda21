import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@aqtalu/contracts';
import { CodedException, NotificationService } from '@aqtalu/server';
import type { Response } from 'express';
import { IsArray, IsOptional, IsUUID } from 'class-validator';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { booleanFilter, listAnswer, type ListQueryParams, parseListQuery, textFilter } from '../http/list-query.js';
import { ApiAnswer, type Sent } from '../dtos/responses/api-answer.js';
import type { MarkedReadResponse, NotificationResponse } from '@aqtalu/contracts';

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

  /** The signed-in user's notifications, newest first. Filters: unread (true / false), kind. */
  @Authenticated()
  @Get('notifications')
  @ApiQuery({ name: 'filter', required: false, example: '{"unread":true}' })
  @ApiQuery({ name: 'range', required: false, example: '[0,49]' })
  @ApiQuery({ name: 'sort', required: false, example: '["createdAt","DESC"]' })
  @ApiAnswer('NotificationResponse', { list: true })
  async mine(@CurrentUser() user: SessionUser, @Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<Sent<NotificationResponse[]>> {
    const list = parseListQuery(query, { sortable: ['createdAt', 'readAt', 'kind'], defaultSort: 'createdAt', defaultOrder: 'DESC', defaultLimit: 50, filters: ['unread', 'kind'] });
    const page = await this.notifications.list(user.id, {
      offset: list.offset, limit: list.limit, sort: list.sortField, order: list.sortOrder, ids: list.ids,
      unread: booleanFilter(list.filter, 'unread'), kind: textFilter(list.filter, 'kind'),
    });
    return listAnswer(response, 'notifications', list, page);
  }

  @Authenticated()
  @Get('notifications/unread-count')
  @ApiAnswer('UnreadCountResponse')
  async unread(@CurrentUser() user: SessionUser): Promise<UnreadDto> {
    return { unread: await this.notifications.unreadCount(user.id) };
  }

  @Authenticated()
  @Post('notifications/read')
  @HttpCode(200)
  @ApiAnswer('MarkedReadResponse')
  async markRead(@CurrentUser() user: SessionUser, @Body() body: MarkReadDto): Promise<MarkedReadResponse> {
    return { marked: await this.notifications.markRead(user.id, body.ids) };
  }

  /** One of the signed-in user's notifications. */
  @Authenticated()
  @Get('notifications/:id')
  @ApiAnswer('NotificationResponse')
  async one(@CurrentUser() user: SessionUser, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<Sent<NotificationResponse>> {
    const notification = await this.notifications.getOwn(user.id, id);
    if (!notification) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'notification', id });
    return notification;
  }
}
