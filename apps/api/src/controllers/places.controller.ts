import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission, PlaceKind } from '@aqtalu/contracts';
import { PlaceService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CreatePlaceDto, PlaceNameDto, UpdatePlaceDto } from '../dtos/place.dto.js';
import { idFilter, listAnswer, ListQueryError, listQueryError, type ListQueryParams, oneOfFilter, parseListQuery, textFilter } from '../http/list-query.js';

const browseSorts = ['nameEn', 'nameKk', 'nameRu', 'kind', 'regionCode', 'validFrom'] as const;

/** The historical gazetteer: guberniyas, uezds, okrugs, raions and towns under every name they had, mapped to today's regions. */
@ApiTags('places')
@Controller('places')
export class PlacesController {
  constructor(private readonly places: PlaceService) {}

  /**
   * Places any of whose names matches `q` in any script («Акмолинск», "Tselinograd", «Ақмола» all find Astana),
   * best first, with the name that matched. `q` may also come as `filter={"q":…}`; more filters: `regionCode`,
   * `kind`, `parentId`. Without `q` the gazetteer is browsed in the order asked (by name when the sort is `score`).
   */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get()
  @ApiQuery({ name: 'q', required: false, example: 'Акмолинск' })
  @ApiQuery({ name: 'filter', required: false, example: '{"q":"Verny","regionCode":"ALA"}' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'sort', required: false, example: '["score","DESC"]' })
  async search(@Query() query: ListQueryParams & { q?: string }, @Res({ passthrough: true }) response: Response) {
    const list = parseListQuery(query, { sortable: ['score', ...browseSorts], defaultSort: 'score', defaultOrder: 'DESC', filters: ['q', 'regionCode', 'kind', 'parentId'] });
    const q = query.q?.trim() || textFilter(list.filter, 'q');
    const kind = oneOfFilter(list.filter, 'kind', Object.values(PlaceKind));
    const filter = { regionCode: textFilter(list.filter, 'regionCode'), kind, parentId: idFilter(list.filter, 'parentId') };
    if (q && !list.ids && !filter.parentId) {
      return listAnswer(response, 'places', list, await this.places.search(q, { offset: list.offset, limit: list.limit, regionCode: filter.regionCode, kind }));
    }
    if (q) throw listQueryError(ListQueryError.Filter, { filters: ['q', list.ids ? 'id' : 'parentId'] });
    const sort = list.sortField === 'score' ? 'nameEn' : list.sortField;
    const order = list.sortField === 'score' ? 'ASC' : list.sortOrder;
    return listAnswer(response, 'places', list, await this.places.list({ offset: list.offset, limit: list.limit, sort, order, ids: list.ids, ...filter }));
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
