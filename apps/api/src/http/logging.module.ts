import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@aqtalu/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';

const acceptableRequestId = /^[A-Za-z0-9._-]{8,128}$/;

/** JSON logs, one line per request, with a request id that is also sent back in `X-Request-Id`. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (request: IncomingMessage, response: ServerResponse) => {
              const given = request.headers['x-request-id'];
              const id = typeof given === 'string' && acceptableRequestId.test(given) ? given : randomUUID();
              response.setHeader('X-Request-Id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (request) => request.url === '/api/health' || request.url === '/api/metrics' },
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
          },
        }),
      ],
    };
  }
}
