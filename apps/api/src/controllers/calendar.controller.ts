import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '@aqtalu/contracts';
import { parseCalendarDate } from '@aqtalu/domain';
import { type CalendarCoverage, CalendarService, CodedException, type HolidayView } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CreateHolidayDto, UpdateHolidayDto } from '../dtos/calendar.dto.js';
import { listAnswer, type ListQueryParams, parseListQuery } from '../http/list-query.js';
import { ApiAnswer } from '../dtos/responses/api-answer.js';

/** A real calendar day written YYYY-MM-DD, else a coded 400 (never a query with a wrong date). */
function calendarDay(value: string, field = 'date'): string {
  try {
    parseCalendarDate(value);
    return value;
  } catch {
    throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.format', { field, example: '2028-03-21' });
  }
}

/** The holiday calendar deadlines count against: read by everyone with reference.read, kept by administrators. */
@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Holidays (id = the date). Filter: year. A react-admin list. */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('holidays')
  @ApiAnswer('HolidayResponse', { list: true })
  async list(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<HolidayView[]> {
    const list = parseListQuery(query, { sortable: ['date'], defaultSort: 'date', filters: ['year'], idKind: 'code', defaultLimit: 100 });
    const year = list.filter.year;
    if (year !== undefined && year !== null && year !== '' && !Number.isInteger(Number(year))) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.format', { field: 'filter.year', example: '2028' });
    }
    const rows = await this.calendar.list({
      year: year === undefined || year === null || year === '' ? undefined : Number(year),
      dates: list.ids?.map((id) => calendarDay(id, 'id')),
    });
    const ordered = list.sortOrder === 'DESC' ? [...rows].reverse() : rows;
    return listAnswer(response, 'holidays', list, { rows: ordered.slice(list.offset, list.offset + list.limit), total: rows.length });
  }

  /** How far the calendar reaches; `warning` (a code) when it ends within six months: the dashboard shows it. */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('coverage')
  @ApiAnswer('CalendarCoverageResponse')
  coverage(): Promise<CalendarCoverage> {
    return this.calendar.coverage();
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('holidays/:date')
  @ApiAnswer('HolidayResponse')
  get(@Param('date') date: string): Promise<HolidayView> {
    return this.calendar.get(calendarDay(date));
  }

  @Authenticated({ permission: Permission.ReferenceManage })
  @Post('holidays')
  @ApiAnswer('HolidayResponse', { status: HttpStatus.CREATED })
  create(@Body() body: CreateHolidayDto): Promise<HolidayView> {
    return this.calendar.create({ ...body, date: calendarDay(body.date) });
  }

  @Authenticated({ permission: Permission.ReferenceManage })
  @Patch('holidays/:date')
  @ApiAnswer('HolidayResponse')
  update(@Param('date') date: string, @Body() body: UpdateHolidayDto): Promise<HolidayView> {
    return this.calendar.update(calendarDay(date), body);
  }

  @Authenticated({ permission: Permission.ReferenceManage })
  /** Removes a holiday; answers it as it was (react-admin's delete reads the record back). */
  @Delete('holidays/:date')
  @ApiAnswer('HolidayResponse', { description: 'The holiday removed' })
  remove(@Param('date') date: string): Promise<HolidayView> {
    return this.calendar.remove(calendarDay(date));
  }

  /** Adds the holidays fixed by the Labour Code for a year (the moving ones, e.g. Kurban Ait, are added one by one). */
  @Authenticated({ permission: Permission.ReferenceManage })
  @Post('years/:year/fixed-holidays')
  @HttpCode(200)
  @ApiAnswer('HolidayResponse', { list: true, description: 'The fixed-date holidays added for the year' })
  addFixed(@Param('year') year: string): Promise<HolidayView[]> {
    return this.calendar.addFixedHolidays(Number(year));
  }
}
