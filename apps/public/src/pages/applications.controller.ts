import {
  type ArgumentsHost, Body, Catch, Controller, type ExceptionFilter, Get, HttpException, HttpStatus, Param, Post, Query, Req, Res, UploadedFiles, UseFilters, UseGuards, UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Code, PublicApplicationLanguage } from '@aqtalu/contracts';
import { CodedException, maxApplicationFiles, PublicationService, PublicApplicationService, publicApplicationsPath, type ApplicationInput, type PublicSearchHit, type UploadedFileOnDisk, RemoveUploadsInterceptor } from '@aqtalu/server';
import { checkPageLanguage } from '../views/language.js';
import { publicApplicationError, renderApplicationErrorPage, renderApplicationFormPage, renderApplicationMissingPage, renderApplicationStatusPage, renderApplicationSubmittedPage } from '../views/applications.view.js';
import type { Request, Response } from 'express';
import { publicThrottler } from '../throttling.js';

/** Page reads per address and minute; applications and uploads per address and minute (e-mails are counted apart, per hour). */
const pageReadsPerMinute = 120;
const postsPerMinute = 10;
/** Each document at most 20 MB, at most `maxApplicationFiles` of them. */
const uploadLimits = { fileSize: 20 * 1024 * 1024, files: maxApplicationFiles, fields: 30, fieldSize: 10_000 };

const languageOf = (request: Request): PublicApplicationLanguage => checkPageLanguage(request.query.lang ?? request.body?.lang, request.headers['accept-language']);

/** Any refusal of these routes as a page in the visitor's language (a page, never JSON: the forms work without JavaScript). */
@Catch(HttpException)
class PublicPageErrorFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const language = languageOf(request);
    const answer = exception.getResponse() as { code?: Code; params?: Record<string, unknown>; message?: unknown };
    const status = exception.getStatus();
    let code: Code | null = answer?.code ?? null;
    let params = answer?.params ?? {};
    if (!code && status === HttpStatus.TOO_MANY_REQUESTS) [code, params] = ['public_application.too_many', { retryAfterSeconds: 60 }];
    if (!code && status === HttpStatus.BAD_REQUEST && /unexpected field|too many files/i.test(String(answer?.message ?? ''))) [code, params] = ['public_application.too_many_files', { max: maxApplicationFiles }];
    const message = status === HttpStatus.PAYLOAD_TOO_LARGE ? publicApplicationError(language, null) : publicApplicationError(language, code, params);
    response
      .status(status)
      .type('html')
      .setHeader('Content-Language', language)
      .send(renderApplicationErrorPage(language, status === HttpStatus.PAYLOAD_TOO_LARGE ? `${message} (20 MB)` : message, `${publicApplicationsPath}/new?lang=${language}`));
  }
}

/** Only the fields the form has, as text (multer gives strings; a repeated field gives an array: the first counts). */
function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (typeof first === 'string') values[key] = first.slice(0, 4000);
    }
  }
  return values;
}

/** Files the browser sent for an empty file input (no name, no content) are no files. */
const chosenFiles = (files: Express.Multer.File[] | undefined): UploadedFileOnDisk[] => (files ?? []).filter((file) => file.originalname !== '' || file.size > 0);

/**
 * Online applications: the public form, the tracking page and the answer to a request for documents. Server-rendered
 * in Kazakh, Russian or English, no JavaScript needed, rate-limited per address (Redis) and per e-mail (the service).
 * A refusal is the form or the status page again, with the reason in the visitor's language.
 */
@Controller(publicApplicationsPath)
@UseFilters(PublicPageErrorFilter)
export class ApplicationsController {
  constructor(
    private readonly applications: PublicApplicationService,
    private readonly publication: PublicationService,
  ) {}

  @UseGuards(ThrottlerGuard)
  @Throttle({ [publicThrottler]: { limit: pageReadsPerMinute, ttl: 60_000 } })
  @Get('new')
  async form(@Query('q') q: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    const language = languageOf(request);
    const query = typeof q === 'string' ? q.trim().slice(0, 200) : '';
    response.type('html').setHeader('Content-Language', language);
    return renderApplicationFormPage(language, await this.applications.formOptions(language), { query, hits: await this.search(query) });
  }

  /** The published persons matching the query (none without a query): the form's choice of person. */
  private async search(query: string): Promise<PublicSearchHit[] | null> {
    if (!query) return null;
    return this.publication.search(query, 10).catch((error: unknown) => {
      // a query without a name word (digits, punctuation) finds nothing
      if (error instanceof CodedException && error.code === 'registry.search_no_name') return [];
      throw error;
    });
  }

