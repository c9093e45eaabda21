import { Controller, Get, HttpStatus, Param, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission } from '@aqtalu/contracts';
import { AuditCheckpoints, AuditQueryService, AuditService, CodedException } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { idFilter, listAnswer, ListQueryError, listQueryError, type ListQueryParams, oneOfFilter, parseListQuery, textFilter } from '../http/list-query.js';
import { ApiAnswer, type Sent } from '../dtos/responses/api-answer.js';
import type { AuditEntryResponse, AuditVerificationResponse } from '@aqtalu/contracts';

const isoInstant = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

@ApiTags('audit')
@Controller('audit-log')
export class AuditLogController {
  constructor(
    private readonly auditLog: AuditQueryService,
    private readonly checkpoints: AuditCheckpoints,
    private readonly audit: AuditService,
  ) {}

  /**
   * Verifies the whole sealed chain and holds it against the signed checkpoints kept outside the database;
   * reports entries not sealed yet. Takes seconds on a large log.
   */
  @Authenticated({ permission: Permission.AuditRead })
  @Get('verification')
  @ApiAnswer('AuditVerificationResponse')
  async verification(): Promise<Sent<AuditVerificationResponse>> {
    const verdict = await this.checkpoints.verify();
    await this.audit.record({ action: 'audit.verify', outcome: verdict.intact ? 'allowed' : 'failed', details: { intact: verdict.intact, entries: verdict.entries } });
    return verdict;
  }

  /**
   * The audit log, newest first. Filters: actorId, action (a prefix when it ends with a dot, e.g.
   * `auth.`), outcome (allowed | denied | failed), entityType, entityId, from, to (ISO dates).
   */
  @Authenticated({ permission: Permission.AuditRead })
  @Get()
  @ApiQuery({ name: 'filter', required: false, example: '{"entityType":"user","outcome":"denied","from":"2026-11-01"}' })
  @ApiQuery({ name: 'range', required: false, example: '[0,49]' })
  @ApiQuery({ name: 'sort', required: false, example: '["id","DESC"]' })
  @ApiAnswer('AuditEntryResponse', { list: true })
  async list(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<Sent<AuditEntryResponse[]>> {
    const list = parseListQuery(query, {
      sortable: ['occurredAt'],
      defaultSort: 'id',
      defaultOrder: 'DESC',
      filters: ['actorId', 'action', 'outcome', 'entityType', 'entityId', 'from', 'to'],
      idKind: 'integer',
    });
    const filter = {
      ids: list.ids,
      actorId: idFilter(list.filter, 'actorId'),
      action: textFilter(list.filter, 'action'),
      outcome: oneOfFilter(list.filter, 'outcome', ['allowed', 'denied', 'failed']),
      entityType: textFilter(list.filter, 'entityType'),
      entityId: textFilter(list.filter, 'entityId'),
      from: textFilter(list.filter, 'from'),
      to: textFilter(list.filter, 'to'),
    };
    for (const key of ['from', 'to'] as const) {
      if (filter[key] && !isoInstant.test(filter[key]!)) {
        throw listQueryError(ListQueryError.FilterValue, { filter: key, expected: 'date' });
      }
    }
    // entries are numbered in the order they happened: by id and by occurredAt are the same order
    const page = await this.auditLog.list({ filter, order: list.sortOrder, offset: list.offset, limit: list.limit });
    return listAnswer(response, 'audit-log', list, page);
  }

  @Authenticated({ permission: Permission.AuditRead })
  @Get(':id')
  @ApiAnswer('AuditEntryResponse')
  async get(@Param('id') id: string): Promise<Sent<AuditEntryResponse>> {
    const entry = await this.auditLog.get(id);
    if (!entry) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'audit_entry', id: String(id) });
    return entry;
  }
}
