import { HttpStatus, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, renderCode, type Coded, type SessionUser } from '@aqtalu/contracts';
import { parseUncertainDate } from '@aqtalu/domain';
import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { sqlRows } from '../database/sql.js';
import { CodedException } from '../errors/coded.exception.js';
import { NameKeysPool } from './name-keys.pool.js';
import type { StoredNameKeys } from './name-keys.worker.js';
import { detectScript } from './registry.service.js';
import { importFormatOf, readTable, type ImportFormat } from './table-reader.js';

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
  /**
   * A column of the source's own ids (an entry number of a book of memory): with the import's `source` it
   * names a person, so a corrected list imported again updates its persons instead of adding them again.
   */
  externalId?: string;
}

export interface ImportRow {
  line: number;
  fullName: string;
  birthYear: string | null;
  birthplace: string | null;
  personRef: string | null;
  externalId: string | null;
}

/** Why a row cannot be imported, as a code of the catalogue. */
export type ImportRowProblem = Coded<
  | 'import.row_full_name_empty'
  | 'import.row_surname_empty'
  | 'import.row_birth_year_unreadable'
  | 'import.row_person_id_invalid'
  | 'import.row_external_id_too_long'
  | 'import.row_external_id_repeated'
>;

export interface ImportReport {
  totalRows: number;
  validRows: number;
  /** `reason` is English; `code` and `params` say the same for a screen in any language. */
  errors: Array<{ line: number; reason: string } & ImportRowProblem>;
}

/**
 * What a dry run says an import would do: rows of persons the registry does not have yet, rows that change a
 * person it has (a source's id whose name, birth year or birthplace differ, or a person id), and rows of the
 * source's persons that are already as listed.
 */
export interface ImportOutcome {
  newRows: number;
  changedRows: number;
  unchangedRows: number;
}

export { importFormatOf, type ImportFormat } from './table-reader.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxReportedErrors = 1000;
const maxExternalIdLength = 200;
/** Rows whose keys one worker thread computes at a time. */
const keyChunk = 2000;
/**
 * Rows applied per transaction: big enough that per-statement costs vanish, small enough to resume cheaply
 * (IMPORT_APPLY_BATCH, like IMPORT_KEY_THREADS, read where the worker starts).
 */
const defaultApplyBatch = Number(process.env.IMPORT_APPLY_BATCH ?? 50_000) || 50_000;

/**
 * Bulk import of archival lists: a streamed read with a column mapping, a dry run that names every bad
 * row by line and says how many rows are new, changed and unchanged, then one pass that checks each row and
 * COPYs it with its search keys (computed in worker threads) into a staging table, and a resumable,
 * set-based apply in the worker.
 */
