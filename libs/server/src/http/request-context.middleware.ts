import { Injectable, type NestMiddleware } from '@nestjs/common';
import { requestContext } from '../request-context/request-context.js';
import type { NextFunction, Request, Response } from 'express';

/** Opens the request's context (request id, client address) for the audit log; the guard adds the actor. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: Request & { id?: string | number }, _response: Response, next: NextFunction): void {
    requestContext.run({ requestId: request.id ? String(request.id) : null, ip: request.ip ?? null, actor: null }, next);
  }
}
