import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission, PlaceKind } from '@aqtalu/contracts';
import { PlaceService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CreatePlaceDto, PlaceNameDto, UpdatePlaceDto } from '../dtos/place.dto.js';
import { idFilter, listAnswer, ListQueryError, listQueryError, type ListQueryParams, oneOfFilter, parseListQuery, textFilter } from '../http/list-query.js';
import { ApiAnswer, type Sent } from '../dtos/responses/api-answer.js';
import type { PlaceHitResponse, PlaceResponse } from '@aqtalu/contracts';

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
  @ApiAnswer('PlaceHitResponse', { list: true, description: 'Places; with `q`, each with the name that matched and its score' })
  async search(@Query() query: ListQueryParams & { q?: string }, @Res({ passthrough: true }) response: Response): Promise<Array<Sent<PlaceResponse> | Sent<PlaceHitResponse>>> {
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
  @ApiAnswer('PlaceResponse')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<Sent<PlaceResponse>> {
    return this.places.get(id);
  }

  /** Adds a place to the gazetteer with its names (administrators). */
  @Authenticated({ permission: Permission.ReferenceManage })
  @Post()
  @ApiAnswer('PlaceResponse', { status: HttpStatus.CREATED })
  create(@Body() body: CreatePlaceDto): Promise<Sent<PlaceResponse>> {
    return this.places.create(body);
  }

  /** Changes a place (administrators; send the version you read). */
  @Authenticated({ permission: Permission.ReferenceManage })
  @Patch(':id')
  @ApiAnswer('PlaceResponse')
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdatePlaceDto): Promise<Sent<PlaceResponse>> {
    const { version, ...changes } = body;
    return this.places.update(id, version, changes);
  }

  /** Adds a name the place was known by (administrators). */
  @Authenticated({ permission: Permission.ReferenceManage })
  @Post(':id/names')
  @ApiAnswer('PlaceResponse', { status: HttpStatus.CREATED })
  addName(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PlaceNameDto): Promise<Sent<PlaceResponse>> {
    return this.places.addName(id, body);
  }
}
