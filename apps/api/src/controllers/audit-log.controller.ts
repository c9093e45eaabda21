import { BadRequestException, Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission } from '@aqtalu/contracts';
import { AuditQueryService, type AuditEntryView } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { parseListQuery, setContentRange, textFilter } from '../http/list-query.js';

const isoInstant = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

@ApiTags('audit')
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditQueryService) {}

  /**
   * The audit log, newest first. Filters: actorId, action (a prefix when it ends with a dot, e.g.
   * `auth.`), outcome (allowed | denied | failed), entityType, entityId, from, to (ISO dates).
   */
  @Authenticated({ permission: Permission.AuditRead })
  @Get()
  @ApiQuery({ name: 'filter', required: false, example: '{"entityType":"user","outcome":"denied","from":"2026-11-01"}' })
  @ApiQuery({ name: 'range', required: false, example: '[0,49]' })
  @ApiQuery({ name: 'sort', required: false, example: '["id","DESC"]' })
  async list(@Query() query: { sort?: string; range?: string; filter?: string }, @Res({ passthrough: true }) response: Response): Promise<AuditEntryView[]> {
    const list = parseListQuery(query, ['id', 'occurredAt'] as const, 'id');
    const filter = {
      actorId: textFilter(list.filter, 'actorId'),
      action: textFilter(list.filter, 'action'),
      outcome: textFilter(list.filter, 'outcome'),
      entityType: textFilter(list.filter, 'entityType'),
      entityId: textFilter(list.filter, 'entityId'),
      from: textFilter(list.filter, 'from'),
      to: textFilter(list.filter, 'to'),
    };
    for (const key of ['from', 'to'] as const) {
      if (filter[key] && !isoInstant.test(filter[key]!)) throw new BadRequestException(`filter.${key} must be an ISO date such as 2026-11-24 or 2026-11-24T10:00:00Z`);
    }
    if (filter.actorId && !/^[0-9a-f-]{36}$/i.test(filter.actorId)) throw new BadRequestException('filter.actorId must be a user id (uuid)');
    if (filter.outcome && !['allowed', 'denied', 'failed'].includes(filter.outcome)) {
      throw new BadRequestException('filter.outcome must be one of allowed, denied, failed');
    }
    const order = query.sort ? list.sortOrder : 'DESC';
    const { rows, total } = await this.auditLog.list({ filter, order, offset: list.offset, limit: list.limit });
    setContentRange(response, 'audit-log', list.offset, rows.length, total);
    return rows;
  }

  @Authenticated({ permission: Permission.AuditRead })
  @Get(':id')
  async get(@Param('id') id: string): Promise<AuditEntryView> {
    const entry = await this.auditLog.get(id);
    if (!entry) throw new NotFoundException(`There is no audit entry ${id}.`);
    return entry;
  }
}
