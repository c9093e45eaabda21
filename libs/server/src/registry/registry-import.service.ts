import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, renderCode, type Coded, type SessionUser } from '@aqtalu/contracts';
import { normaliseName, parseUncertainDate } from '@aqtalu/domain';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { sqlRows } from '../database/sql.js';
import { CodedException } from '../errors/coded.exception.js';
import { detectScript } from './registry.service.js';

/** Which CSV column holds what. A full name, or surname (+ given name, patronymic), is required. */
export interface ImportMapping {
  fullName?: string;
  surname?: string;
  givenName?: string;
  patronymic?: string;
  birthYear?: string;
  birthplace?: string;
  /** A column of stable person ids: such a row adds to that person instead of creating one. */
  personId?: string;
}

export interface ImportRow {
  line: number;
  fullName: string;
  birthYear: string | null;
  birthplace: string | null;
  personRef: string | null;
}

/** Why a row cannot be imported, as a code of the catalogue. */
export type ImportRowProblem = Coded<'import.row_full_name_empty' | 'import.row_surname_empty' | 'import.row_birth_year_unreadable' | 'import.row_person_id_invalid'>;

export interface ImportReport {
  totalRows: number;
  validRows: number;
  /** `reason` is English; `code` and `params` say the same for a screen in any language. */
  errors: Array<{ line: number; reason: string } & ImportRowProblem>;
}

/** The file formats of archival lists. */
export type ImportFormat = 'csv' | 'xlsx';

/** The format of an uploaded list, from its name (or, failing that, its declared type); null when it is neither. */
export function importFormatOf(fileName: string, mimetype = ''): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx') || mimetype === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  if (name.endsWith('.csv') || name.endsWith('.txt') || mimetype === 'text/csv') return 'csv';
  return null;
}

