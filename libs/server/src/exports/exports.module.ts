import { Module } from '@nestjs/common';
import { ExportService } from './export.service.js';

/** Streamed CSV/XLSX exports of the lists. */
@Module({ providers: [ExportService], exports: [ExportService] })
export class ExportsModule {}
