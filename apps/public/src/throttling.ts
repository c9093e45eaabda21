import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { rm } from 'node:fs/promises';
import type { Observable } from 'rxjs';

/** The site's one throttler (requests per address, counted in Redis); each route sets its own limit under this name. */
export const publicThrottler = 'public';

/** Removes multer's temporary files once the response is done, whatever the outcome (the services copy what they keep). */
@Injectable()
export class RemoveUploadsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    http.getResponse<Response>().once('close', () => {
      const files = [...(Array.isArray(request.files) ? request.files : []), ...(request.file ? [request.file] : [])];
      for (const file of files) void rm(file.path, { force: true });
    });
    return next.handle();
  }
}
