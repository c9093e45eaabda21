import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { rm } from 'node:fs/promises';
import type { Observable } from 'rxjs';

/**
 * Removes multer's temporary files (one `file` or many `files`) once the response is done, whatever the outcome
 * (also on a 400): the services copy what they keep into the file store.
 */
@Injectable()
export class RemoveUploadsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { file?: { path: string }; files?: unknown }>();
    http.getResponse<Response>().once('close', () => {
      const files: Array<{ path: string }> = [...(Array.isArray(request.files) ? (request.files as Array<{ path: string }>) : []), ...(request.file ? [request.file] : [])];
      for (const file of files) void rm(file.path, { force: true });
    });
    return next.handle();
  }
}
