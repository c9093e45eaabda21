import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';

const databaseConflicts: Record<string, string> = {
  '23505': 'Someone else just created the same record. Reload and try again.',
  '23503': 'A record this one refers to was just changed or removed. Reload and try again.',
  '40001': 'Someone else changed the same records at the same moment. Try again.',
  '40P01': 'Someone else changed the same records at the same moment. Try again.',
};

/** RFC 9457 problem details: the one error format of the API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId?: string;
  /** Field-level problems of a 400, one message per field. */
  errors?: Array<{ field: string; message: string }>;
}

/** Any error becomes problem+json; stack traces stay in the log, never in the answer. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const requestId = request.id ? String(request.id) : undefined;

    let status = HttpStatus.INTERNAL_SERVER_ERROR;
    let detail = `Something went wrong on our side. Quote the request id ${requestId ?? '(none)'} when you report it.`;
    let errors: ProblemDetails['errors'];
    let extra: Record<string, unknown> = {};
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'string') {
        detail = body;
      } else if (body && typeof body === 'object') {
        const { message, errors: fieldErrors, error: _error, statusCode: _statusCode, ...rest } = body as Record<string, unknown>;
        detail = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
        if (Array.isArray(fieldErrors)) errors = fieldErrors as ProblemDetails['errors'];
        extra = rest;
      }
    } else if (exception instanceof QueryFailedError && databaseConflicts[(exception.driverError as { code?: string })?.code ?? '']) {
      // A race the service's own checks could not see (two requests at once): a conflict, never a 500.
      status = HttpStatus.CONFLICT;
      detail = databaseConflicts[(exception.driverError as { code: string }).code]!;
      this.logger.warn({ err: exception, requestId }, 'database constraint refused a write');
    } else {
      this.logger.error({ err: exception, requestId }, 'unhandled error');
    }

    const problem: ProblemDetails = {
      type: 'about:blank',
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail,
      instance: request.originalUrl ?? request.url,
      ...(requestId ? { requestId } : {}),
      ...(errors ? { errors } : {}),
      ...extra,
    };
    if (response.headersSent) return;
    if (typeof extra.retryAfterSeconds === 'number') response.setHeader('Retry-After', String(extra.retryAfterSeconds));
    response.status(status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
