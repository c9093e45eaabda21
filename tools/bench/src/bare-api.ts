import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * The API benchmark's baseline: a bare NestJS route on the same Nest and Express versions, in a process of
 * its own like the API. `node bare-api.js <port>`; nothing but one small JSON answer.
 */
@Controller('bare')
class BareController {
  @Get()
  get(): { ok: true; service: string; at: string } {
    return { ok: true, service: 'bare', at: new Date().toISOString() };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

const port = Number(process.argv[2] ?? 0);
const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: ['error'] });
await app.listen(port, '127.0.0.1');
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
