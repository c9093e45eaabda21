import type { Code, CodeParams } from '@aqtalu/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { randomUUID } from 'node:crypto';
import { writeProblem } from './problem-details.filter.js';

/**
 * Input edges met before any route runs (registered with `app.use` in bootstrap.ts, so ahead of Nest's routing):
 * the request id, `Cache-Control: no-store` on the API, the media type of a body, and JSON with a size and a
 * depth limit. Every refusal here is problem+json with a code and the request id, like any other error.
 */

/** JSON bodies: larger answers 413, deeper answers 400 before it is parsed (a DTO nests 3 levels at most). */
export const jsonBodyLimits = { maxBytes: 1024 * 1024, maxDepth: 32 } as const;

/** Routes that take a multipart upload (FileInterceptor); every other body must be JSON. */
const multipartRoutes: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: 'POST', path: /^\/api\/cases\/[^/]+\/evidence\/?$/ },
  { method: 'POST', path: /^\/api\/registry\/imports(\/preview)?\/?$/ },
  { method: 'POST', path: /^\/api\/group-cases\/import\/?$/ },
  { method: 'POST', path: /^\/api\/inventory\/import\/?$/ },
  { method: 'POST', path: /^\/api\/public\/persons\/[^/]+\/contributions\/?$/ },
  { method: 'POST', path: /^\/api\/public\/applications(\/[^/]+\/documents)?\/?$/ },
];

/** Routes that carry no personal data and may be cached (the probes and the API's documentation). */
const cacheableApiPaths = /^\/api\/(health|metrics|docs)(\/|$)/;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type IdentifiedRequest = Request & { clientRequestId?: string };

/**
 * The request id is always the server's own (a UUID, sent back in `X-Request-Id`): it is what the audit log and the
 * logs record. A client's `X-Request-Id` is kept, in `clientRequestId`, only when it is a UUID, so a caller can
 * neither choose the id of an audit entry nor smuggle text into it.
 */
export function requestIds(): RequestHandler {
  return (request: IdentifiedRequest, response: Response, next: NextFunction) => {
    request.id = randomUUID();
    const given = request.headers['x-request-id'];
    if (typeof given === 'string' && uuid.test(given)) request.clientRequestId = given.toLowerCase();
    response.setHeader('X-Request-Id', request.id);
    next();
  };
}

/** Every API answer may carry personal data: no cache, shared or private, keeps it (the probes and docs excepted). */
export function noStoreOnApi(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.path.startsWith('/api/') && !cacheableApiPaths.test(request.path)) response.setHeader('Cache-Control', 'no-store');
    next();
  };
}

/** Routes that answer a stored or generated file (evidence, its thumbnail, certificates, protocols). */
const fileRoutes = [
  /^\/api\/evidence\/[^/]+\/(download|thumbnail)\/?$/,
  /^\/api\/certificates\/[^/]+\/pdf\/?$/,
  /^\/api\/commission\/sessions\/[^/]+\/protocol\.pdf\/?$/,
];

/**
 * A file is never rendered as a page of ours: a CSP sandbox (no script, no same origin, nothing loaded), no type
 * sniffing, no cache; the controllers name it as an attachment. Registered after helmet, whose CSP it replaces.
 */
export function fileDownloadHeaders(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method === 'GET' && fileRoutes.some((route) => route.test(request.path))) {
      response.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader('Cache-Control', 'no-store');
      if (!/\/thumbnail\/?$/.test(request.path)) response.setHeader('Content-Disposition', 'attachment');
    }
    next();
  };
}

function hasBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}

/** The media type of the body without its parameters, lower-cased; '' when none is declared. */
export function mediaTypeOf(request: Request): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** 415 for a body the route cannot take: JSON everywhere, multipart only where files are uploaded. */
export function supportedMediaTypes(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (!request.path.startsWith('/api/') || !hasBody(request)) return next();
    const type = mediaTypeOf(request);
    const uploads = multipartRoutes.some((route) => route.method === request.method && route.path.test(request.path));
    const supported = uploads ? ['multipart/form-data', 'application/json'] : ['application/json'];
    if (supported.includes(type)) return next();
    refuse(request, response, 415, 'http.unsupported_media_type', { contentType: type || '(none)', supported });
  };
}

/** The deepest nesting of objects and arrays in a JSON text, counted without parsing it; stops past `limit`. */
export function jsonNestingExceeds(text: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let index = 0; index < text.length; index++) {
    const byte = text[index]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === 0x5c) escaped = true;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > limit) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    }
  }
  return false;
}

class TooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
}

/**
 * Express's JSON parser with the size limit and the depth check (a body nested thousands of levels deep is
 * refused before JSON.parse and class-transformer recurse through it); its refusals become problem+json.
 */
export function jsonBody(limits: { maxBytes: number; maxDepth: number } = jsonBodyLimits): RequestHandler {
  const parse = express.json({
    limit: limits.maxBytes,
    type: 'application/json',
    verify: (_request, _response, buffer) => {
      if (jsonNestingExceeds(buffer, limits.maxDepth)) throw new TooDeepError('too deep');
    },
  });
  return (request: Request, response: Response, next: NextFunction) => {
    parse(request, response, (error?: unknown) => {
      if (!error) return next();
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.deep') return refuse(request, response, 400, 'http.body_too_deep', { maxDepth: limits.maxDepth });
      if (type === 'entity.too.large') return refuse(request, response, 413, 'http.body_too_large', { maxBytes: limits.maxBytes });
      if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
        return refuse(request, response, 415, 'http.unsupported_media_type', { contentType: request.headers['content-type'] ?? '(none)', supported: ['application/json'] });
      }
      if (type === 'entity.parse.failed') return refuse(request, response, 400, 'http.body_malformed', {});
      next(error);
    });
  };
}

function refuse<C extends Code>(request: Request, response: Response, status: number, code: C, params: CodeParams[C]): void {
  // the body was not read: the connection cannot carry another request after this answer
  if (status === 415 || status === 413) response.setHeader('Connection', 'close');
  writeProblem(request, response, { status, code, params: params as Record<string, unknown> });
}
