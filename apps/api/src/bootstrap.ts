import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createDataSource, DIRECT_DATA_SOURCE, prepareDatabase, type AppConfig } from '@aqtalu/server';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { answerSchemas } from './dtos/responses/api-answer.js';
import { fileDownloadHeaders, jsonBody, noStoreOnApi, requestIds, supportedMediaTypes } from './http/http-hardening.js';
import { publicSiteRedirects } from './http/public-site-redirects.js';
import { mountQueueBoard } from './http/queue-board.js';
import { createValidationPipe } from './http/validation.js';

/** Builds the configured HTTP application: used by main.ts and by the tests, so both run the same thing. */
export async function createApi(config: AppConfig): Promise<NestExpressApplication> {
  if (config.database.migrationUrl) {
    // The schema's owner migrates and grants the application's role (which may not rewrite the audit log)
    // before the application connects as that role.
    const owner = createDataSource({ url: config.database.migrationUrl, applicationName: 'migrations' });
    await owner.initialize();
    try {
      await prepareDatabase(owner, { appUrl: config.databaseUrl });
    } finally {
      await owner.destroy();
    }
  }
  // Nest's own body parsers are off: JSON only, with a size and a depth limit (http/http-hardening.ts); multer reads uploads.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.flushLogs();

  if (!config.database.migrationUrl) {
    // Migrations hold a session-level advisory lock: past PgBouncer when DATABASE_DIRECT_URL is set.
    await prepareDatabase(app.get<DataSource>(DIRECT_DATA_SOURCE));
  }

  app.setGlobalPrefix('api');
  app.set('trust proxy', config.http.trustProxy);
  // Ahead of everything: the server's request id, no caching of API answers, 415 for bodies no route takes, JSON limits.
  app.use(requestIds(), noStoreOnApi(), supportedMediaTypes(), jsonBody());
  // addresses of the public pages before they moved to the public site (printed QR codes, sent e-mails)
  app.use(publicSiteRedirects(config.publicSite.url));
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Swagger UI inlines its styles; everything else is same-origin.
        directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:', 'blob:'], 'frame-src': ["'self'", 'blob:'] },
      },
    }),
  );
  // after helmet, whose page CSP a file's sandbox replaces
  app.use(fileDownloadHeaders());
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({ origin: config.http.corsOrigins, exposedHeaders: ['Content-Range', 'X-Request-Id'] });
  }
  app.useGlobalPipes(createValidationPipe());
  mountQueueBoard(app);
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Aqtalu API')
      .setDescription('Case management of the state commission for the rehabilitation of victims of political repression')
      .setVersion('0.1.0')
      // 3.1: the response schemas generated from libs/contracts are JSON Schema (null is a type)
      .setOpenAPIVersion('3.1.0')
      .addBearerAuth()
      .build(),
  );
  document.components = { ...document.components, schemas: { ...answerSchemas, ...document.components?.schemas } };
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
