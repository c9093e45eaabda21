import { BadRequestException, Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission, PlaceKind } from '@aqtalu/contracts';
import { PlaceService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CreatePlaceDto, PlaceNameDto, UpdatePlaceDto } from '../dtos/place.dto.js';
import { parseListQuery, setContentRange, textFilter } from '../http/list-query.js';

/** The historical gazetteer: guberniyas, uezds, okrugs, raions and towns under every name they had, mapped to today's regions. */
@ApiTags('places')
@Controller('places')
export class PlacesController {
  constructor(private readonly places: PlaceService) {}

  /**
   * Places any of whose names matches `q` in any script («Акмолинск», "Tselinograd", «Ақмола» all find Astana),
   * best first, with the name that matched. `q` may also come as `filter={"q":…}`; more filters: `regionCode`, `kind`.
   */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get()
  @ApiQuery({ name: 'q', required: false, example: 'Акмолинск' })
  @ApiQuery({ name: 'filter', required: false, example: '{"q":"Verny","regionCode":"ALA"}' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  async search(@Query() query: { q?: string; sort?: string; range?: string; filter?: string }, @Res({ passthrough: true }) response: Response) {
    const list = parseListQuery({ range: query.range, filter: query.filter, sort: query.sort }, ['score'] as const, 'score');
    const q = query.q?.trim() || textFilter(list.filter, 'q');
    if (!q) throw new BadRequestException('q is required: a place name in any script, e.g. ?q=Акмолинск');
    const kind = textFilter(list.filter, 'kind');
    if (kind && !Object.values(PlaceKind).includes(kind as PlaceKind)) throw new BadRequestException(`filter.kind must be one of ${Object.values(PlaceKind).join(', ')}`);
    const { rows, total } = await this.places.search(q, { offset: list.offset, limit: list.limit, regionCode: textFilter(list.filter, 'regionCode'), kind });
    setContentRange(response, 'places', list.offset, rows.length, total);
    return rows;
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.places.get(id);
  }

  /** Adds a place to the gazetteer with its names (administrators). */
  @Authenticated({ permission: Permission.ReferenceManage })
  @Post()
  create(@Body() body: CreatePlaceDto) {
    return this.places.create(body);
  }

  /** Changes a place (administrators; send the version you read). */
  @Authenticated({ permission: Permission.ReferenceManage })
  @Patch(':id')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdatePlaceDto) {
    const { version, ...changes } = body;
    return this.places.update(id, version, changes);
  }

  /** Adds a name the place was known by (administrators). */
  @Authenticated({ permission: Permission.ReferenceManage })
  @Post(':id/names')
  addName(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PlaceNameDto) {
    return this.places.addName(id, body);
  }
}