@Injectable()
export class RegistryImportService implements OnModuleDestroy {
  private readonly logger = new Logger(RegistryImportService.name);
  private readonly keys = new NameKeysPool();
  /** Birth years read so far, with the reason one cannot be read (null when it can). */
  private readonly yearProblems = new Map<string, string | null>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.keys.close();
  }

  /** Reads and checks every row; nothing is written. */
  async validate(path: string, mapping: ImportMapping, onRow?: (row: ImportRow) => void, format: ImportFormat = 'csv'): Promise<ImportReport> {
    const report: ImportReport = { totalRows: 0, validRows: 0, errors: [] };
    for await (const row of this.checkedRows(path, mapping, format, report)) onRow?.(row);
    return report;
  }

  /**
   * The dry run: every bad row, and for a list with the source's own ids how many rows are new, change a
   * person the source listed before, or are unchanged. Nothing is written.
   */
  async dryRun(path: string, source: string, mapping: ImportMapping, format: ImportFormat = 'csv'): Promise<ImportReport & ImportOutcome> {
    const outcome: ImportOutcome = { newRows: 0, changedRows: 0, unchangedRows: 0 };
    let chunk: ImportRow[] = [];
    const classify = async () => {
      const known = new Map<string, { full_name: string; birth_year: string | null; birthplace: string | null }>();
      const ids = chunk.map((row) => row.externalId).filter((id): id is string => id !== null);
      if (ids.length > 0) {
        const rows: Array<{ external_id: string; full_name: string; birth_year: string | null; birthplace: string | null }> = await this.dataSource.query(
          `SELECT external_id, full_name, birth_year, birthplace FROM person_external_ids WHERE source = $1 AND external_id = ANY($2::text[])`,
          [source, ids],
        );
        for (const row of rows) known.set(row.external_id, row);
      }
      const refs = chunk.map((row) => row.personRef).filter((id): id is string => id !== null);
      const existing = new Set<string>(
        refs.length ? (await this.dataSource.query(`SELECT id FROM persons WHERE id = ANY($1::uuid[])`, [refs])).map((row: { id: string }) => row.id) : [],
      );
      for (const row of chunk) {
        const before = row.externalId === null ? undefined : known.get(row.externalId);
        if (row.personRef !== null && existing.has(row.personRef)) outcome.changedRows += 1;
        else if (!before) outcome.newRows += 1;
        else if (before.full_name === row.fullName && before.birth_year === row.birthYear && before.birthplace === row.birthplace) outcome.unchangedRows += 1;
        else outcome.changedRows += 1;
      }
      chunk = [];
    };
    const report: ImportReport = { totalRows: 0, validRows: 0, errors: [] };
    for await (const row of this.checkedRows(path, mapping, format, report)) {
      chunk.push(row);
      if (chunk.length >= 5000) await classify();
    }
    await classify();
    return { ...report, ...outcome };
  }

  /**
   * Imports a list in one pass: each row is checked and, if good, streamed with its keys into the staging
   * table through COPY; a file with any bad row is refused at the end (the transaction is rolled back, so
   * nothing is imported; fix the rows and import again). The rest is the worker's. The file is never held in
   * memory.
   */
  async load(user: SessionUser, path: string, fileName: string, source: string, mapping: ImportMapping, format: ImportFormat = importFormatOf(fileName) ?? 'csv'): Promise<{ importId: string; report: ImportReport }> {
    return this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query(
        `INSERT INTO registry_imports (file_name, source, mapping, status, total_rows, created_by) VALUES ($1, $2, $3, 'loaded', 0, $4) RETURNING id`,
        [fileName, source, JSON.stringify(mapping), user.id],
      );
      const importId = created.id as string;
      const client = (await (manager.queryRunner as unknown as { connect(): Promise<PoolClient> }).connect()) as PoolClient;
      const report = await this.copyRows(client, importId, path, mapping, format);
      if (report.errors.length > 0) {
        throw new CodedException(HttpStatus.BAD_REQUEST, 'import.rows_invalid', { count: report.errors.length }, { report });
      }
      await manager.query(`UPDATE registry_imports SET total_rows = $2 WHERE id = $1`, [importId, report.validRows]);
      await this.outbox.enqueue(manager, JobName.ApplyRegistryImport, { importId });
      await this.audit.record({ action: 'registry_import.load', entityType: 'registry_import', entityId: importId, details: { fileName, source, rows: report.validRows } }, manager);
      return { importId, report };
    });
  }

  /**
   * Checks the file's rows and streams the good ones, with their keys, into the staging table through COPY
   * (csv-stringify writes the CSV). Returns the check's report; the caller refuses the load if it has errors.
   */
  async copyRows(client: PoolClient, importId: string, path: string, mapping: ImportMapping, format: ImportFormat = 'csv'): Promise<ImportReport> {
    const report: ImportReport = { totalRows: 0, validRows: 0, errors: [] };
    const copy = client.query(
      copyFrom(
        `COPY registry_import_rows (import_id, line, full_name, birth_year, birthplace, person_ref, external_id, new_person_id, person_id, script, skeleton, phonetic_tokens, initials)
         FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL (full_name, skeleton, initials))`,
      ),
    );
    const keys = this.keys;
    const rows = this.checkedRows(path, mapping, format, report);
    await pipeline(
      async function* () {
        // chunks of names go to the worker threads; several are in flight, and come back in file order
        const inFlight: Array<Promise<[ImportRow[], StoredNameKeys[]]>> = [];
        let chunk: ImportRow[] = [];
        const send = () => {
          const sent = chunk;
          const keyed = keys.keys(sent.map((row) => row.fullName)).then((computed) => [sent, computed] as [ImportRow[], StoredNameKeys[]]);
          keyed.catch(() => undefined); // awaited below, in order
          inFlight.push(keyed);
          chunk = [];
        };
        for await (const row of rows) {
          chunk.push(row);
          if (chunk.length < keyChunk) continue;
          send();
          if (inFlight.length >= keys.depth) yield* stagingRecords(importId, ...(await inFlight.shift()!));
        }
        if (chunk.length > 0) send();
        while (inFlight.length > 0) yield* stagingRecords(importId, ...(await inFlight.shift()!));
      },
      stringify(),
      copy,
    );
    return report;
  }

  /**
   * Applies pending rows a batch at a time with set-based SQL (INSERT … SELECT from the staging table), each
   * batch in one transaction that also moves the import's watermark past its rows, so an interrupted import
   * resumes where it stopped and never creates a person twice. A row goes to the person its person id names,
   * else to the person the source's id named before (updated if the source changed its name, birth year or
   * birthplace), else to a new person.
   */
  async apply(importId: string, options: { batchSize?: number; maxBatches?: number } = {}): Promise<{ applied: number; done: boolean }> {
    const batchSize = options.batchSize ?? defaultApplyBatch;
    const [imported] = uuid.test(importId) ? await this.dataSource.query(`SELECT source FROM registry_imports WHERE id = $1`, [importId]) : [];
    if (!imported) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'import', id: importId });
    await this.dataSource.query(`UPDATE registry_imports SET status = 'running' WHERE id = $1 AND status = 'loaded'`, [importId]);
    let applied = 0;
    for (let batch = 0; options.maxBatches === undefined || batch < options.maxBatches; batch += 1) {
      const count = await this.dataSource.transaction((manager) => this.applyBatch(manager, importId, imported.source as string, batchSize));
      applied += count;
      if (count < batchSize) {
        await this.dataSource.transaction(async (manager) => {
          await manager.query(`UPDATE registry_imports SET status = 'done', finished_at = now() WHERE id = $1 AND status <> 'done'`, [importId]);
          // new persons are matched against the registry: proposals for a person to review, never blind merges
          await this.outbox.enqueue(manager, JobName.DetectDuplicates, {});
        });
        // a bulk load leaves fresh statistics and a visibility map behind, so searches read the pair index only
        // and the initial-key index only (what autovacuum would do some minutes later). The import is done either way: a failure here is
        // logged, not retried. The database role must own the table, or PostgreSQL skips it with a warning.
        await this.dataSource.query('VACUUM (ANALYZE) name_word_pairs, name_initial_keys').catch((error: Error) => this.logger.warn(`VACUUM after import ${importId}: ${error.message}`));
        await this.dataSource.query('ANALYZE name_words, person_name_variants, persons').catch((error: Error) => this.logger.warn(`ANALYZE after import ${importId}: ${error.message}`));
        return { applied, done: true };
      }
    }
    return { applied, done: false };
  }

  /** One batch: the rows after the watermark, up to `batchSize` of them. Returns how many rows it applied. */
  private async applyBatch(manager: EntityManager, importId: string, source: string, batchSize: number): Promise<number> {
    // one applier at a time per import: a second worker waits here, then finds the watermark moved
    const [{ applied_line: from }] = await manager.query(`SELECT applied_line FROM registry_imports WHERE id = $1 FOR UPDATE`, [importId]);
    const [{ to, rows }] = await manager.query(
      `SELECT max(line) AS to, count(*)::int AS rows FROM (SELECT line FROM registry_import_rows WHERE import_id = $1 AND line > $2 ORDER BY line LIMIT $3) s`,
      [importId, from, batchSize],
    );
    if (rows === 0) return 0;
    const range = [importId, from, to] as const;
    const inBatch = `r.import_id = $1 AND r.line > $2 AND r.line <= $3`;
    // rows that name a person the registry has: by person id, else by the source's own id (a merged person's survivor)
    const matched = await sqlRows<{ line: number }>(
      manager,
      `UPDATE registry_import_rows t SET person_id = m.person_id
       FROM (SELECT r.line, coalesce(pr.id, px.merged_into_id, px.id) AS person_id
             FROM registry_import_rows r
             LEFT JOIN persons pr ON pr.id = r.person_ref
             LEFT JOIN person_external_ids x ON x.source = $4 AND x.external_id = r.external_id
             LEFT JOIN persons px ON px.id = x.person_id
             WHERE ${inBatch} AND (r.person_ref IS NOT NULL OR r.external_id IS NOT NULL)) m
       WHERE t.import_id = $1 AND t.line = m.line AND m.person_id IS NOT NULL
       RETURNING t.line`,
      [...range, source],
    );
    // new persons with their spellings, made findable at once: words join the vocabulary, word pairs the pair index
    const [{ created }] = await manager.query(
      `WITH batch AS MATERIALIZED (SELECT * FROM registry_import_rows r WHERE ${inBatch} AND r.person_id = r.new_person_id),
       people AS (
         INSERT INTO persons (id, name_kk, name_ru, birth_year, birthplace)
         SELECT new_person_id, CASE WHEN script = 'ru-cyrl' THEN NULL ELSE full_name END, CASE WHEN script = 'ru-cyrl' THEN full_name ELSE NULL END, birth_year, birthplace
         FROM batch RETURNING id),
       spelled AS (
         INSERT INTO person_name_variants (person_id, recorded_for_id, full_name, script, source, skeleton, phonetic_tokens, initials)
         SELECT new_person_id, new_person_id, full_name, script, $4 || ', line ' || line, skeleton, phonetic_tokens, initials FROM batch
         RETURNING id, person_id, skeleton),
       known AS (
         INSERT INTO person_external_ids (source, external_id, person_id, variant_id, full_name, birth_year, birthplace, import_id)
         SELECT $4, b.external_id, b.new_person_id, s.id, b.full_name, b.birth_year, b.birthplace, $1
         FROM batch b JOIN spelled s ON s.person_id = b.new_person_id WHERE b.external_id IS NOT NULL),
       words AS (INSERT INTO name_words (word) SELECT DISTINCT unnest(string_to_array(skeleton, ' ')) FROM spelled ON CONFLICT DO NOTHING),
       pairs AS (INSERT INTO name_word_pairs (pair, variant_id, skeleton) SELECT unnest(name_word_pairs(skeleton)), id, skeleton FROM spelled)
       SELECT count(*)::int AS created FROM people`,
      [...range, source],
    );
    const { updated, unchanged } = matched.length > 0 ? await this.applyMatched(manager, importId, source, from, to) : { updated: 0, unchanged: 0 };
    await manager.query(
      `UPDATE registry_imports SET applied_line = $2, created_persons = created_persons + $3, updated_persons = updated_persons + $4, unchanged_rows = unchanged_rows + $5 WHERE id = $1`,
      [importId, to, created, updated, unchanged],
    );
    return rows as number;
  }

  /**
   * Rows that go to a person the registry has. A person id adds the row's spelling to that person (and fills a
   * birth year or birthplace it lacks). The source's own id, listed before: unchanged rows are counted; a
   * changed row corrects the spelling that source gave, and the birth year and birthplace where the person
   * still has the values that source gave (a person's own correction is kept).
   */
  private async applyMatched(manager: EntityManager, importId: string, source: string, from: number, to: number): Promise<{ updated: number; unchanged: number }> {
    await manager.query(
      `CREATE TEMP TABLE import_matched ON COMMIT DROP AS
       SELECT r.line, r.full_name, r.birth_year, r.birthplace, r.script, r.skeleton, r.phonetic_tokens, r.initials, r.external_id,
              r.person_id, x.variant_id, x.full_name AS old_name, x.birth_year AS old_year, x.birthplace AS old_place,
              CASE WHEN x.external_id IS NULL THEN 'added'
                   WHEN (x.full_name, x.birth_year, x.birthplace) IS NOT DISTINCT FROM (r.full_name, r.birth_year, r.birthplace) THEN 'unchanged'
                   ELSE 'changed' END AS outcome
       FROM registry_import_rows r LEFT JOIN person_external_ids x ON x.source = $4 AND x.external_id = r.external_id
       WHERE r.import_id = $1 AND r.line > $2 AND r.line <= $3 AND r.person_id <> r.new_person_id`,
      [importId, from, to, source],
    );
    // a spelling the source corrected is corrected in place (or added again if a person removed it)
    await manager.query(
      `DELETE FROM name_word_pairs WHERE variant_id IN (SELECT variant_id FROM import_matched WHERE outcome = 'changed' AND full_name IS DISTINCT FROM old_name)`,
    );
    await manager.query(
      `UPDATE person_name_variants v SET full_name = m.full_name, script = m.script, skeleton = m.skeleton, phonetic_tokens = m.phonetic_tokens, initials = m.initials,
         source = $1 || ', line ' || m.line
       FROM import_matched m WHERE m.outcome = 'changed' AND m.full_name IS DISTINCT FROM m.old_name AND v.id = m.variant_id`,
      [source],
    );
    await manager.query(
      `WITH spelled AS (
         INSERT INTO person_name_variants (person_id, recorded_for_id, full_name, script, source, skeleton, phonetic_tokens, initials)
         SELECT m.person_id, m.person_id, m.full_name, m.script, $1 || ', line ' || m.line, m.skeleton, m.phonetic_tokens, m.initials
         FROM import_matched m
         WHERE m.outcome = 'added' OR (m.outcome = 'changed' AND NOT EXISTS (SELECT 1 FROM person_name_variants v WHERE v.id = m.variant_id))
         RETURNING id, person_id, skeleton),
       linked AS (
         UPDATE import_matched m SET variant_id = s.id FROM spelled s WHERE s.person_id = m.person_id AND m.external_id IS NOT NULL RETURNING m.line),
       corrected AS (
         SELECT v.id, v.skeleton FROM person_name_variants v JOIN import_matched m ON v.id = m.variant_id
         WHERE m.outcome = 'changed' AND m.full_name IS DISTINCT FROM m.old_name),
       indexed AS (SELECT id, skeleton FROM spelled UNION ALL SELECT id, skeleton FROM corrected),
       words AS (INSERT INTO name_words (word) SELECT DISTINCT unnest(string_to_array(skeleton, ' ')) FROM indexed ON CONFLICT DO NOTHING)
       INSERT INTO name_word_pairs (pair, variant_id, skeleton) SELECT unnest(name_word_pairs(skeleton)), id, skeleton FROM indexed ON CONFLICT DO NOTHING`,
      [source],
    );
    const updated = await sqlRows<{ id: string }>(
      manager,
      `UPDATE persons p SET
         birth_year = CASE WHEN m.outcome = 'added' THEN coalesce(p.birth_year, m.birth_year)
                           WHEN p.birth_year IS NOT DISTINCT FROM m.old_year OR p.birth_year IS NULL THEN m.birth_year ELSE p.birth_year END,
         birthplace = CASE WHEN m.outcome = 'added' THEN coalesce(p.birthplace, m.birthplace)
                           WHEN p.birthplace IS NOT DISTINCT FROM m.old_place OR p.birthplace IS NULL THEN m.birthplace ELSE p.birthplace END,
         -- the person's shown name, when it is the spelling the source corrected, follows the correction
         name_kk = CASE WHEN m.outcome <> 'changed' OR m.old_name NOT IN (coalesce(p.name_kk, ''), coalesce(p.name_ru, '')) THEN p.name_kk
                        WHEN m.script <> 'ru-cyrl' THEN m.full_name WHEN p.name_kk = m.old_name THEN NULL ELSE p.name_kk END,
         name_ru = CASE WHEN m.outcome <> 'changed' OR m.old_name NOT IN (coalesce(p.name_kk, ''), coalesce(p.name_ru, '')) THEN p.name_ru
                        WHEN m.script = 'ru-cyrl' THEN m.full_name WHEN p.name_ru = m.old_name THEN NULL ELSE p.name_ru END,
         duplicates_checked_at = NULL, version = p.version + 1, updated_at = now()
       FROM (SELECT DISTINCT ON (person_id) * FROM import_matched WHERE outcome <> 'unchanged' ORDER BY person_id, line DESC) m
       WHERE p.id = m.person_id
       RETURNING p.id`,
    );
    await manager.query(
      `INSERT INTO person_external_ids (source, external_id, person_id, variant_id, full_name, birth_year, birthplace, import_id)
       SELECT DISTINCT ON (external_id) $1, external_id, person_id, variant_id, full_name, birth_year, birthplace, $2
       FROM import_matched WHERE external_id IS NOT NULL AND outcome <> 'unchanged' ORDER BY external_id, line DESC
       ON CONFLICT (source, external_id) DO UPDATE SET variant_id = excluded.variant_id, full_name = excluded.full_name, birth_year = excluded.birth_year,
         birthplace = excluded.birthplace, import_id = excluded.import_id, updated_at = now()`,
      [source, importId],
    );
    const [{ unchanged }] = await manager.query(`SELECT count(*)::int AS unchanged FROM import_matched WHERE outcome = 'unchanged'`);
    return { updated: updated.length, unchanged };
  }

  async progress(importId: string) {
    const [row] = uuid.test(importId)
      ? await this.dataSource.query(
          `SELECT i.id, i.file_name AS "fileName", i.source, i.status, i.total_rows AS "totalRows", i.created_persons AS "createdPersons",
                  i.updated_persons AS "updatedPersons", i.unchanged_rows AS "unchangedRows", i.created_at AS "createdAt", i.finished_at AS "finishedAt",
                  (SELECT count(*)::int FROM registry_import_rows r WHERE r.import_id = i.id AND r.line <= i.applied_line) AS "appliedRows"
           FROM registry_imports i WHERE i.id = $1`,
          [importId],
        )
      : [];
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'import', id: importId });
    return row;
  }

  /**
   * The good rows of a file, in order; every bad row goes into the report (the first 1000 with their line and
   * reason), as does the count of all and of good rows. A mapping naming no name column, or columns the file
   * lacks, is refused before any row.
   */
  private async *checkedRows(path: string, mapping: ImportMapping, format: ImportFormat, report: ImportReport): AsyncGenerator<ImportRow> {
    if (!mapping.fullName && !mapping.surname) throw new CodedException(HttpStatus.BAD_REQUEST, 'import.mapping_name_missing');
    let headerChecked = false;
    // the source's ids seen so far: one person per id in a list
    const externalIds = new Map<string, number>();
    for await (const record of readTable(path, format)) {
      if (!headerChecked) {
        const missing = Object.entries(mapping).filter(([, column]) => column && !(column in record.record)).map(([field, column]) => `${field} → "${column}"`);
        if (missing.length) throw new CodedException(HttpStatus.BAD_REQUEST, 'import.columns_missing', { missing, columns: Object.keys(record.record) });
        headerChecked = true;
      }
      report.totalRows += 1;
      const line = record.line;
      let problem = this.rowProblem(record.record, mapping);
      const row = problem ? null : this.toRow(record.record, mapping, line);
      if (row?.externalId) {
        const first = externalIds.get(row.externalId);
        if (first !== undefined) problem = { code: 'import.row_external_id_repeated', params: { value: row.externalId, line: first } };
        else externalIds.set(row.externalId, line);
      }
      if (problem || !row) {
        if (problem && report.errors.length < maxReportedErrors) report.errors.push({ line, reason: renderCode(problem.code, problem.params as never), ...problem });
        continue;
      }
      report.validRows += 1;
      yield row;
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
      // a list repeats a few hundred years: each is read once
      let message = this.yearProblems.get(birthYear);
      if (message === undefined) {
        const parsed = parseUncertainDate(birthYear);
        message = parsed.ok ? null : parsed.error.message;
        if (this.yearProblems.size > 10_000) this.yearProblems.clear();
        this.yearProblems.set(birthYear, message);
      }
      if (message !== null) return { code: 'import.row_birth_year_unreadable', params: { value: birthYear, message } };
    }
    const personId = value(mapping.personId);
    if (personId && !uuid.test(personId)) return { code: 'import.row_person_id_invalid', params: { value: personId } };
    const externalId = value(mapping.externalId);
    if (externalId.length > maxExternalIdLength) return { code: 'import.row_external_id_too_long', params: { length: externalId.length, max: maxExternalIdLength } };
    return null;
  }

  private toRow(record: Record<string, string>, mapping: ImportMapping, line: number): ImportRow {
    const value = (column?: string) => (column ? (record[column] ?? '').trim() : '');
    const fullName = mapping.fullName
      ? value(mapping.fullName)
      : [value(mapping.surname), value(mapping.givenName), value(mapping.patronymic)].filter(Boolean).join(' ');
    return {
      line, fullName, birthYear: value(mapping.birthYear) || null, birthplace: value(mapping.birthplace) || null,
      personRef: value(mapping.personId) || null, externalId: value(mapping.externalId) || null,
    };
  }
}

/** Staging rows as COPY reads them: the row, its new person's id, its script and search keys. */
function* stagingRecords(importId: string, rows: ImportRow[], keys: StoredNameKeys[]): Generator<unknown[]> {
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const person = randomUUID();
    yield [importId, row.line, row.fullName, row.birthYear, row.birthplace, row.personRef, row.externalId, person, person, detectScript(row.fullName), ...keys[i]!];
  }
}