  /** Applies: the case opens submitted in the intake queue; the answer is the tracking code (201), or the form again with the reason (4xx). */
  @UseGuards(ThrottlerGuard)
  @Throttle({ [publicThrottler]: { limit: postsPerMinute, ttl: 60_000 } })
  @Post()
  @UseInterceptors(FilesInterceptor('documents', maxApplicationFiles, { limits: uploadLimits }), RemoveUploadsInterceptor)
  async apply(@Body() body: unknown, @UploadedFiles() files: Express.Multer.File[] | undefined, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    const language = languageOf(request);
    const values = formValues(body);
    response.type('html').setHeader('Content-Language', language);
    const input: ApplicationInput = {
      applicantKind: values.applicantKind ?? '',
      applicantName: values.applicantName ?? '',
      email: values.email ?? '',
      phone: values.phone,
      kinship: values.kinship,
      kinshipProof: values.kinshipProof,
      consent: values.consent === 'yes',
      consentVersion: values.consentVersion,
      personId: values.personId || undefined,
      personName: values.personName,
      personBirthYear: values.personBirthYear,
      regionCode: values.regionCode ?? '',
      categoryCode: values.categoryCode ?? '',
      language,
      website: values.website,
    };
    try {
      const { trackingCode } = await this.applications.submit(input, chosenFiles(files));
      response.status(HttpStatus.CREATED);
      return renderApplicationSubmittedPage(language, trackingCode);
    } catch (error) {
      if (!(error instanceof CodedException) || error.getStatus() === HttpStatus.TOO_MANY_REQUESTS) throw error;
      response.status(error.getStatus());
      const { website: _honeypot, consent: _consent, ...kept } = values;
      // the search is made again, so that the person chosen is still offered
      const query = (values.q ?? '').trim().slice(0, 200);
      return renderApplicationFormPage(language, await this.applications.formOptions(language), {
        query, hits: await this.search(query), values: kept, error: publicApplicationError(language, error.code, error.params as Record<string, unknown>),
      });
    }
  }

  /** The tracking-code form's target: on to the code's page. */
  @UseGuards(ThrottlerGuard)
  @Throttle({ [publicThrottler]: { limit: pageReadsPerMinute, ttl: 60_000 } })
  @Get('status')
  lookup(@Query('code') code: unknown, @Req() request: Request, @Res() response: Response): void {
    const language = languageOf(request);
    response.redirect(HttpStatus.SEE_OTHER, `${publicApplicationsPath}/${encodeURIComponent(typeof code === 'string' ? code.trim().slice(0, 40) : '')}?lang=${language}`);
  }

  @UseGuards(ThrottlerGuard)
  @Throttle({ [publicThrottler]: { limit: pageReadsPerMinute, ttl: 60_000 } })
  @Get(':code')
  async status(@Param('code') code: string, @Query('answered') answered: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    const language = languageOf(request);
    response.type('html').setHeader('Content-Language', language);
    const status = await this.applications.status(code);
    if (!status) {
      response.status(HttpStatus.NOT_FOUND);
      return renderApplicationMissingPage(language);
    }
    return renderApplicationStatusPage(language, status, { answered: answered === '1' });
  }

  /** The answer to a request for documents: the files go through the evidence pipeline; then back to the status page (303). */
  @UseGuards(ThrottlerGuard)
  @Throttle({ [publicThrottler]: { limit: postsPerMinute, ttl: 60_000 } })
  @Post(':code/documents')
  @UseInterceptors(FilesInterceptor('documents', maxApplicationFiles, { limits: uploadLimits }), RemoveUploadsInterceptor)
  async answer(@Param('code') code: string, @UploadedFiles() files: Express.Multer.File[] | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    const language = languageOf(request);
    try {
      await this.applications.answer(code, chosenFiles(files));
    } catch (error) {
      if (!(error instanceof CodedException) || error.code === 'public_application.not_found') throw error;
      const status = await this.applications.status(code);
      response.status(error.getStatus()).type('html').setHeader('Content-Language', language);
      response.send(status ? renderApplicationStatusPage(language, status, { error: publicApplicationError(language, error.code, error.params as Record<string, unknown>) }) : renderApplicationMissingPage(language));
      return;
    }
    response.redirect(HttpStatus.SEE_OTHER, `${publicApplicationsPath}/${encodeURIComponent(code)}?lang=${language}&answered=1`);
  }
}
