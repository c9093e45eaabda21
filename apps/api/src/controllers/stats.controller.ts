import { Controller, Get, HttpStatus, Param, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Permission, type SessionUser, type StatsAnswer, type StatsArchiveRow, type StatsBacklogRow, type StatsCountRow, StatsDimension, type StatsDurationRow,
  StatsPeriod, StatsTable,
} from '@aqtalu/contracts';
import { CodedException, exportContentTypes, type StatsQuery, StatsService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiAnswer, ApiFileAnswer } from '../dtos/responses/api-answer.js';

/**
 * The commission's statistics within the caller's case scope (a working group sees its region; a liaison, who
 * reads no cases, none). Query: from, to (YYYY-MM-DD, inclusive), period (month | quarter | year),
 * by (region | category | status | outcome | sentencingBody | article | sentenceKind), regionCode, categoryCode.
 */
@ApiTags('statistics')
@ApiQuery({ name: 'from', required: false, example: '2026-01-01' })
@ApiQuery({ name: 'to', required: false, example: '2026-12-31' })
@ApiQuery({ name: 'period', required: false, enum: StatsPeriod, enumName: 'StatsPeriod' })
@ApiQuery({ name: 'by', required: false, enum: StatsDimension, enumName: 'StatsDimension' })
@ApiQuery({ name: 'regionCode', required: false })
@ApiQuery({ name: 'categoryCode', required: false })
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  /** Applications and cases (and their subjects) by period and the chosen breakdown. */
  @Authenticated({ permission: Permission.CasesRead })
  @Get('counts')
  @ApiAnswer('StatsCountsResponse')
  counts(@CurrentUser() user: SessionUser, @Query() query: StatsQuery): Promise<StatsAnswer<StatsCountRow>> {
    return this.stats.counts(user, query);
  }

  /** Median and 90th percentile of the days spent in each lifecycle step, over the range and per period. */
  @Authenticated({ permission: Permission.CasesRead })
  @Get('durations')
  @ApiAnswer('StatsDurationsResponse')
  durations(@CurrentUser() user: SessionUser, @Query() query: StatsQuery): Promise<StatsAnswer<StatsDurationRow>> {
    return this.stats.durations(user, query);
  }

  /** Archive requests sent in the range, per archive: answered on time, late, still open. */
  @Authenticated({ permission: Permission.CasesRead })
  @Get('archive-requests')
  @ApiAnswer('StatsArchiveRequestsResponse')
  archiveRequests(@CurrentUser() user: SessionUser, @Query() query: StatsQuery): Promise<StatsAnswer<StatsArchiveRow>> {
    return this.stats.archiveRequests(user, query);
  }

  /** Open cases by stage and the days since they entered it. */
  @Authenticated({ permission: Permission.CasesRead })
  @Get('backlog')
  @ApiAnswer('StatsBacklogResponse')
  backlog(@CurrentUser() user: SessionUser, @Query() query: StatsQuery): Promise<StatsAnswer<StatsBacklogRow>> {
    return this.stats.backlog(user, query);
  }

  /** A table as XLSX (counts.xlsx, durations.xlsx, archive-requests.xlsx, backlog.xlsx), the filters written above it. */
  @Authenticated({ permission: Permission.CasesRead })
  @Get(':table.xlsx')
  @ApiProduces(exportContentTypes.xlsx)
  @ApiFileAnswer(exportContentTypes.xlsx)
  async xlsx(@CurrentUser() user: SessionUser, @Param('table') table: string, @Query() query: StatsQuery, @Res() response: Response): Promise<void> {
    if (!(Object.values(StatsTable) as string[]).includes(table)) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_one_of', { field: 'table', values: Object.values(StatsTable) });
    }
    // the filters are checked before anything is sent, so a bad one is still a coded 400
    this.stats.filters(query);
    response.status(200);
    response.setHeader('Content-Type', exportContentTypes.xlsx);
    response.setHeader('Content-Disposition', `attachment; filename="statistics-${table}-${new Date().toISOString().slice(0, 10)}.xlsx"`);
    response.setHeader('Cache-Control', 'no-store');
    try {
      await this.stats.xlsx(user, table as StatsTable, query, response);
    } catch (error) {
      if (response.headersSent) response.destroy(error as Error);
      else throw error;
    }
  }
}
