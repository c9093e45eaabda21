import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import type { ArchiveRequestAction } from '@aqtalu/domain';
import { ArchiveRequestService, CodedException } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ArchiveRequestActionDto, archiveRequestActions } from '../dtos/case.dto.js';
import { booleanFilter, idFilter, listAnswer, type ListQueryParams, parseListQuery, textFilter } from '../http/list-query.js';
import { ApiAnswer, type Sent } from '../dtos/responses/api-answer.js';
import type { ArchiveRequestResponse } from '@aqtalu/contracts';

@ApiTags('archive requests')
@Controller('archive-requests')
export class ArchiveRequestsController {
  constructor(private readonly requests: ArchiveRequestService) {}

  /** A liaison's inbox (their archive only), or the requests of the caller's cases. Filters: status, caseId, overdue. */
  @Authenticated({ permission: Permission.ArchiveRequestsRead })
  @Get()
  @ApiQuery({ name: 'filter', required: false, example: '{"status":"sent","overdue":true}' })
  @ApiAnswer('ArchiveRequestResponse', { list: true })
  async list(@CurrentUser() user: SessionUser, @Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<Sent<ArchiveRequestResponse[]>> {
    const list = parseListQuery(query, { sortable: ['dueDate', 'status'], defaultSort: 'dueDate', filters: ['status', 'caseId', 'overdue'] });
    const page = await this.requests.list(user, {
      offset: list.offset,
      limit: list.limit,
      sort: list.sortField,
      order: list.sortOrder,
      filter: { ids: list.ids, status: textFilter(list.filter, 'status'), caseId: idFilter(list.filter, 'caseId'), overdue: booleanFilter(list.filter, 'overdue') },
    });
    return listAnswer(response, 'archive-requests', list, page);
  }

  @Authenticated({ permission: Permission.ArchiveRequestsRead })
  @Get(':id')
  @ApiAnswer('ArchiveRequestResponse')
  get(@CurrentUser() user: SessionUser, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<Sent<ArchiveRequestResponse>> {
    return this.requests.get(user, id);
  }

  /** start | answer | nothing-found (the archive's liaison), cancel (the working group). */
  @Authenticated()
  @Post(':id/actions/:action')
  @HttpCode(200)
  @ApiAnswer('ArchiveRequestResponse')
  act(@CurrentUser() user: SessionUser, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @Param('action') action: string, @Body() body: ArchiveRequestActionDto): Promise<Sent<ArchiveRequestResponse>> {
    if (!(archiveRequestActions as string[]).includes(action)) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_one_of', { field: 'action', values: [...archiveRequestActions] });
    }
    return this.requests.act(user, id, action as ArchiveRequestAction, body);
  }
}
