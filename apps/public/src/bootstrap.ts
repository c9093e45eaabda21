import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@aqtalu/server';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { PublicSiteModule } from './public-site.module.js';

/**
 * The public site as a process of its own: the Book of Memory, online applications, contributions, certificate
 * checks and the open data, server-rendered, with no sign-in and no route of the back office. It connects to the
 * same database and Redis as the API (the schema is the API's to migrate: the site never migrates).
 */
export async function createPublicSite(config: AppConfig): Promise<NestExpressApplication> {
  // no body parser: the forms are GET or multipart (multer, per route with its limits); nothing here reads JSON
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
  // nothing is kept by a browser or a proxy: a withdrawn record leaves at once, a tracking page holds personal data
  // (the open-data files set their own)
  app.use((_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.enableShutdownHooks();
  return app;
}
