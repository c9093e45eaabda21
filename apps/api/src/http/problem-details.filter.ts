import { Catch, HttpException, HttpStatus, Logger, Optional, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { isCode, renderCode, type Code, type CodeParams, type FieldProblem } from '@aqtalu/contracts';
import { AuditService } from '@aqtalu/server';
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
  /** The caller's own X-Request-Id, when it sent a UUID (never the id the audit log records). */
  clientRequestId?: string;
  /** Field-level problems of a 400, one message per field, each with its code. */
  errors?: FieldProblem[];
}

/** Seconds a client should wait before trying again while a store is unreachable. */
export const storeRetryAfterSeconds = 5;

/** SQLSTATEs of a database that cannot be reached or is going away: connection exceptions, shutdown, no slots left. */
const databaseUnavailableStates = /^(08...|57P0[1-4]|53300|53400)$/;
/** Errors of sockets and of the pg client when the server does not answer. */
const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'EPIPE', 'ECONNABORTED']);
const pgUnreachableMessages = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout)/;
/** The AWS SDK's names for a store that is down or overloaded. */
const objectStoreDownNames = new Set(['TimeoutError', 'ServiceUnavailable', 'SlowDown', 'InternalError', 'RequestTimeout', 'NetworkingError']);

export type StoreFailure = 'disk_full' | 'database' | 'object_store';

/**
 * A failure of a store rather than of the request: a full disk (ENOSPC/EDQUOT, or PostgreSQL's own disk_full) is a
 * 507, a database or object store that cannot be reached a 503 with Retry-After. Looks through TypeORM's
 * `driverError` and an error's `cause`.
 */
export function storeFailureOf(exception: unknown): StoreFailure | null {
  let error: unknown = exception;
  for (let depth = 0; depth < 4 && error && typeof error === 'object'; depth++) {
    const { code, name, message, $metadata, driverError, cause } = error as {
      code?: unknown; name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number }; driverError?: unknown; cause?: unknown;
    };
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === '53100') return 'disk_full';
    if ($metadata !== undefined || (typeof name === 'string' && objectStoreDownNames.has(name))) {
      const status = $metadata?.httpStatusCode;
      if ((typeof name === 'string' && objectStoreDownNames.has(name)) || (typeof code === 'string' && unreachableCodes.has(code)) || status === undefined || status >= 500) return 'object_store';
      return null;
    }
    if (typeof code === 'string' && (databaseUnavailableStates.test(code) || unreachableCodes.has(code))) return 'database';
    if (typeof message === 'string' && pgUnreachableMessages.test(message)) return 'database';
    error = driverError ?? cause;
  }
  return null;
}

/** What the problem-details answer of a failing store says. */
function storeProblem(failure: StoreFailure): { status: number; code: Code; params: Record<string, unknown>; retryAfterSeconds?: number } {
  if (failure === 'disk_full') return { status: HttpStatus.INSUFFICIENT_STORAGE, code: 'store.disk_full', params: {} };
  const params = { retryAfterSeconds: storeRetryAfterSeconds };
  return { status: HttpStatus.SERVICE_UNAVAILABLE, code: failure === 'database' ? 'store.database_unavailable' : 'store.object_store_unavailable', params, retryAfterSeconds: storeRetryAfterSeconds };
}

/**
 * Writes a problem+json answer: the filter's, and the refusals of the body parser and the media-type check, which
 * run before Nest's routing. Carries the request id (and the caller's own id when it sent a UUID).
 */
export function writeProblem(
  request: Request & { id?: unknown; clientRequestId?: string },
  response: Response,
  problem: { status: number; code: Code; params: Record<string, unknown>; detail?: string; errors?: FieldProblem[]; extra?: Record<string, unknown> },
): void {
  if (response.headersSent) return;
  const requestId = request.id ? String(request.id) : undefined;
  const body: ProblemDetails = {
    type: 'about:blank',
    title: STATUS_CODES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.detail ?? renderCode(problem.code, problem.params as never),
    instance: request.originalUrl ?? request.url,
    code: problem.code,
    params: problem.params,
    ...(requestId ? { requestId } : {}),
    ...(request.clientRequestId ? { clientRequestId: request.clientRequestId } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...problem.extra,
  };
  const retryAfter = problem.extra?.retryAfterSeconds;
  if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(body));
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

  constructor(@Optional() private readonly audit?: AuditService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string; clientRequestId?: string }>();
    const response = http.getResponse<Response>();
    const requestId = request.id ? String(request.id) : undefined;
    const instance = request.originalUrl ?? request.url;

    let status = HttpStatus.INTERNAL_SERVER_ERROR;
    let code: Code = 'http.internal_error';
    let params: Record<string, unknown> = { requestId: requestId ?? '(none)' } satisfies CodeParams['http.internal_error'];
    let detail = renderCode('http.internal_error', { requestId: requestId ?? '(none)' });
    let errors: ProblemDetails['errors'];
    let extra: Record<string, unknown> = {};
    const storeFailure = exception instanceof HttpException ? null : storeFailureOf(exception);
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
    } else if (storeFailure) {
      // the store failed, not the request: the transaction rolled back, so nothing was written half
      ({ status, code, params } = storeProblem(storeFailure));
      const retryAfterSeconds = storeProblem(storeFailure).retryAfterSeconds;
      if (retryAfterSeconds !== undefined) extra = { retryAfterSeconds };
      detail = renderCode(code, params as never);
      this.logger.error({ err: exception, requestId, store: storeFailure }, 'a store failed');
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

    const send = () => writeProblem(request, response, { status, code, params, detail, ...(errors ? { errors } : {}), extra });
    const audited = this.auditOf(exception, request, code, params);
    if (audited && this.audit) {
      this.audit.record(audited).catch((error: unknown) => this.logger.error({ err: error, requestId }, 'refusal not audited')).finally(send);
    } else {
      send();
    }
  }

  /**
   * Refusals worth an audit entry that no service writes: the loser of a version conflict (its transaction rolled
   * back, the entry is written on its own) and a sign-in refused by the request-rate limit.
   */
  private auditOf(exception: unknown, request: Request, code: Code, params: Record<string, unknown>): Parameters<AuditService['record']>[0] | null {
    const path = request.path ?? request.url;
    if (code === 'resource.stale_version') {
      const id = (request.params as Record<string, string> | undefined)?.id;
      return {
        action: 'resource.version_conflict',
        outcome: 'denied',
        entityType: String(params.entity ?? 'unknown'),
        entityId: id ?? null,
        details: { method: request.method, path, currentVersion: params.currentVersion, sentVersion: (request.body as { version?: unknown } | undefined)?.version ?? null },
      };
    }
    if (exception instanceof ThrottlerException && /^\/api\/auth\//.test(path)) {
      return { action: 'auth.throttled', outcome: 'denied', details: { method: request.method, path, reason: 'request_rate' } };
    }
    return null;
  }
}
