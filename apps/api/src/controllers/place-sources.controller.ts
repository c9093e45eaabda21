import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import { PlaceSourceService } from '@aqtalu/server';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { EventSourceDto } from '../dtos/event.dto.js';
import { ApiAnswer } from '../dtos/responses/api-answer.js';

const id = new ParseUUIDPipe({ version: '4' });

/** The sources a place of the gazetteer is known from (execution and burial sites above all). */
@ApiTags('places')
@Controller('places')
export class PlaceSourcesController {
  constructor(private readonly sources: PlaceSourceService) {}

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get(':id/sources')
  @ApiAnswer('PlaceSourceResponse', { list: true })
  list(@Param('id', id) placeId: string) {
    return this.sources.list(placeId);
  }

  /** Cites a source for the place (as facts cite them); answers all its sources. */
  @Authenticated({ permission: Permission.ReferenceManage })
  @Post(':id/sources')
  @ApiAnswer('PlaceSourceResponse', { status: HttpStatus.CREATED, list: true })
  add(@CurrentUser() user: SessionUser, @Param('id', id) placeId: string, @Body() body: EventSourceDto) {
    return this.sources.add(user, placeId, body);
  }
}
