import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { isCode, renderCode, type Code, type CodeParams, type FieldProblem } from '@aqtalu/contracts';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';

const databaseConflicts: Record<string, Code> = {
  '23505': 'database.unique_violation',
  '23503': 'database.foreign_key_violation',
  '40001': 'database.serialization_failure',
  '40P01': 'database.deadlock',
};

/** RFC 9457 problem details: the one error format of the API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  /** English text of the problem, a fallback: clients translate `code` with `params`. */
  detail: string;
  instance: string;
  /** A code of the catalogue in libs/contracts (codes.ts). */
  code: Code;
  params: Record<string, unknown>;
  requestId?: string;
  /** Field-level problems of a 400, one message per field, each with its code. */
  errors?: FieldProblem[];
}

/** The code of an HttpException thrown without one (by Nest itself or a library). */
function codeOfStatus(status: number, path: string): { code: Code; params: Record<string, unknown> } {
  if (status === HttpStatus.NOT_FOUND) return { code: 'http.not_found', params: { path } satisfies CodeParams['http.not_found'] };
  if (status === HttpStatus.UNAUTHORIZED) return { code: 'auth.token_invalid', params: {} };
  if (status === HttpStatus.TOO_MANY_REQUESTS) return { code: 'http.too_many_requests', params: {} };
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return { code: 'http.payload_too_large', params: {} };
  return { code: 'http.error', params: { status } satisfies CodeParams['http.error'] };
}

/** Any error becomes problem+json with a code; stack traces stay in the log, never in the answer. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const requestId = request.id ? String(request.id) : undefined;
    const instance = request.originalUrl ?? request.url;

    let status = HttpStatus.INTERNAL_SERVER_ERROR;
    let code: Code = 'http.internal_error';
    let params: Record<string, unknown> = { requestId: requestId ?? '(none)' } satisfies CodeParams['http.internal_error'];
    let detail = renderCode('http.internal_error', { requestId: requestId ?? '(none)' });
    let errors: ProblemDetails['errors'];
    let extra: Record<string, unknown> = {};
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      const body = exception.getResponse();
      ({ code, params } = codeOfStatus(status, instance));
      if (typeof body === 'string') {
        detail = body;
      } else if (body && typeof body === 'object') {
        const { message, errors: fieldErrors, error: _error, statusCode: _statusCode, code: ownCode, params: ownParams, ...rest } = body as Record<string, unknown>;
        detail = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
        // ParseUUIDPipe's own refusal of a malformed id in the path
        if (status === HttpStatus.BAD_REQUEST && /uuid.*expected/i.test(detail)) ({ code, params } = { code: 'validation.must_be_uuid', params: { field: 'id' } });
        if (isCode(ownCode)) {
          code = ownCode;
          params = ownParams && typeof ownParams === 'object' ? (ownParams as Record<string, unknown>) : {};
        }
        if (Array.isArray(fieldErrors)) errors = fieldErrors as ProblemDetails['errors'];
        extra = rest;
      }
    } else if (exception instanceof QueryFailedError && databaseConflicts[(exception.driverError as { code?: string })?.code ?? '']) {
      // A race the service's own checks could not see (two requests at once): a conflict, never a 500.
      status = HttpStatus.CONFLICT;
      code = databaseConflicts[(exception.driverError as { code: string }).code]!;
      params = {};
      detail = renderCode(code, {} as never);
      this.logger.warn({ err: exception, requestId }, 'database constraint refused a write');
    } else {
      this.logger.error({ err: exception, requestId }, 'unhandled error');
    }

    const problem: ProblemDetails = {
      type: 'about:blank',
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail,
      instance,
      code,
      params,
      ...(requestId ? { requestId } : {}),
      ...(errors ? { errors } : {}),
      ...extra,
    };
    if (response.headersSent) return;
    if (typeof extra.retryAfterSeconds === 'number') response.setHeader('Retry-After', String(extra.retryAfterSeconds));
    response.status(status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
