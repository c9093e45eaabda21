import { HttpException, HttpStatus } from '@nestjs/common';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { CodedException } from '../errors/coded.exception.js';
import { csvToUtf8, readCsvDialect, type CsvDialect } from './csv-dialect.js';

/** The file formats of uploaded lists (registry import, inventory import, group-case list). */
export type ImportFormat = 'csv' | 'xlsx';

/** The format of an uploaded list, from its name (or, failing that, its declared type); null when it is neither. */
export function importFormatOf(fileName: string, mimetype = ''): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx') || mimetype === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  if (name.endsWith('.csv') || name.endsWith('.txt') || name.endsWith('.tsv') || mimetype === 'text/csv' || mimetype === 'text/tab-separated-values') return 'csv';
  return null;
}

/** One row of a list: column → text, and the line (CSV) or row number (XLSX) a person sees in their editor. */
export interface TableRecord {
  record: Record<string, string>;
  line: number;
}

/**
 * The rows of a list, streamed: the one reader of every upload of lists. A CSV's encoding (UTF-8 with or
 * without a byte-order mark, windows-1251, UTF-16LE) and separator (`,` `;` tab `|`) are detected from its first
 * 64 KiB (csv-dialect.ts), the text decoded and read by csv-parse; an XLSX is read by exceljs's WorkbookReader
 * (its first worksheet; the header is the first row). A file that cannot be read is a 400 `import.file_unreadable`.
 */
export async function* readTable(path: string, format: ImportFormat): AsyncGenerator<TableRecord> {
  try {
    if (format === 'csv') {
      const dialect = await readCsvDialect(path);
      // the line from on_record's context: cheaper than `info`, which builds an object per record
      const parser = createReadStream(path)
        .pipe(csvToUtf8(dialect.encoding))
        .pipe(
          parse({
            columns: true,
            delimiter: dialect.delimiter,
            skip_empty_lines: true,
            trim: true,
            relax_column_count: true,
            on_record: (record: Record<string, string>, context) => ({ record, line: context.lines }),
          }),
        );
      yield* parser as AsyncIterable<TableRecord>;
      return;
    }
    // styles are read (they are small) because only they tell a date cell from a number
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
    let sheets = 0;
    for await (const worksheet of workbook) {
      // only the first worksheet is the list; the others are left unread
      if ((sheets += 1) > 1) continue;
      let header: string[] | null = null;
      for await (const row of worksheet) {
        const cells = (Array.isArray(row.values) ? row.values.slice(1) : []).map(cellText);
        if (!header) {
          header = cells;
          continue;
        }
        if (cells.every((cell) => cell === '')) continue;
        const record: Record<string, string> = {};
        header.forEach((column, index) => {
          if (column) record[column] = cells[index] ?? '';
        });
        yield { record, line: row.number };
      }
    }
  } catch (error) {
    if (error instanceof HttpException) throw error;
    throw new CodedException(HttpStatus.BAD_REQUEST, 'import.file_unreadable', { format: format.toUpperCase(), message: error instanceof Error ? error.message : String(error) });
  }
}

/** What a person needs to map a list's columns: its header, its first rows and, for a CSV, the dialect read. */
export interface TablePreview {
  format: ImportFormat;
  dialect: CsvDialect | null;
  header: string[];
  rows: string[][];
}

/**
 * The header and the first `rows` rows of a list, read as an import reads it. A CSV may be only the file's
 * first bytes (a browser sends a slice): rows after the last whole one are not read.
 */
export async function previewTable(path: string, format: ImportFormat, rows = 5): Promise<TablePreview> {
  const dialect = format === 'csv' ? await readCsvDialect(path) : null;
  let header: string[] = [];
  const lines: string[][] = [];
  try {
    for await (const { record } of readTable(path, format)) {
      if (header.length === 0) header = Object.keys(record);
      lines.push(header.map((column) => record[column] ?? ''));
      if (lines.length >= rows) break;
    }
  } catch (error) {
    // a slice cut inside a quoted cell: the rows before it are the preview
    if (lines.length === 0) throw error;
  }
  if (header.length === 0 && format === 'csv') header = await csvHeader(path, dialect!);
  return { format, dialect, header, rows: lines };
}

/** The header of a CSV file with no rows under it. */
async function csvHeader(path: string, dialect: CsvDialect): Promise<string[]> {
  const parser = createReadStream(path).pipe(csvToUtf8(dialect.encoding)).pipe(parse({ delimiter: dialect.delimiter, to_line: 1, trim: true, relax_column_count: true }));
  for await (const row of parser as AsyncIterable<string[]>) return row.filter((cell) => cell !== '');
  return [];
}

/** The text of an exceljs cell: dates as YYYY-MM-DD, rich text joined, a formula's result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (cell.richText) return cell.richText.map((part) => part.text).join('').trim();
    if ('result' in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    return '';
  }
  return String(value).trim();
}
