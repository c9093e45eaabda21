import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { type CaseSearchHit, CaseSearchSource, Permission, type SessionUser } from '@aqtalu/contracts';
import { CaseSearchService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { type ListQueryParams, oneOfFilter, parseListQuery, setContentRange, textFilter } from '../http/list-query.js';
import { ApiAnswer } from '../dtos/responses/api-answer.js';

/** Full-text search across the cases the caller may see. */
@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: CaseSearchService) {}

  /**
   * Documents' text and OCR, case summaries, conclusions and facts' notes, ranked, with snippets (matched words
   * between \u0002 and \u0003): `filter={"q":"Қарағанды расстрел","source":"evidence"}`. Russian words match by
   * stem, Kazakh words with or without their letters ә ғ қ ң ө ұ ү і. A ranked search has no exact total:
   * Content-Range says whether more follow.
   */
  @Authenticated({ permission: Permission.CasesRead })
  @Get()
  @ApiQuery({ name: 'filter', required: true, example: '{"q":"Қарағанды"}' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiAnswer('CaseSearchResponse', { list: true })
  async find(@CurrentUser() user: SessionUser, @Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<CaseSearchHit[]> {
    const list = parseListQuery(query, { sortable: ['rank'], defaultSort: 'rank', defaultOrder: 'DESC', filters: ['q', 'source'] });
    const q = textFilter(list.filter, 'q') ?? '';
    const source = oneOfFilter(list.filter, 'source', Object.values(CaseSearchSource));
    const page = await this.search.search(user, q, { offset: list.offset, limit: list.limit, sources: source ? [source] : undefined });
    setContentRange(response, 'search', list.offset, page.rows.length, list.offset + page.rows.length + (page.more ? 1 : 0));
    return page.rows;
  }
}
