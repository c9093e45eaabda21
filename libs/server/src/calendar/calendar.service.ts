import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { calendarCoveredUntil, calendarEndsWithin, formatCalendarDate } from '@aqtalu/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { fixedHolidays } from '../database/reference-data/holidays.js';
import { CodedException } from '../errors/coded.exception.js';

export interface HolidayView {
  /** YYYY-MM-DD, also the record's id. */
  id: string;
  date: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

export interface HolidayNames {
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

/** How far the calendar reaches, and the dashboard's warning (a code) when it ends within `warnMonths`. */
export interface CalendarCoverage {
  coveredUntil: string | null;
  lastHoliday: string | null;
  warnMonths: number;
  warning: { code: 'calendar.ends_soon'; params: { lastDate: string; months: number } } | { code: 'calendar.empty'; params: Record<string, never> } | null;
}

/** The calendar is warned about this many months before it ends. */
export const calendarWarnMonths = 6;
export const calendarYears = { from: 2000, to: 2100 } as const;

/** The rows of an UPDATE/DELETE … RETURNING: TypeORM answers those as [rows, affected]. */
function returned<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

const columns = `to_char(date, 'YYYY-MM-DD') AS id, to_char(date, 'YYYY-MM-DD') AS date, name_kk AS "nameKk", name_ru AS "nameRu", name_en AS "nameEn"`;

/**
 * The holiday calendar, kept as data: deadlines count business days against it (ArchiveRequestService.calendar).
 * Administrators add the years to come (the fixed holidays of a year in one step; the moving ones, such as
 * Kurban Ait, and transferred days off by hand). Every change is audited.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(filter: { year?: number; dates?: string[] } = {}): Promise<HolidayView[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.year !== undefined) where.push(`extract(year FROM date) = $${params.push(this.checkYear(filter.year))}`);
    if (filter.dates) where.push(`date = ANY($${params.push(filter.dates)}::date[])`);
    return this.dataSource.query(`SELECT ${columns} FROM holidays ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY date`, params);
  }

  async get(date: string): Promise<HolidayView> {
    const [row] = await this.dataSource.query(`SELECT ${columns} FROM holidays WHERE date = $1`, [date]);
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'calendar.holiday_not_found', { date });
    return row as HolidayView;
  }

  async create(input: HolidayNames & { date: string }): Promise<HolidayView> {
    this.checkYear(Number(input.date.slice(0, 4)));
    return this.dataSource.transaction(async (manager) => {
      const rows: HolidayView[] = await manager.query(
        `INSERT INTO holidays (date, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $4) ON CONFLICT (date) DO NOTHING RETURNING ${columns}`,
        [input.date, input.nameKk, input.nameRu, input.nameEn],
      );
      if (!rows[0]) throw new CodedException(HttpStatus.CONFLICT, 'calendar.holiday_exists', { date: input.date });
      await this.audit.record({ action: 'holiday.create', entityType: 'holiday', entityId: input.date, after: { ...rows[0] } }, manager);
      return rows[0];
    });
  }

  async update(date: string, input: Partial<HolidayNames>): Promise<HolidayView> {
    return this.dataSource.transaction(async (manager) => {
      const [before]: HolidayView[] = await manager.query(`SELECT ${columns} FROM holidays WHERE date = $1 FOR UPDATE`, [date]);
      if (!before) throw new CodedException(HttpStatus.NOT_FOUND, 'calendar.holiday_not_found', { date });
      const [after] = returned<HolidayView>(
        await manager.query(`UPDATE holidays SET name_kk = $2, name_ru = $3, name_en = $4 WHERE date = $1 RETURNING ${columns}`, [
          date, input.nameKk ?? before.nameKk, input.nameRu ?? before.nameRu, input.nameEn ?? before.nameEn,
        ]),
      );
      await this.audit.record({ action: 'holiday.update', entityType: 'holiday', entityId: date, before: { ...before }, after: { ...after! } }, manager);
      return after!;
    });
  }

  async remove(date: string): Promise<HolidayView> {
    return this.dataSource.transaction(async (manager) => {
      const [before] = returned<HolidayView>(await manager.query(`DELETE FROM holidays WHERE date = $1 RETURNING ${columns}`, [date]));
      if (!before) throw new CodedException(HttpStatus.NOT_FOUND, 'calendar.holiday_not_found', { date });
      await this.audit.record({ action: 'holiday.delete', entityType: 'holiday', entityId: date, before: { ...before } }, manager);
      return before;
    });
  }

  /** Adds the holidays fixed by the Labour Code (same day every year) for `year`; those already there are kept. */
  async addFixedHolidays(year: number): Promise<HolidayView[]> {
    this.checkYear(year);
    return this.dataSource.transaction(async (manager) => {
      const added: HolidayView[] = [];
      for (const [monthDay, names] of fixedHolidays) {
        const rows: HolidayView[] = await manager.query(
          `INSERT INTO holidays (date, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $4) ON CONFLICT (date) DO NOTHING RETURNING ${columns}`,
          [`${year}-${monthDay}`, names.kk, names.ru, names.en],
        );
        if (rows[0]) added.push(rows[0]);
      }
      await this.audit.record({ action: 'holiday.add_fixed_year', entityType: 'holiday', entityId: String(year), details: { year, added: added.map((row) => row.date) } }, manager);
      return added;
    });
  }

  async coverage(today: string = formatCalendarDate(new Date())): Promise<CalendarCoverage> {
    const [row]: Array<{ last: string | null }> = await this.dataSource.query(`SELECT to_char(max(date), 'YYYY-MM-DD') AS last FROM holidays`);
    const lastHoliday = row?.last ?? null;
    const coveredUntil = calendarCoveredUntil(lastHoliday ? [lastHoliday] : []);
    const warning: CalendarCoverage['warning'] =
      coveredUntil === null
        ? { code: 'calendar.empty', params: {} }
        : calendarEndsWithin(coveredUntil, today, calendarWarnMonths)
          ? { code: 'calendar.ends_soon', params: { lastDate: coveredUntil, months: calendarWarnMonths } }
          : null;
    return { coveredUntil, lastHoliday, warnMonths: calendarWarnMonths, warning };
  }

  private checkYear(year: number): number {
    if (!Number.isInteger(year) || year < calendarYears.from || year > calendarYears.to) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'calendar.year_out_of_range', { from: calendarYears.from, to: calendarYears.to });
    }
    return year;
  }
}
