import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  archiveScopedRoles,
  DeclassificationStatus,
  Permission,
  renderCode,
  type Coded,
  type InventoryEntryView,
  type InventoryImportReport,
  type SessionUser,
} from '@aqtalu/contracts';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseAccess } from '../cases/case-access.service.js';
import { StaleVersionException } from '../database/stale-version.exception.js';
import { CodedException } from '../errors/coded.exception.js';
import { readTable, type ImportFormat } from '../registry/table-reader.js';

export interface InventoryEntryInput {
  fond: string;
  opis: string;
  delo: string;
  title?: string;
  years?: string | null;
  status: DeclassificationStatus;
  /** YYYY-MM-DD */
  declassifiedOn?: string | null;
  note?: string | null;
}

/** Which column of an inventory list holds what; fond, opis and delo are required. */
export interface InventoryMapping {
  fond?: string;
  opis?: string;
  delo?: string;
  title?: string;
  years?: string;
  status?: string;
  declassifiedOn?: string;
}

export const inventorySortColumns = { id: 'e.id', reference: 'e.fond', updatedAt: 'e.updated_at', status: 'e.status' } as const;

export interface InventoryListPage {
  sort: keyof typeof inventorySortColumns;
  order: 'ASC' | 'DESC';
  offset: number;
  limit: number;
  filter: { ids?: string[]; archiveCode?: string; fond?: string; opis?: string; status?: DeclassificationStatus; q?: string; personId?: string };
}

type RowProblem = Coded<'inventory.row_field_empty' | 'inventory.row_status' | 'inventory.row_date'>;

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
/** Natural order of fond / opis / delo numbers («2» before «10», «141а» after «141»). */
const naturalOrder = (column: string) => `(substring(${column} from '^[0-9]+'))::int NULLS LAST, ${column}`;

const entryColumns = `e.id, a.code AS "archiveCode", e.fond, e.opis, e.delo, 'ф. ' || e.fond || ', оп. ' || e.opis || ', д. ' || e.delo AS reference, e.title,
  e.years_text AS years, e.status, e.declassified_on::text AS "declassifiedOn", e.note,
  (SELECT count(*)::int FROM archive_inventory_mentions m WHERE m.entry_id = e.id) AS mentions, e.updated_at AS "updatedAt", e.version`;

/**
 * Archive inventories: per archive, fonds → opisi → files with their declassification, kept by the archive's
 * liaisons (the secretary for any archive), imported from CSV/XLSX lists; the registry persons a file mentions; and
 * archive requests that cite a file of the inventory. Every write is audited.
 */
