import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { writeExport } from './export-writer.js';
import type { ExportColumn, ExportFormat } from './spreadsheet-cell.js';

/** A list's rows as one SQL statement (built by the list's own service, with the caller's scope in it). */
export interface ExportQuery {
  sql: string;
  params: unknown[];
}

export interface ExportRequest {
  /** The list exported (`cases`, `archive-requests`, …): the audit entry and the sheet's name. */
  resource: string;
  format: ExportFormat;
  columns: readonly ExportColumn[];
  /** The validated filters, recorded in the audit entry. */
  filter: Record<string, unknown>;
  /** The rows: a database query streamed through a cursor, or rows already at hand (a short list). */
  source: ExportQuery | AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>;
  /** Label–value lines written above an XLSX table (e.g. the filters of a statistics table). */
  preamble?: ReadonlyArray<readonly [string, string]>;
}

/** Rows fetched from the cursor per round trip: small enough to bound memory, large enough to be fast. */
const batchSize = 500;

/**
 * Streams a list to the caller: a database cursor → CSV or XLSX writer → the response, with back-pressure,
 * so an export of a million rows holds a few hundred rows in memory. No page size applies. One audit entry
 * per export, with the row count, written when the stream ends (or is cut off).
 */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async stream(request: ExportRequest, out: Writable): Promise<number> {
    let rows = 0;
    let completed = false;
    try {
      if (isQuery(request.source)) {
        const runner = this.dataSource.createQueryRunner('master');
        const client = (await runner.connect()) as pg.PoolClient;
        try {
          const cursor = client.query(new QueryStream(request.source.sql, request.source.params, { batchSize }));
          try {
            rows = await writeExport(request.format, request.columns, cursor as AsyncIterable<Record<string, unknown>>, out, { sheetName: request.resource, preamble: request.preamble });
          } finally {
            cursor.destroy();
          }
        } finally {
          await runner.release();
        }
      } else {
        rows = await writeExport(request.format, request.columns, toAsync(request.source), out, { sheetName: request.resource, preamble: request.preamble });
      }
      if (!out.writableFinished && !out.destroyed) await Promise.race([once(out, 'finish'), once(out, 'close')]);
      // finished, not cut off by the client
      completed = out.writableFinished;
    } finally {
      await this.audit.record({ action: 'export', entityType: request.resource, details: { format: request.format, filter: request.filter, rows, completed } });
    }
    return rows;
  }
}

function isQuery(source: ExportRequest['source']): source is ExportQuery {
  return typeof (source as ExportQuery).sql === 'string';
}

async function* toAsync(rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>): AsyncIterable<Record<string, unknown>> {
  yield* rows;
}
