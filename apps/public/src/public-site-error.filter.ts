import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { isCode, renderCode, type Code } from '@aqtalu/contracts';
import { publicCertificatesPath } from '@aqtalu/server';
import { checkPageLanguage } from './views/language.js';
import { renderPublicErrorPage } from './views/book.view.js';
import type { Request, Response } from 'express';

/**
 * Whatever a route did not answer itself, as a page in the visitor's language (`?lang=`, else Accept-Language):
 * no such page, too many requests, or a page that could not be opened (logged; the visitor never sees a stack).
 * A client that takes no HTML, and one of the certificate check that names neither (its JSON clients), gets the code.
 */
@Catch()
export class PublicSiteErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('PublicSite');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (response.headersSent) return;
    const answer = exception instanceof HttpException ? (exception.getResponse() as { code?: unknown; params?: Record<string, unknown> }) : {};
    if (!request.accepts('text/html') || (request.path.startsWith(`${publicCertificatesPath}/`) && request.accepts(['application/json', 'text/html']) !== 'text/html')) {
      const [code, params]: [Code, Record<string, unknown>] = isCode(answer?.code)
        ? [answer.code, answer.params ?? {}]
        : status === HttpStatus.NOT_FOUND ? ['http.not_found', { path: request.path }]
        : status === HttpStatus.TOO_MANY_REQUESTS ? ['http.too_many_requests', {}]
        : ['http.error', { status }];
      response.status(status).type('application/problem+json').json({ status, code, params, detail: renderCode(code, params as never) });
      return;
    }
    const language = checkPageLanguage(request.query.lang, request.headers['accept-language']);
    const kind = status === HttpStatus.NOT_FOUND || status === HttpStatus.METHOD_NOT_ALLOWED ? 'page_not_found' : status === HttpStatus.TOO_MANY_REQUESTS ? 'too_many' : 'unavailable';
    response.status(status).type('html').setHeader('Content-Language', language);
    response.send(renderPublicErrorPage(language, kind));
  }
}
