import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@aqtalu/server';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { PublicSiteModule } from './public-site.module.js';

/**
 * The public site as a process of its own: the Book of Memory, online applications, contributions, certificate
 * checks and the open data, server-rendered, with no sign-in and no route of the back office. It connects to the
 * same database and Redis as the API (the schema is the API's to migrate: the site never migrates).
 */
export async function createPublicSite(config: AppConfig): Promise<NestExpressApplication> {
  // forms are urlencoded or multipart (multer, per route); nothing here reads JSON
  const app = await NestFactory.create<NestExpressApplication>(PublicSiteModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      // the pages carry their own CSS inline and no script at all
      contentSecurityPolicy: { directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'script-src': ["'none'"], 'form-action': ["'self'"] } },
    }),
  );
  app.useBodyParser('urlencoded', { extended: false, limit: '64kb', parameterLimit: 50 });
  app.enableShutdownHooks();
  return app;
}
