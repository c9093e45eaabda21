import { Controller, Get, HttpStatus, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import {
  actorOf, archiveRequestExportColumns, ArchiveRequestService, caseExportColumns, CaseRepository, CodedException, decisionExportColumns,
  decisionExportQuery, exportContentTypes, type ExportFormat, exportFormats, type ExportRequest, ExportService, factExportColumns, factExportRow,
  personExportColumns, personExportQuery, PersonFactService, RegistryService, voteExportColumns, voteExportQuery,
} from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { booleanFilter, idFilter, type ListQueryParams, parseListQuery, textFilter } from '../http/list-query.js';
import { ApiFileAnswer } from '../dtos/responses/api-answer.js';

interface ExportQueryParams extends ListQueryParams {
  format?: string;
}

function formatOf(query: ExportQueryParams): ExportFormat {
  const format = query.format ?? 'csv';
  if (!(exportFormats as string[]).includes(format)) {
    throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_one_of', { field: 'format', values: [...exportFormats] });
  }
  return format as ExportFormat;
}

/**
 * Every list the caller can see, whole, as CSV (UTF-8 with BOM) or XLSX: the same `filter` and `sort` as the
 * list (react-admin's dialect; `range` is ignored: an export has no page), the same scope, streamed from a
 * database cursor, audited once with the row count. Cells that would start a formula are written as text.
 */
@ApiTags('exports')
@ApiQuery({ name: 'format', required: false, enum: ['csv', 'xlsx'] })
@ApiQuery({ name: 'filter', required: false, example: '{}' })
@ApiQuery({ name: 'sort', required: false, example: '["id","ASC"]' })
@ApiProduces(exportContentTypes.csv, exportContentTypes.xlsx)
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly exports: ExportService,
    private readonly cases: CaseRepository,
    private readonly archiveRequests: ArchiveRequestService,
    private readonly registry: RegistryService,
    private readonly facts: PersonFactService,
  ) {}

  /** The cases list. Filters as GET /api/cases: status, regionCode, categoryCode, q, overdue, assignedToMe. */
  @Authenticated({ permission: Permission.CasesRead })
  @Get('cases')
  @ApiFileAnswer(exportContentTypes.csv, exportContentTypes.xlsx)
  async casesExport(@CurrentUser() user: SessionUser, @Query() query: ExportQueryParams, @Res() response: Response): Promise<void> {
    const format = formatOf(query);
    const list = parseListQuery(query, {
      sortable: ['number', 'status', 'createdAt', 'updatedAt'], defaultSort: 'updatedAt', defaultOrder: 'DESC',
      filters: ['status', 'regionCode', 'categoryCode', 'q', 'overdue', 'assignedToMe'],
    });
    const filter = {
      status: textFilter(list.filter, 'status'), regionCode: textFilter(list.filter, 'regionCode'), categoryCode: textFilter(list.filter, 'categoryCode'),
      q: textFilter(list.filter, 'q'), overdue: booleanFilter(list.filter, 'overdue'), assignedTo: booleanFilter(list.filter, 'assignedToMe') ? user.id : undefined,
    };
    const source = this.cases.exportQuery(actorOf(user), { sort: list.sortField, order: list.sortOrder, filter: { ...filter, ids: list.ids } });
    await this.send(response, { resource: 'cases', format, columns: caseExportColumns, filter, source });
  }

  /** The archive requests list (a liaison's inbox, or the requests of the caller's cases). Filters: status, caseId, overdue. */
  @Authenticated({ permission: Permission.ArchiveRequestsRead })
  @Get('archive-requests')
  @ApiFileAnswer(exportContentTypes.csv, exportContentTypes.xlsx)
  async archiveRequestsExport(@CurrentUser() user: SessionUser, @Query() query: ExportQueryParams, @Res() response: Response): Promise<void> {
    const format = formatOf(query);
    const list = parseListQuery(query, { sortable: ['dueDate', 'status'], defaultSort: 'dueDate', filters: ['status', 'caseId', 'overdue'] });
    const filter = { status: textFilter(list.filter, 'status'), caseId: idFilter(list.filter, 'caseId'), overdue: booleanFilter(list.filter, 'overdue') };
    const source = this.archiveRequests.exportQuery(user, { sort: list.sortField, order: list.sortOrder, filter: { ...filter, ids: list.ids } });
    await this.send(response, { resource: 'archive-requests', format, columns: archiveRequestExportColumns, filter, source });
  }

  /** The commission's decisions on the cases the caller may see. Filters: outcome, regionCode, sessionId. */
  @Authenticated({ permission: Permission.CasesRead })
  @Get('decisions')
  @ApiFileAnswer(exportContentTypes.csv, exportContentTypes.xlsx)
  async decisionsExport(@CurrentUser() user: SessionUser, @Query() query: ExportQueryParams, @Res() response: Response): Promise<void> {
    const format = formatOf(query);
    const list = parseListQuery(query, { sortable: ['date'], defaultSort: 'date', defaultOrder: 'DESC', filters: ['outcome', 'regionCode', 'sessionId'] });
    const filter = { outcome: textFilter(list.filter, 'outcome'), regionCode: textFilter(list.filter, 'regionCode'), sessionId: idFilter(list.filter, 'sessionId') };
    await this.send(response, { resource: 'decisions', format, columns: decisionExportColumns, filter, source: decisionExportQuery(user, filter, list.sortOrder) });
  }

  /** Commission sessions with every vote (one row a vote) on the cases the caller may see. Filter: sessionId. */
  @Authenticated({ permission: Permission.CommissionRead })
  @Get('commission-sessions')
  @ApiFileAnswer(exportContentTypes.csv, exportContentTypes.xlsx)
  async sessionsExport(@CurrentUser() user: SessionUser, @Query() query: ExportQueryParams, @Res() response: Response): Promise<void> {
    const format = formatOf(query);
    const list = parseListQuery(query, { sortable: ['date'], defaultSort: 'date', defaultOrder: 'DESC', filters: ['sessionId'] });
    const filter = { sessionId: idFilter(list.filter, 'sessionId') };
    await this.send(response, { resource: 'commission-votes', format, columns: voteExportColumns, filter, source: voteExportQuery(user, filter, list.sortOrder) });
  }

  /**
   * The registry: without `q` every record in the list's order (streamed, any size); with `q` the ranked search
   * results, as GET /api/registry/persons answers them (birthYear, tolerance, regionCode, sentenceKind, hasCase).
   */
  @Authenticated({ permission: Permission.RegistryRead })
  @Get('persons')
  @ApiFileAnswer(exportContentTypes.csv, exportContentTypes.xlsx)
  async personsExport(@CurrentUser() user: SessionUser, @Query() query: ExportQueryParams, @Res() response: Response): Promise<void> {
    const format = formatOf(query);
    const list = parseListQuery(query, {
      sortable: ['score', 'nameKk', 'nameRu', 'birthYear'], defaultSort: 'score', defaultOrder: 'DESC',
      filters: ['q', 'birthYear', 'tolerance', 'regionCode', 'sentenceKind', 'hasCase'],
    });
    const q = textFilter(list.filter, 'q');
    if (!q) {
      const sort = list.sortField === 'score' ? 'nameKk' : list.sortField;
      const source = personExportQuery(sort, list.sortField === 'score' ? 'ASC' : list.sortOrder);
      await this.send(response, { resource: 'persons', format, columns: personExportColumns, filter: {}, source });
      return;
    }
    const whole = (key: string, from: number, to: number) => {
      const value = list.filter[key];
      if (value !== undefined && !(Number.isInteger(value) && (value as number) >= from && (value as number) <= to)) {
        throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.birth_year_filter');
      }
      return value as number | undefined;
    };
    const filter = {
      birthYear: whole('birthYear', 1800, 2100), tolerance: whole('tolerance', 0, 50) ?? 0, regionCode: textFilter(list.filter, 'regionCode'),
      sentenceKind: textFilter(list.filter, 'sentenceKind'), hasCase: booleanFilter(list.filter, 'hasCase'),
    };
    const hits = await this.registry.search(q, { limit: 1000, offset: 0, ...filter, caller: user });
    const rows = hits.map((hit) => ({ ...hit, id: hit.personId }));
    await this.send(response, { resource: 'persons', format, columns: personExportColumns, filter: { q: q.slice(0, 200), ...filter }, source: rows });
  }

  /** A person's facts and episodes with their sources. Filter: personId (required). */
  @Authenticated({ permission: Permission.RegistryRead })
  @Get('facts')
  @ApiFileAnswer(exportContentTypes.csv, exportContentTypes.xlsx)
  async factsExport(@Query() query: ExportQueryParams, @Res() response: Response): Promise<void> {
    const format = formatOf(query);
    const list = parseListQuery(query, { sortable: [], defaultSort: 'id', filters: ['personId'] });
    const personId = idFilter(list.filter, 'personId');
    if (!personId) throw new CodedException(HttpStatus.BAD_REQUEST, 'list.filter_invalid', { filters: ['personId'] });
    const facts = await this.facts.list(personId);
    await this.send(response, { resource: 'facts', format, columns: factExportColumns, filter: { personId }, source: facts.map(factExportRow) });
  }

  private async send(response: Response, request: ExportRequest): Promise<void> {
    const stamp = new Date().toISOString().slice(0, 10);
    response.status(200);
    response.setHeader('Content-Type', exportContentTypes[request.format]);
    response.setHeader('Content-Disposition', `attachment; filename="${request.resource}-${stamp}.${request.format}"`);
    response.setHeader('Cache-Control', 'no-store');
    try {
      await this.exports.stream(request, response);
    } catch (error) {
      // the header is gone: the client sees a cut-off download, never a file that looks whole
      if (response.headersSent) response.destroy(error as Error);
      else throw error;
    }
  }
}
