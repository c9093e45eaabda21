import { Controller, Get, HttpStatus, Param, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { CodedException, OpenDataService, publicOpenDataPath } from '@aqtalu/server';
import type { Response } from 'express';
import { publicThrottler } from '../throttling.js';

/**
 * The open data of the Book of Memory (rebuilt nightly by the worker): book-of-memory.csv, book-of-memory.json,
 * book-of-memory.schema.json and SHA256SUMS under CC BY 4.0, and the regional books in PDF. 404 before the first build.
 */
@Controller(publicOpenDataPath)
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @UseGuards(ThrottlerGuard)
  @Throttle({ [publicThrottler]: { limit: 60, ttl: 60_000 } })
  @Get(':file')
  async file(@Param('file') name: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const file = await this.openData.open(name);
    if (!file) throw new CodedException(HttpStatus.NOT_FOUND, 'http.not_found', { path: `${publicOpenDataPath}/${name.slice(0, 100)}` });
    response.setHeader('Content-Type', file.type);
    response.setHeader('Content-Disposition', `inline; filename="${name}"`);
    response.setHeader('Cache-Control', 'public, max-age=3600');
    return new StreamableFile(file.stream, { length: file.bytes });
  }
}
