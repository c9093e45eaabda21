import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query, Req, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import {
  checkPageLanguage, CodedException, OpenDataService, PublicationService, renderPublicMissingPage, renderPublicPersonPage, renderPublicSearchPage, type PublicationView, type PublicSearchFilters, type OpenDataBuild,
} from '@aqtalu/server';
import type { Request, Response } from 'express';
import { Authenticated, Public } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { PublishPersonDto, RegionalBookDto, WithdrawPublicationDto } from '../dtos/publication.dto.js';

const code = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The search form's filters from the query string; a value of the wrong form is ignored (a plain page, not a 400). */
export function publicSearchFiltersOf(params: Record<string, unknown>): PublicSearchFilters {
  const text = (name: string, pattern: RegExp) => (typeof params[name] === 'string' && pattern.test(params[name] as string) ? (params[name] as string) : undefined);
  const year = (name: string) => {
    const value = typeof params[name] === 'string' && /^\d{4}$/.test(params[name] as string) ? Number(params[name]) : undefined;
    return value !== undefined && value >= 1800 && value <= 2100 ? value : undefined;
  };
  const filters: PublicSearchFilters = {
    region: text('region', code), yearFrom: year('from'), yearTo: year('to'), sentenceKind: text('sentence', code), camp: text('camp', code), event: text('event', uuid),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as PublicSearchFilters;
}

/** Public reads per address and minute (per route, counted in Redis by the API's throttler storage). */
const publicReadsPerMinute = 600;

/** The editors' side of the Book of Memory: publish a registry person (which fields, on what basis), withdraw at once. */
@ApiTags('publication')
@Controller('publication/persons')
export class PublicationController {
  constructor(private readonly publication: PublicationService) {}

  @Authenticated({ permission: Permission.PublicationManage })
  @Get(':id')
  @ApiExcludeEndpoint()
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PublicationView> {
    return this.publication.get(id);
  }

  /** Publishes (or republishes after a withdrawal) with the fields chosen. Audited. */
  @Authenticated({ permission: Permission.PublicationManage })
  @Put(':id')
  @ApiExcludeEndpoint()
  publish(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: PublishPersonDto): Promise<PublicationView> {
    return this.publication.publish(user, id, body);
  }

  /** Withdrawal on request: the public page answers 410 at once. Audited with its reason. */
  @Authenticated({ permission: Permission.PublicationManage })
  @Post(':id/withdrawal')
  @HttpCode(HttpStatus.OK)
  @ApiExcludeEndpoint()
  withdraw(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: WithdrawPublicationDto): Promise<PublicationView> {
    return this.publication.withdraw(user, id, body.reason);
  }
}

/** The editors' side of the open data: a build now, a region's PDF book. */
@ApiTags('publication')
@Controller('publication')
export class PublicationOpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  /** Builds the open-data dump now instead of waiting for the night (after a withdrawal, say). Audited. */
  @Authenticated({ permission: Permission.PublicationManage })
  @Post('open-data')
  @HttpCode(HttpStatus.OK)
  @ApiExcludeEndpoint()
  buildOpenData(): Promise<OpenDataBuild> {
    return this.openData.buildAudited();
  }

  /** Asks the worker for a region's Book of Memory in PDF (kk or ru), served at /api/public/open-data/<file> once rendered. Audited. */
  @Authenticated({ permission: Permission.PublicationManage })
  @Post('regional-books')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiExcludeEndpoint()
  requestRegionalBook(@Body() body: RegionalBookDto): Promise<{ file: string }> {
    return this.openData.requestRegionalBook(body.regionCode, body.language);
  }
}

/**
 * The public Book of Memory: server-rendered pages in Kazakh, Russian or English (`?lang=`, else Accept-Language),
 * readable without JavaScript, rate-limited per address. Only published fields of published persons.
 */
@Controller('public/persons')
export class PublicBookController {
  constructor(private readonly publication: PublicationService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ auth: { limit: publicReadsPerMinute, ttl: 60_000 } })
  @Get()
  @ApiExcludeEndpoint()
  async search(@Query() params: Record<string, unknown>, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    const language = checkPageLanguage(params.lang, request.headers['accept-language']);
    const query = typeof params.q === 'string' ? params.q.trim().slice(0, 200) : '';
    const filters = publicSearchFiltersOf(params);
    response.type('html');
    response.setHeader('Content-Language', language);
    let hits = null;
    if (query || Object.keys(filters).length) {
      try {
        hits = await this.publication.search(query, 25, filters);
      } catch (error) {
        // a query without a name word (digits, punctuation) finds nothing
        if (!(error instanceof CodedException) || error.code !== 'registry.search_no_name') throw error;
        hits = [];
      }
    }
    return renderPublicSearchPage(language, query, hits, filters, await this.publication.searchOptions(language));
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ auth: { limit: publicReadsPerMinute, ttl: 60_000 } })
  @Get(':id')
  @ApiExcludeEndpoint()
  async person(
    @Param('id') id: string, @Query('lang') lang: unknown, @Query('contributed') contributed: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const language = checkPageLanguage(lang, request.headers['accept-language']);
    response.type('html');
    response.setHeader('Content-Language', language);
    const person = await this.publication.readPublic(id, language);
    if (person === null || person === 'withdrawn') {
      response.status(person === null ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
      return renderPublicMissingPage(language, person === 'withdrawn');
    }
    // after a contribution (POST, then 303 here): the thanks above the form
    return renderPublicPersonPage(language, person, { thanks: contributed === '1' });
  }
}

/**
 * The open data of the Book of Memory (rebuilt nightly by the worker): book-of-memory.csv, book-of-memory.json,
 * book-of-memory.schema.json and SHA256SUMS, under CC BY 4.0. 404 before the first build.
 */
@Controller('public/open-data')
export class PublicOpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ auth: { limit: 60, ttl: 60_000 } })
  @Get(':file')
  @ApiExcludeEndpoint()
  async file(@Param('file') name: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const file = await this.openData.open(name);
    if (!file) throw new CodedException(HttpStatus.NOT_FOUND, 'http.not_found', { path: `/api/public/open-data/${name.slice(0, 100)}` });
    response.setHeader('Content-Type', file.type);
    response.setHeader('Content-Disposition', `inline; filename="${name}"`);
    response.setHeader('Cache-Control', 'public, max-age=3600');
    return new StreamableFile(file.stream, { length: file.bytes });
  }
}
