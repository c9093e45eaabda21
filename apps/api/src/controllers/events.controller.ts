import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { EventKind, Permission, type EventListRow, type EventPeopleView, type EventView, type SessionUser } from '@aqtalu/contracts';
import { EventService, eventSortColumns } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AddParticipantDto, CreateEventDto, UpdateEventDto } from '../dtos/event.dto.js';
import { idFilter, listAnswer, ListQueryError, listQueryError, type ListQueryParams, oneOfFilter, parseListQuery, textFilter } from '../http/list-query.js';
import { ApiAnswer, ApiNoContentResponse } from '../dtos/responses/api-answer.js';

const id = new ParseUUIDPipe({ version: '4' });

/** A year filter: a whole number 1850–2100, else a 400 naming the filter. */
function yearFilter(filter: Record<string, unknown>, key: string): number | undefined {
  const value = filter[key];
  if (value === undefined || value === null || value === '') return undefined;
  const year = typeof value === 'string' ? Number(value) : value;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1850 || year > 2100) throw listQueryError(ListQueryError.FilterValue, { filter: key, expected: '1850–2100' });
  return year;
}

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventService) {}

  /** Events: uprisings, mass operations, group trials, echelons, confiscation campaigns. Filters: kind, regionCode, yearFrom, yearTo, q, personId. */
  @Authenticated({ permission: Permission.EventsRead })
  @Get()
  @ApiQuery({ name: 'filter', required: false, example: '{"kind":"uprising","regionCode":"ALM","yearFrom":1930,"yearTo":1931}' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'sort', required: false, example: '["dateEarliest","ASC"]' })
  @ApiAnswer('EventListItem', { list: true })
  async list(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<EventListRow[]> {
    const list = parseListQuery(query, {
      sortable: ['kind', 'nameKk', 'nameRu', 'nameEn', 'dateEarliest', 'updatedAt'] as Array<keyof typeof eventSortColumns>,
      defaultSort: 'dateEarliest',
      defaultOrder: 'ASC',
      filters: ['kind', 'regionCode', 'yearFrom', 'yearTo', 'q', 'personId'],
    });
    const page = await this.events.list({
      sort: list.sortField,
      order: list.sortOrder,
      offset: list.offset,
      limit: list.limit,
      filter: {
        ids: list.ids,
        kind: oneOfFilter(list.filter, 'kind', Object.values(EventKind)),
        regionCode: textFilter(list.filter, 'regionCode'),
        yearFrom: yearFilter(list.filter, 'yearFrom'),
        yearTo: yearFilter(list.filter, 'yearTo'),
        q: textFilter(list.filter, 'q'),
        personId: idFilter(list.filter, 'personId'),
      },
    });
    return listAnswer(response, 'events', list, page);
  }

  @Authenticated({ permission: Permission.EventsRead })
  @Get(':id')
  @ApiAnswer('EventResponse')
  get(@Param('id', id) eventId: string): Promise<EventView> {
    return this.events.get(eventId);
  }

  /** Records an event; a working group names at least one place of its region. */
  @Authenticated({ permission: Permission.EventsManage })
  @Post()
  @ApiAnswer('EventResponse', { status: HttpStatus.CREATED })
  create(@CurrentUser() user: SessionUser, @Body() body: CreateEventDto): Promise<EventView> {
    return this.events.create(user, body);
  }

  /** Changes an event; places or sources given replace those stored. */
  @Authenticated({ permission: Permission.EventsManage })
  @Patch(':id')
  @ApiAnswer('EventResponse')
  update(@CurrentUser() user: SessionUser, @Param('id', id) eventId: string, @Body() body: UpdateEventDto): Promise<EventView> {
    return this.events.update(user, eventId, body);
  }

  /** The event's people with role, sentence, outcome and source, and counts by sentence, outcome and role. */
  @Authenticated({ permission: Permission.EventsRead })
  @Get(':id/participants')
  @ApiAnswer('EventPeopleResponse')
  people(@Param('id', id) eventId: string): Promise<EventPeopleView> {
    return this.events.people(eventId);
  }

  @Authenticated({ permission: Permission.EventsManage })
  @Post(':id/participants')
  @ApiAnswer('EventParticipantResponse', { status: HttpStatus.CREATED })
  addParticipant(@CurrentUser() user: SessionUser, @Param('id', id) eventId: string, @Body() body: AddParticipantDto) {
    return this.events.addParticipant(user, eventId, body);
  }

  @Authenticated({ permission: Permission.EventsManage })
  @Delete(':id/participants/:participantId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  async removeParticipant(@CurrentUser() user: SessionUser, @Param('id', id) eventId: string, @Param('participantId', id) participantId: string): Promise<void> {
    await this.events.removeParticipant(user, eventId, participantId);
  }
}