@Injectable()
export class InventoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async list(page: InventoryListPage): Promise<{ rows: InventoryEntryView[]; total: number }> {
    const params: unknown[] = [];
    const where = ['true'];
    const add = (sql: (p: string) => string, value: unknown) => where.push(sql(`$${params.push(value)}`));
    const f = page.filter;
    if (f.ids) add((p) => `e.id = ANY(${p}::uuid[])`, f.ids);
    if (f.archiveCode) add((p) => `a.code = ${p}`, f.archiveCode);
    if (f.fond) add((p) => `e.fond = ${p}`, f.fond);
    if (f.opis) add((p) => `e.opis = ${p}`, f.opis);
    if (f.status) add((p) => `e.status = ${p}`, f.status);
    if (f.personId) add((p) => `EXISTS (SELECT 1 FROM archive_inventory_mentions fm WHERE fm.entry_id = e.id AND fm.person_id = ${p})`, f.personId);
    if (f.q) add((p) => `(e.title ILIKE ${p} OR e.note ILIKE ${p})`, `%${f.q.replace(/[%_\\]/g, '\\$&')}%`);
    const direction = page.order === 'DESC' ? 'DESC' : 'ASC';
    const order = page.sort === 'reference'
      ? `a.code ${direction}, ${naturalOrder('e.fond')}, ${naturalOrder('e.opis')}, ${naturalOrder('e.delo')}`
      : `${inventorySortColumns[page.sort]} ${direction}`;
    const rows: Array<InventoryEntryView & { total: number }> = await this.dataSource.query(
      `SELECT ${entryColumns}, count(*) OVER ()::int AS total FROM archive_inventory_entries e JOIN archives a ON a.id = e.archive_id
       WHERE ${where.join(' AND ')} ORDER BY ${order}, e.id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    let total = rows[0]?.total;
    if (total === undefined) {
      [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM archive_inventory_entries e JOIN archives a ON a.id = e.archive_id WHERE ${where.join(' AND ')}`, params);
    }
    return { rows: rows.map(({ total: _total, ...row }) => row), total: total! };
  }

  async get(id: string, manager: EntityManager | DataSource = this.dataSource): Promise<InventoryEntryView> {
    const [row] = isUuid(id)
      ? await manager.query(`SELECT ${entryColumns} FROM archive_inventory_entries e JOIN archives a ON a.id = e.archive_id WHERE e.id = $1`, [id])
      : [];
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'inventory_entry', id });
    return row;
  }

  async create(user: SessionUser, archiveCode: string, input: InventoryEntryInput): Promise<InventoryEntryView> {
    const archive = await this.archiveFor(user, archiveCode);
    this.checkDate(input.declassifiedOn);
    let id: string;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        const [created] = await manager.query(
          `INSERT INTO archive_inventory_entries (archive_id, fond, opis, delo, title, years_text, status, declassified_on, note, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [archive.id, input.fond.trim(), input.opis.trim(), input.delo.trim(), input.title?.trim() ?? '', input.years?.trim() || null, input.status,
            input.declassifiedOn || null, input.note?.trim() || null, user.id],
        );
        await this.audit.record({ action: 'inventory.create', entityType: 'inventory_entry', entityId: created.id, before: null, after: { archiveCode, ...input } }, manager);
        return created.id as string;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'uq_archive_inventory_entries_file') {
        throw new CodedException(HttpStatus.CONFLICT, 'inventory.entry_exists', { reference: `ф. ${input.fond}, оп. ${input.opis}, д. ${input.delo}` });
      }
      throw error;
    }
    return this.get(id);
  }

  async update(user: SessionUser, id: string, version: number, changes: Partial<Omit<InventoryEntryInput, 'fond' | 'opis' | 'delo'>>): Promise<InventoryEntryView> {
    const before = await this.get(id);
    await this.archiveFor(user, before.archiveCode);
    this.checkDate(changes.declassifiedOn);
    await this.dataSource.transaction(async (manager) => {
      const [locked] = await manager.query(`SELECT version FROM archive_inventory_entries WHERE id = $1 FOR UPDATE`, [id]);
      if (locked.version !== version) throw new StaleVersionException({ entity: 'inventory_entry', currentVersion: locked.version });
      const next = {
        title: changes.title ?? before.title,
        years: changes.years === undefined ? before.years : changes.years?.trim() || null,
        status: changes.status ?? before.status,
        declassifiedOn: changes.declassifiedOn === undefined ? before.declassifiedOn : changes.declassifiedOn || null,
        note: changes.note === undefined ? before.note : changes.note?.trim() || null,
      };
      await manager.query(
        `UPDATE archive_inventory_entries SET title = $2, years_text = $3, status = $4, declassified_on = $5, note = $6, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, next.title, next.years, next.status, next.declassifiedOn, next.note],
      );
      await this.audit.record(
        { action: 'inventory.update', entityType: 'inventory_entry', entityId: id, before: { title: before.title, years: before.years, status: before.status, declassifiedOn: before.declassifiedOn, note: before.note }, after: next },
        manager,
      );
    });
    return this.get(id);
  }

  /**
   * Imports an inventory list (CSV, or the first worksheet of an XLSX, with a header row): every row checked
   * first, a list with bad rows refused whole naming each, then every file added or updated (by fond, opis and
   * delo) in one transaction.
   */
  async importFile(user: SessionUser, archiveCode: string, file: { path: string; format: ImportFormat; mapping: InventoryMapping }): Promise<InventoryImportReport> {
    const archive = await this.archiveFor(user, archiveCode);
    const missing = (['fond', 'opis', 'delo'] as const).filter((field) => !file.mapping[field]);
    if (missing.length) throw new CodedException(HttpStatus.BAD_REQUEST, 'inventory.mapping_missing', { fields: missing });
    const rows: Array<InventoryEntryInput & { line: number }> = [];
    const errors: Array<{ line: number; reason: string } & RowProblem> = [];
    for await (const { record, line } of readTable(file.path, file.format)) {
      const value = (field: keyof InventoryMapping) => (file.mapping[field] ? (record[file.mapping[field]!] ?? '').trim() : '');
      const problem = rowProblem(line, value, file.mapping);
      if (problem) {
        errors.push({ line, reason: renderCode(problem.code, problem.params as never), ...problem });
        continue;
      }
      rows.push({
        line, fond: value('fond'), opis: value('opis'), delo: value('delo'), title: value('title'), years: value('years') || null,
        status: (value('status') || DeclassificationStatus.Unknown) as DeclassificationStatus, declassifiedOn: value('declassifiedOn') || null,
      });
    }
    if (errors.length) throw new CodedException(HttpStatus.BAD_REQUEST, 'import.rows_invalid', { count: errors.length }, { report: { totalRows: rows.length + errors.length, errors } });
    return this.dataSource.transaction(async (manager) => {
      const written: Array<{ created: boolean }> = await manager.query(
        `INSERT INTO archive_inventory_entries (archive_id, fond, opis, delo, title, years_text, status, declassified_on, created_by)
         SELECT $1, fond, opis, delo, title, years, status, declassified::date, $2
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS t(fond, opis, delo, title, years, status, declassified)
         ON CONFLICT (archive_id, fond, opis, delo) DO UPDATE SET title = EXCLUDED.title, years_text = EXCLUDED.years_text, status = EXCLUDED.status,
           declassified_on = EXCLUDED.declassified_on, version = archive_inventory_entries.version + 1, updated_at = now()
         RETURNING (xmax = 0) AS created`,
        [archive.id, user.id, rows.map((r) => r.fond), rows.map((r) => r.opis), rows.map((r) => r.delo), rows.map((r) => r.title ?? ''),
          rows.map((r) => r.years ?? null), rows.map((r) => r.status), rows.map((r) => r.declassifiedOn ?? null)],
      );
      const report = { totalRows: rows.length, created: written.filter((row) => row.created).length, updated: written.filter((row) => !row.created).length };
      await this.audit.record({ action: 'inventory.import', entityType: 'archive', entityId: archive.id, details: { archiveCode, ...report } }, manager);
      return report;
    });
  }

  /** Records that a file names a registry person (on these sheets). */
  async addMention(user: SessionUser, entryId: string, personId: string, sheets?: string): Promise<InventoryEntryView> {
    await this.get(entryId);
    const [person] = isUuid(personId) ? await this.dataSource.query(`SELECT id FROM persons WHERE id = $1`, [personId]) : [];
    if (!person) throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.unknown_person', { field: 'personId', id: personId });
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO archive_inventory_mentions (entry_id, person_id, sheets, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (entry_id, person_id) DO UPDATE SET sheets = EXCLUDED.sheets`,
        [entryId, personId, sheets?.trim() || null, user.id],
      );
      await this.audit.record({ action: 'inventory.add_mention', entityType: 'inventory_entry', entityId: entryId, details: { personId, sheets: sheets ?? null } }, manager);
    });
    return this.get(entryId);
  }

  /** The files of every archive's inventory that mention the person. Audited. */
  async filesOf(personId: string): Promise<Array<InventoryEntryView & { sheets: string | null }>> {
    const [person] = isUuid(personId) ? await this.dataSource.query(`SELECT id FROM persons WHERE id = $1`, [personId]) : [];
    if (!person) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'person', id: personId });
    const rows = await this.dataSource.query(
      `SELECT ${entryColumns}, m.sheets FROM archive_inventory_mentions m JOIN archive_inventory_entries e ON e.id = m.entry_id JOIN archives a ON a.id = e.archive_id
       WHERE m.person_id = $1 ORDER BY a.code, ${naturalOrder('e.fond')}, ${naturalOrder('e.opis')}, ${naturalOrder('e.delo')}`,
      [personId],
    );
    await this.audit.record({ action: 'person.read_files', entityType: 'person', entityId: personId, details: { returned: rows.length } });
    return rows;
  }

  /** An archive request cites a file of the inventory of the archive it is addressed to. */
  async cite(user: SessionUser, requestId: string, entryId: string): Promise<{ id: string; inventoryEntry: InventoryEntryView }> {
    const [request] = isUuid(requestId)
      ? await this.dataSource.query(`SELECT ar.id, ar.case_id, ar.archive_id, a.code FROM archive_requests ar JOIN archives a ON a.id = ar.archive_id WHERE ar.id = $1`, [requestId])
      : [];
    if (!request) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'archive_request', id: requestId });
    // who may ask the archive on the case may say which file is asked for
    await this.access.require(user, request.case_id, Permission.ArchiveRequestsCreate);
    const entry = await this.get(entryId);
    if (entry.archiveCode !== request.code) throw new CodedException(HttpStatus.BAD_REQUEST, 'inventory.entry_other_archive', { reference: entry.reference, archive: entry.archiveCode });
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE archive_requests SET inventory_entry_id = $2, version = version + 1, updated_at = now() WHERE id = $1`, [requestId, entryId]);
      await this.audit.record({ action: 'archive_request.cite_inventory', entityType: 'archive_request', entityId: requestId, details: { inventoryEntryId: entryId, reference: entry.reference } }, manager);
    });
    return { id: requestId, inventoryEntry: entry };
  }

  /** The archive, if the user keeps its inventory: a liaison their own archive, the secretary any. */
  private async archiveFor(user: SessionUser, archiveCode: string): Promise<{ id: string; code: string }> {
    const [archive] = await this.dataSource.query(`SELECT id, code FROM archives WHERE code = $1`, [archiveCode]);
    if (!archive) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.unknown_code', { field: 'archiveCode', value: archiveCode });
    if (archiveScopedRoles.includes(user.role) && user.archiveCode !== archiveCode) {
      throw new CodedException(HttpStatus.FORBIDDEN, 'inventory.archive_not_yours', { userArchive: user.archiveCode ?? '', archive: archiveCode });
    }
    return archive;
  }

  private checkDate(value: string | null | undefined): void {
    if (value && !isDate(value)) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.date', { field: 'declassifiedOn', reason: 'invalid-date', message: `${value} is not YYYY-MM-DD` });
  }
}

function rowProblem(line: number, value: (field: keyof InventoryMapping) => string, mapping: InventoryMapping): RowProblem | null {
  for (const field of ['fond', 'opis', 'delo'] as const) {
    if (!value(field)) return { code: 'inventory.row_field_empty', params: { line, column: mapping[field]! } };
  }
  const status = value('status');
  const statuses = Object.values(DeclassificationStatus) as string[];
  if (status && !statuses.includes(status)) return { code: 'inventory.row_status', params: { line, value: status, values: statuses } };
  const date = value('declassifiedOn');
  if (date && !isDate(date)) return { code: 'inventory.row_date', params: { line, value: date } };
  return null;
}
