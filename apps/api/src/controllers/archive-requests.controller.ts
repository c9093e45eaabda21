import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import type { ArchiveRequestAction } from '@aqtalu/domain';
import { ArchiveRequestService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ArchiveRequestActionDto, archiveRequestActions } from '../dtos/case.dto.js';
import { parseListQuery, setContentRange, textFilter } from '../http/list-query.js';

@ApiTags('archive requests')
@Controller('archive-requests')
export class ArchiveRequestsController {
  constructor(private readonly requests: ArchiveRequestService) {}

  /** A liaison's inbox (their archive only), or the requests of the caller's cases. Filters: status, caseId, overdue. */
  @Authenticated({ permission: Permission.ArchiveRequestsRead })
  @Get()
  @ApiQuery({ name: 'filter', required: false, example: '{"status":"sent","overdue":true}' })
  async list(@CurrentUser() user: SessionUser, @Query() query: { sort?: string; range?: string; filter?: string }, @Res({ passthrough: true }) response: Response) {
    const list = parseListQuery(query, ['dueDate'] as const, 'dueDate');
    const overdue = list.filter.overdue;
    if (overdue !== undefined && typeof overdue !== 'boolean') throw new BadRequestException('filter.overdue must be true or false');
    const { rows, total } = await this.requests.list(user, {
      offset: list.offset,
      limit: list.limit,
      order: list.sortOrder,
      filter: { status: textFilter(list.filter, 'status'), caseId: textFilter(list.filter, 'caseId'), overdue: overdue as boolean | undefined },
    });
    setContentRange(response, 'archive-requests', list.offset, rows.length, total);
    return rows;
  }

  @Authenticated({ permission: Permission.ArchiveRequestsRead })
  @Get(':id')
  get(@CurrentUser() user: SessionUser, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    return this.requests.get(user, id);
  }

  /** start | answer | nothing-found (the archive's liaison), cancel (the working group). */
  @Authenticated()
  @Post(':id/actions/:action')
  @HttpCode(200)
  act(@CurrentUser() user: SessionUser, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @Param('action') action: string, @Body() body: ArchiveRequestActionDto) {
    if (!(archiveRequestActions as string[]).includes(action)) {
      throw new BadRequestException(`There is no action ${action}; the actions are ${archiveRequestActions.join(', ')}.`);
    }
    return this.requests.act(user, id, action as ArchiveRequestAction, body);
  }
}
