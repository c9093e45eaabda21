import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { safeCell, type ExportColumn, type ExportFormat } from './spreadsheet-cell.js';

/** Waits while `out` holds more than its buffer: rows are read from the database only as fast as the client takes them. */
async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain && !out.destroyed) await Promise.race([once(out, 'drain'), once(out, 'close')]);
}

/**
 * Writes rows as CSV (UTF-8 with a BOM, so Excel reads Cyrillic) or XLSX (exceljs's streaming writer, no shared
 * strings) to `out`, one row at a time: nothing holds the whole file. Answers how many rows were written.
 * `preamble` lines (e.g. the filters) go above the header of an XLSX sheet; CSV stays a plain table.
 */
export async function writeExport(
  format: ExportFormat,
  columns: readonly ExportColumn[],
  rows: AsyncIterable<Record<string, unknown>>,
  out: Writable,
  options: { sheetName?: string; preamble?: ReadonlyArray<readonly [string, string]> } = {},
): Promise<number> {
  let count = 0;
  if (format === 'csv') {
    const csv = stringify({ header: true, columns: columns.map((column) => ({ key: column.key, header: column.header })), bom: true });
    csv.pipe(out);
    for await (const row of rows) {
      const cells: Record<string, unknown> = {};
      for (const column of columns) cells[column.key] = safeCell(row[column.key]);
      if (!csv.write(cells)) await Promise.race([once(csv, 'drain'), once(out, 'close')]);
      if (out.destroyed) break;
      count += 1;
    }
    csv.end();
    await Promise.race([once(out, 'finish'), once(out, 'close')]);
    return count;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName ?? 'export');
  for (const [label, value] of options.preamble ?? []) sheet.addRow([safeCell(label), safeCell(value)]).commit();
  if (options.preamble?.length) sheet.addRow([]).commit();
  sheet.addRow(columns.map((column) => column.header)).commit();
  for await (const row of rows) {
    sheet.addRow(columns.map((column) => safeCell(row[column.key]))).commit();
    count += 1;
    if (out.destroyed) break;
    await drained(out);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
