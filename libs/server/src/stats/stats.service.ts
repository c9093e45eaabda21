import { HttpStatus, Injectable } from '@nestjs/common';
import {
  type SessionUser, type StatsAnswer, type StatsArchiveRow, type StatsBacklogRow, type StatsCountRow, StatsDimension, type StatsDurationRow,
  type StatsFilters, StatsPeriod, StatsTable,
} from '@aqtalu/contracts';
import { formatCalendarDate, parseCalendarDate } from '@aqtalu/domain';
import type { Writable } from 'node:stream';
import { actorOf } from '../cases/case-scope.js';
import { CodedException } from '../errors/coded.exception.js';
import { ExportService } from '../exports/export.service.js';
import type { ExportColumn } from '../exports/spreadsheet-cell.js';
import { StatsRepository } from './stats.repository.js';

/** The filters as the query string gives them (all text). */
export interface StatsQuery {
  from?: string;
  to?: string;
  period?: string;
  by?: string;
  regionCode?: string;
  categoryCode?: string;
}

const maxYears = 20;
const codePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const tableColumns: Record<StatsTable, readonly ExportColumn[]> = {
  [StatsTable.Counts]: [
    { key: 'period', header: 'period' }, { key: 'key', header: 'key' }, { key: 'nameKk', header: 'name_kk' }, { key: 'nameRu', header: 'name_ru' },
    { key: 'applications', header: 'applications' }, { key: 'cases', header: 'cases' }, { key: 'subjects', header: 'subjects' },
  ],
  [StatsTable.Durations]: [
    { key: 'step', header: 'step' }, { key: 'period', header: 'period' }, { key: 'count', header: 'count' },
    { key: 'medianDays', header: 'median_days' }, { key: 'p90Days', header: 'p90_days' },
  ],
  [StatsTable.ArchiveRequests]: [
    { key: 'archiveCode', header: 'archive' }, { key: 'nameKk', header: 'name_kk' }, { key: 'nameRu', header: 'name_ru' }, { key: 'sent', header: 'sent' },
    { key: 'answered', header: 'answered' }, { key: 'onTime', header: 'on_time' }, { key: 'late', header: 'late' },
    { key: 'openOverdue', header: 'open_overdue' }, { key: 'open', header: 'open' }, { key: 'cancelled', header: 'cancelled' },
  ],
  [StatsTable.Backlog]: [{ key: 'status', header: 'status' }, { key: 'age', header: 'age_days' }, { key: 'count', header: 'count' }],
};

/**
 * The commission's statistics, within the caller's case scope: counts by period and breakdown, step durations,
 * archive requests on time, the backlog. Each table also downloads as XLSX with its filters written above it.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly stats: StatsRepository,
    private readonly exports: ExportService,
  ) {}

  /** Validated filters; defaults: the last twelve months to today, by month, by region. */
  filters(query: StatsQuery, today: string = formatCalendarDate(new Date())): StatsFilters {
    const period = query.period ?? StatsPeriod.Month;
    if (!(Object.values(StatsPeriod) as string[]).includes(period)) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_one_of', { field: 'period', values: Object.values(StatsPeriod) });
    }
    const by = query.by ?? StatsDimension.Region;
    if (!(Object.values(StatsDimension) as string[]).includes(by)) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_one_of', { field: 'by', values: Object.values(StatsDimension) });
    }
    const yearAgo = parseCalendarDate(today);
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    yearAgo.setUTCDate(yearAgo.getUTCDate() + 1);
    const from = query.from || formatCalendarDate(yearAgo);
    const to = query.to || today;
    let valid = false;
    try {
      const start = parseCalendarDate(from);
      const end = parseCalendarDate(to);
      valid = start <= end && end.getUTCFullYear() - start.getUTCFullYear() <= maxYears;
    } catch {
      valid = false;
    }
    if (!valid) throw new CodedException(HttpStatus.BAD_REQUEST, 'stats.period_range', { from: String(from).slice(0, 40), to: String(to).slice(0, 40) });
    for (const field of ['regionCode', 'categoryCode'] as const) {
      const value = query[field];
      if (value && !codePattern.test(value)) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.format', { field, example: field === 'regionCode' ? 'KAR' : 'counter_revolutionary' });
    }
    return {
      from, to, period: period as StatsPeriod, by: by as StatsDimension,
      ...(query.regionCode ? { regionCode: query.regionCode } : {}), ...(query.categoryCode ? { categoryCode: query.categoryCode } : {}),
    };
  }

  async counts(user: SessionUser, query: StatsQuery): Promise<StatsAnswer<StatsCountRow>> {
    const filters = this.filters(query);
    return { filters, rows: await this.stats.counts(actorOf(user), filters) };
  }

  async durations(user: SessionUser, query: StatsQuery): Promise<StatsAnswer<StatsDurationRow>> {
    const filters = this.filters(query);
    return { filters, rows: await this.stats.durations(actorOf(user), filters) };
  }

  async archiveRequests(user: SessionUser, query: StatsQuery, today: string = formatCalendarDate(new Date())): Promise<StatsAnswer<StatsArchiveRow>> {
    const filters = this.filters(query, today);
    return { filters, rows: await this.stats.archiveRequests(actorOf(user), filters, today) };
  }

  async backlog(user: SessionUser, query: StatsQuery, today: string = formatCalendarDate(new Date())): Promise<StatsAnswer<StatsBacklogRow>> {
    const filters = this.filters(query, today);
    return { filters, rows: await this.stats.backlog(actorOf(user), filters, today) };
  }

  /** One table as an XLSX sheet: the filters (and who asked, in which scope) above the table. Audited as an export. */
  async xlsx(user: SessionUser, table: StatsTable, query: StatsQuery, out: Writable): Promise<number> {
    const answer: StatsAnswer<object> = await {
      [StatsTable.Counts]: () => this.counts(user, query),
      [StatsTable.Durations]: () => this.durations(user, query),
      [StatsTable.ArchiveRequests]: () => this.archiveRequests(user, query),
      [StatsTable.Backlog]: () => this.backlog(user, query),
    }[table]();
    const { filters } = answer;
    const preamble: Array<readonly [string, string]> = [
      ['table', table],
      ['from', filters.from],
      ['to', filters.to],
      ...(table === StatsTable.Counts || table === StatsTable.Durations ? [['period', filters.period] as const] : []),
      ...(table === StatsTable.Counts ? [['by', filters.by] as const] : []),
      ['regionCode', filters.regionCode ?? '*'],
      ['categoryCode', filters.categoryCode ?? '*'],
      ['role', user.role],
      ['scope', user.regionCode ?? user.archiveCode ?? '*'],
      ['generatedAt', new Date().toISOString()],
    ];
    return this.exports.stream(
      { resource: `stats-${table}`, format: 'xlsx', columns: tableColumns[table], filter: { ...filters }, source: answer.rows as Array<Record<string, unknown>>, preamble },
      out,
    );
  }
}
