import { Controller, Get, HttpStatus, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { CodedException, PublicationService, publicBookPath, type PublicSearchFilters } from '@aqtalu/server';
import { checkPageLanguage } from '../views/language.js';
import { renderPublicMissingPage, renderPublicPersonPage, renderPublicSearchPage } from '../views/book.view.js';
import type { Request, Response } from 'express';
import { publicThrottler } from '../throttling.js';

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

/** Page reads per address and minute. */
const readsPerMinute = 600;

/**
 * The Book of Memory: the search and a permanent page per person, in Kazakh, Russian or English (`?lang=`, else
 * Accept-Language), readable without JavaScript. Only published fields of published persons; each read is counted.
 */
@Controller()
@UseGuards(ThrottlerGuard)
@Throttle({ [publicThrottler]: { limit: readsPerMinute, ttl: 60_000 } })
export class BookController {
  constructor(private readonly publication: PublicationService) {}

  /** The site's front door is the search. */
  @Get()
  home(@Query('lang') lang: unknown, @Req() request: Request, @Res() response: Response): void {
    response.redirect(HttpStatus.FOUND, `${publicBookPath}?lang=${checkPageLanguage(lang, request.headers['accept-language'])}`);
  }

  @Get(publicBookPath)
  async search(@Query() params: Record<string, unknown>, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    const language = checkPageLanguage(params.lang, request.headers['accept-language']);
    const query = typeof params.q === 'string' ? params.q.trim().slice(0, 200) : '';
    const filters = publicSearchFiltersOf(params);
    response.type('html').setHeader('Content-Language', language);
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

  @Get(`${publicBookPath}/:id`)
  async person(
    @Param('id') id: string, @Query('lang') lang: unknown, @Query('contributed') contributed: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const language = checkPageLanguage(lang, request.headers['accept-language']);
    response.type('html').setHeader('Content-Language', language);
    const person = await this.publication.readPublic(id, language);
    if (person === null || person === 'withdrawn') {
      response.status(person === null ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
      return renderPublicMissingPage(language, person === 'withdrawn');
    }
    // after a contribution (POST, then 303 here): the thanks above the form
    return renderPublicPersonPage(language, person, { thanks: contributed === '1' });
  }
}