interface SourceRecord {
  record: Record<string, string>;
  line: number;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxReportedErrors = 1000;

/**
 * Bulk import of archival lists: a streamed read with a column mapping, a dry run that names every bad
 * row by line, then COPY into a staging table and a resumable apply in the worker.
 */
@Injectable()
export class RegistryImportService {
  private readonly logger = new Logger(RegistryImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** Reads and checks every row; nothing is written. */
  async validate(path: string, mapping: ImportMapping, onRow?: (row: ImportRow) => void, format: ImportFormat = 'csv'): Promise<ImportReport> {
    if (!mapping.fullName && !mapping.surname) throw new CodedException(HttpStatus.BAD_REQUEST, 'import.mapping_name_missing');
    const report: ImportReport = { totalRows: 0, validRows: 0, errors: [] };
    let headerChecked = false;
    for await (const record of this.records(path, format)) {
      if (!headerChecked) {
        const missing = Object.entries(mapping).filter(([, column]) => column && !(column in record.record)).map(([field, column]) => `${field} → "${column}"`);
        if (missing.length) throw new CodedException(HttpStatus.BAD_REQUEST, 'import.columns_missing', { missing, columns: Object.keys(record.record) });
        headerChecked = true;
      }
      report.totalRows += 1;
      const line = record.line;
      const problem = this.rowProblem(record.record, mapping);
      if (problem) {
        if (report.errors.length < maxReportedErrors) report.errors.push({ line, reason: renderCode(problem.code, problem.params as never), ...problem });
        continue;
      }
      report.validRows += 1;
      onRow?.(this.toRow(record.record, mapping, line));
    }
    return report;
  }

  /**
   * Imports a checked file: refuses one with bad rows (fix them and import again), then streams it a
   * second time into the staging table with COPY, computing each row's search keys on the way, and
   * leaves the rest to the worker. The file is never held in memory.
   */
  async load(user: SessionUser, path: string, fileName: string, source: string, mapping: ImportMapping, format: ImportFormat = importFormatOf(fileName) ?? 'csv'): Promise<{ importId: string; report: ImportReport }> {
    const report = await this.validate(path, mapping, undefined, format);
    if (report.errors.length > 0) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'import.rows_invalid', { count: report.errors.length }, { report });
    }
    const importId = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query(
        `INSERT INTO registry_imports (file_name, source, mapping, status, total_rows, created_by) VALUES ($1, $2, $3, 'loaded', $4, $5) RETURNING id`,
        [fileName, source, JSON.stringify(mapping), report.validRows, user.id],
      );
      const client = (await (manager.queryRunner as unknown as { connect(): Promise<PoolClient> }).connect()) as PoolClient;
      await this.copyRows(client, created.id as string, path, mapping, format);
      await this.outbox.enqueue(manager, JobName.ApplyRegistryImport, { importId: created.id });
      await this.audit.record({ action: 'registry_import.load', entityType: 'registry_import', entityId: created.id, details: { fileName, source, rows: report.validRows } }, manager);
      return created.id as string;
    });
    return { importId, report };
  }

  /** Streams the file's rows, with their keys, into the staging table through COPY. */
  async copyRows(client: PoolClient, importId: string, path: string, mapping: ImportMapping, format: ImportFormat = 'csv'): Promise<void> {
    const copy = client.query(
      copyFrom(`COPY registry_import_rows (import_id, line, full_name, birth_year, birthplace, person_ref, new_person_id, script, skeleton, phonetic_tokens, initials) FROM STDIN WITH (FORMAT csv)`),
    );
    const field = (value: string | number | null) => (value === null ? '' : `"${String(value).replace(/"/g, '""')}"`);
    const arrayLiteral = (items: string[]) => `{${items.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
    const toRow = (record: Record<string, string>, line: number) => this.toRow(record, mapping, line);
    await pipeline(
      this.records(path, format),
      async function* (records: AsyncIterable<SourceRecord>) {
        for await (const { record, line } of records) {
          const row = toRow(record, line);
          const keys = normaliseName(row.fullName); // once per row: it is most of the load's time
          const phonetic = keys.parts.filter((part) => !part.initial).map((part) => part.phonetic);
          yield `${[importId, row.line, row.fullName, row.birthYear, row.birthplace, row.personRef, randomUUID(), detectScript(row.fullName), keys.skeleton, arrayLiteral(phonetic), keys.initials.slice(0, 64)].map(field).join(',')}\n`;
        }
      },
      copy,
    );
  }

  /**
   * Applies pending rows a batch at a time with set-based SQL, each batch in one transaction that also
   * marks its rows done, so an interrupted import resumes where it stopped and never creates a person twice.
   */
  async apply(importId: string, options: { batchSize?: number; maxBatches?: number } = {}): Promise<{ applied: number; done: boolean }> {
    const batchSize = options.batchSize ?? 5000;
    const [imported] = await this.dataSource.query(`SELECT source FROM registry_imports WHERE id = $1`, [importId]);
    if (!imported) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'import', id: importId });
    await this.dataSource.query(`UPDATE registry_imports SET status = 'running' WHERE id = $1 AND status = 'loaded'`, [importId]);
    let applied = 0;
    for (let batch = 0; options.maxBatches === undefined || batch < options.maxBatches; batch += 1) {
      const count = await this.dataSource.transaction(async (manager) => {
        const lines: number[] = (
          await manager.query(
            `SELECT line FROM registry_import_rows WHERE import_id = $1 AND person_id IS NULL ORDER BY line LIMIT $2 FOR UPDATE SKIP LOCKED`,
            [importId, batchSize],
          )
        ).map((row: { line: number }) => row.line);
        if (lines.length === 0) return 0;
        // the person each row goes to: the one its stable id names, if it exists, else its new one
        await manager.query(
          `UPDATE registry_import_rows r SET person_id = coalesce((SELECT p.id FROM persons p WHERE p.id = r.person_ref), r.new_person_id)
           WHERE r.import_id = $1 AND r.line = ANY($2)`,
          [importId, lines],
        );
        const created = await sqlRows<{ id: string }>(
          manager,
          `INSERT INTO persons (id, name_kk, name_ru, birth_year, birthplace)
           SELECT r.new_person_id, CASE WHEN r.script = 'ru-cyrl' THEN NULL ELSE r.full_name END,
                  CASE WHEN r.script = 'ru-cyrl' THEN r.full_name ELSE NULL END, r.birth_year, r.birthplace
           FROM registry_import_rows r WHERE r.import_id = $1 AND r.line = ANY($2) AND r.person_id = r.new_person_id
           RETURNING id`,
          [importId, lines],
        );
        // the new spellings, findable at once: their words join the vocabulary, their word pairs the pair index
        await manager.query(
          `WITH spelled AS (
             INSERT INTO person_name_variants (person_id, recorded_for_id, full_name, script, source, skeleton, phonetic_tokens, initials)
             SELECT r.person_id, r.person_id, r.full_name, r.script, $3 || ', line ' || r.line, r.skeleton, r.phonetic_tokens, r.initials
             FROM registry_import_rows r WHERE r.import_id = $1 AND r.line = ANY($2)
             RETURNING id, skeleton),
           words AS (INSERT INTO name_words (word) SELECT DISTINCT unnest(string_to_array(skeleton, ' ')) FROM spelled ON CONFLICT DO NOTHING)
           INSERT INTO name_word_pairs (pair, variant_id, skeleton) SELECT unnest(name_word_pairs(skeleton)), id, skeleton FROM spelled`,
          [importId, lines, imported.source],
        );
        const updated = await sqlRows<{ id: string }>(
          manager,
          `UPDATE persons p SET birth_year = coalesce(p.birth_year, r.birth_year), birthplace = coalesce(p.birthplace, r.birthplace),
             duplicates_checked_at = NULL, version = p.version + 1, updated_at = now()
           FROM registry_import_rows r WHERE r.import_id = $1 AND r.line = ANY($2) AND r.person_id <> r.new_person_id AND p.id = r.person_id
           RETURNING p.id`,
          [importId, lines],
        );
        await manager.query(`UPDATE registry_imports SET created_persons = created_persons + $2, updated_persons = updated_persons + $3 WHERE id = $1`, [
          importId, created.length, updated.length,
        ]);
        return lines.length;
      });
      applied += count;
      if (count < batchSize) {
        await this.dataSource.transaction(async (manager) => {
          await manager.query(`UPDATE registry_imports SET status = 'done', finished_at = now() WHERE id = $1 AND status <> 'done'`, [importId]);
          // new persons are matched against the registry: proposals for a person to review, never blind merges
          await this.outbox.enqueue(manager, JobName.DetectDuplicates, {});
        });
        // a bulk load leaves fresh statistics and a visibility map behind, so searches read the pair index only
        // (what autovacuum would do some minutes later). The import is done either way: a failure here is
        // logged, not retried. The database role must own the table, or PostgreSQL skips it with a warning.
        await this.dataSource.query('VACUUM (ANALYZE) name_word_pairs').catch((error: Error) => this.logger.warn(`VACUUM after import ${importId}: ${error.message}`));
        await this.dataSource.query('ANALYZE name_words, person_name_variants, persons').catch((error: Error) => this.logger.warn(`ANALYZE after import ${importId}: ${error.message}`));
        return { applied, done: true };
      }
    }
    return { applied, done: false };
  }

  async progress(importId: string) {
    const [row] = uuid.test(importId)
      ? await this.dataSource.query(
          `SELECT i.id, i.file_name AS "fileName", i.source, i.status, i.total_rows AS "totalRows", i.created_persons AS "createdPersons",
                  i.updated_persons AS "updatedPersons", i.created_at AS "createdAt", i.finished_at AS "finishedAt",
                  (SELECT count(*)::int FROM registry_import_rows r WHERE r.import_id = i.id AND r.person_id IS NOT NULL) AS "appliedRows"
           FROM registry_imports i WHERE i.id = $1`,
          [importId],
        )
      : [];
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'import', id: importId });
    return row;
  }

  /**
   * The rows of a list as column → text, with the line (CSV) or row number (XLSX) a person sees in their
   * editor. Both are streamed: a CSV through csv-parse, an XLSX through exceljs's WorkbookReader (its first
   * worksheet; the header is the first row). A file that cannot be read is the caller's problem (400).
   */
  private async *records(path: string, format: ImportFormat): AsyncGenerator<SourceRecord> {
    try {
      if (format === 'csv') {
        const parser = createReadStream(path).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true }));
        for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) yield { record, line: info.lines };
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

  private rowProblem(record: Record<string, string>, mapping: ImportMapping): ImportRowProblem | null {
    const value = (column?: string) => (column ? (record[column] ?? '').trim() : '');
    if (mapping.fullName ? !value(mapping.fullName) : !value(mapping.surname)) {
      return mapping.fullName
        ? { code: 'import.row_full_name_empty', params: { column: mapping.fullName } }
        : { code: 'import.row_surname_empty', params: { column: mapping.surname ?? '' } };
    }
    const birthYear = value(mapping.birthYear);
    if (birthYear) {
      const parsed = parseUncertainDate(birthYear);
      if (!parsed.ok) return { code: 'import.row_birth_year_unreadable', params: { value: birthYear, message: parsed.error.message } };
    }
    const personId = value(mapping.personId);
    if (personId && !uuid.test(personId)) return { code: 'import.row_person_id_invalid', params: { value: personId } };
    return null;
  }

  private toRow(record: Record<string, string>, mapping: ImportMapping, line: number): ImportRow {
    const value = (column?: string) => (column ? (record[column] ?? '').trim() : '');
    const fullName = mapping.fullName
      ? value(mapping.fullName)
      : [value(mapping.surname), value(mapping.givenName), value(mapping.patronymic)].filter(Boolean).join(' ');
    return { line, fullName, birthYear: value(mapping.birthYear) || null, birthplace: value(mapping.birthplace) || null, personRef: value(mapping.personId) || null };
  }
}

/** A worksheet cell as the text a person sees: numbers as written, dates as YYYY-MM-DD, rich text and formula results as their text. */
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
