import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';

/**
 * A URL as it may be logged: the path and the names of its query parameters, never their values (a filter
 * carries names and identity numbers: `/api/registry/persons?filter=…&range=…`).
 */
export function redactedUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const names = [...new Set([...new URLSearchParams(url.slice(mark + 1)).keys()])];
  return names.length === 0 ? url.slice(0, mark) : `${url.slice(0, mark)}?${names.map((name) => `${encodeURIComponent(name)}=[redacted]`).join('&')}`;
}

interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
  raw?: IncomingMessage & { originalUrl?: string };
}

/** JSON logs, one line per request, under the request id the server gave it (http-hardening.ts: requestIds). */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // requestIds() has run first on every request; this is only a fallback for a request that skipped it
            genReqId: (request: IncomingMessage & { id?: unknown }) => (typeof request.id === 'string' ? request.id : randomUUID()),
            customProps: (request: IncomingMessage & { clientRequestId?: string }) => (request.clientRequestId ? { clientRequestId: request.clientRequestId } : {}),
            serializers: {
              // the path and the names of query parameters; their values (names, identity numbers) never reach the log
              req: (request: SerializedRequest) => ({
                id: request.id,
                method: request.method,
                url: redactedUrl(request.raw?.originalUrl ?? request.url ?? ''),
                headers: request.headers,
                remoteAddress: request.remoteAddress,
                remotePort: request.remotePort,
              }),
            },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers.referer', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (request) => request.url === '/api/health' || request.url === '/api/metrics' || request.url === '/health' },
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
          },
        }),
      ],
    };
  }
}
