import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseAction, CaseStatus, DecisionOutcome, EventRole, JobName, Permission, regionScopedRoles, SubjectBulkAction, type SessionUser } from '@aqtalu/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseAccess } from '../cases/case-access.service.js';
import { CaseRules } from '../cases/case-rules.service.js';
import { CaseRepository } from '../cases/case.repository.js';
import { CaseService, type CaseView, type NewCase } from '../cases/case.service.js';
import { CodedException } from '../errors/coded.exception.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { RegistryImportService, type ImportFormat, type ImportMapping, type ImportRow } from '../registry/registry-import.service.js';
import { RegistryService } from '../registry/registry.service.js';
import { EventService } from './event.service.js';

/** Where the subjects of a group case come from: exactly one of these. */
export interface GroupCaseList {
  /** The participants of an event (of these roles only, when given). */
  eventId?: string;
  roles?: EventRole[];
  /** A selection of the registry search. */
  personIds?: string[];
  /** A finished registry import: the persons its rows went to. */
  importId?: string;
}

export type NewGroupCase = Omit<NewCase, 'subjects'>;

export interface SubjectBulkCommand {
  version: number;
  action: SubjectBulkAction;
  subjectIds: string[];
  /** mark_exception: the outcome this person is to get instead of the case's, and why. */
  outcome?: DecisionOutcome;
  reason?: string;
  /** link: the registry person the (one) subject really is. */
  personId?: string;
}

export interface GroupSubjectView {
  id: string;
  personId: string;
  position: number;
  nameKk: string | null;
  nameRu: string | null;
  birthYear: string | null;
  outcome: string | null;
  exceptionOutcome: string | null;
  exceptionReason: string | null;
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/**
 * Group cases made from a list — an event's participants, a registry selection, a finished import, or an uploaded
 * list whose rows become persons of the registry — with every subject added in one transaction, and bulk
 * actions on the subjects: remove, mark for an exception at the decision, link to the registry person one really is.
 */
@Injectable()
export class GroupCaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseService,
    private readonly repository: CaseRepository,
    private readonly access: CaseAccess,
    private readonly rules: CaseRules,
    private readonly events: EventService,
    private readonly registry: RegistryService,
    private readonly imports: RegistryImportService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async createFromList(user: SessionUser, input: NewGroupCase, list: GroupCaseList): Promise<CaseView> {
    const given = [list.eventId, list.personIds, list.importId].filter((value) => value !== undefined);
    if (given.length !== 1) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.group_source_required');
    const id = await this.dataSource.transaction(async (manager) => {
      let personIds: string[];
      let from: Record<string, unknown>;
      let regionCode = input.regionCode;
      if (list.eventId) {
        personIds = await this.events.personIdsOf(manager, list.eventId, list.roles);
        regionCode ??= (await this.events.get(list.eventId, manager)).places.find((place) => place.regionCode)?.regionCode ?? undefined;
        from = { eventId: list.eventId, roles: list.roles ?? null };
      } else if (list.personIds) {
        personIds = [...new Set(list.personIds)];
        const known: Array<{ id: string }> = await manager.query(`SELECT id FROM persons WHERE id = ANY($1::uuid[])`, [personIds]);
        const missing = personIds.filter((personId) => !known.some((row) => row.id === personId));
        if (missing.length) throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.unknown_person', { field: 'personIds', id: missing[0]! });
        from = { selection: personIds.length };
      } else {
        const [imported] = isUuid(list.importId!) ? await manager.query(`SELECT status FROM registry_imports WHERE id = $1`, [list.importId]) : [];
        if (!imported) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'import', id: list.importId! });
        if (imported.status !== 'done') throw new CodedException(HttpStatus.CONFLICT, 'case.group_import_not_done', { importId: list.importId!, status: imported.status });
        const rows: Array<{ person_id: string }> = await manager.query(
          `SELECT person_id FROM registry_import_rows WHERE import_id = $1 AND person_id IS NOT NULL GROUP BY person_id ORDER BY min(line)`,
          [list.importId],
        );
        personIds = rows.map((row) => row.person_id);
        from = { importId: list.importId };
      }
      return this.insertCase(manager, user, { ...input, regionCode }, personIds, from);
    });
    return this.cases.get(user, id, { audited: false });
  }

  /**
   * A group case from an uploaded list (CSV or XLSX, read by the registry import's reader and checked row by row
   * the same way): every row becomes a new person of the registry under the spelling of the list, and a subject
   * of the case, all in one transaction. A list with bad rows is refused whole, naming each row.
   */
  async createFromFile(user: SessionUser, input: NewGroupCase, file: { path: string; format: ImportFormat; source: string; mapping: ImportMapping }): Promise<CaseView> {
    const rows: ImportRow[] = [];
    const report = await this.imports.validate(file.path, file.mapping, (row) => rows.push(row), file.format);
    if (report.errors.length > 0) throw new CodedException(HttpStatus.BAD_REQUEST, 'import.rows_invalid', { count: report.errors.length }, { report });
    if (rows.length === 0) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.group_empty');
    const id = await this.dataSource.transaction(async (manager) => {
      const personIds: string[] = [];
      for (const row of rows) {
        if (row.personRef) {
          const [known] = await manager.query(`SELECT id FROM persons WHERE id = $1`, [row.personRef]);
          if (known) {
            personIds.push(known.id);
            continue;
          }
        }
        personIds.push(
          await this.registry.createPerson(manager, {
            names: [{ fullName: row.fullName, source: `${file.source}, line ${row.line}` }],
            birthYear: row.birthYear,
            birthplace: row.birthplace,
          }),
        );
      }
      // the new persons are matched against the registry: proposals for a person to review, never blind merges
      await this.outbox.enqueue(manager, JobName.DetectDuplicates, {});
      return this.insertCase(manager, user, input, personIds, { file: file.source, rows: rows.length });
    });
    return this.cases.get(user, id, { audited: false });
  }

  /** The subjects of a case with the exceptions marked for its decision. Audited like the case. */
  async subjects(user: SessionUser, caseId: string): Promise<GroupSubjectView[]> {
    await this.access.require(user, caseId, Permission.CasesRead, undefined, 'case.read_subjects');
    return this.dataSource.query(
      `SELECT s.id, s.person_id AS "personId", s.position, p.name_kk AS "nameKk", p.name_ru AS "nameRu", p.birth_year AS "birthYear", s.outcome,
              s.exception_outcome AS "exceptionOutcome", s.exception_reason AS "exceptionReason"
       FROM case_subjects s JOIN persons p ON p.id = s.person_id WHERE s.case_id = $1 ORDER BY s.position, s.id`,
      [caseId],
    );
  }

  async bulk(user: SessionUser, caseId: string, command: SubjectBulkCommand): Promise<CaseView> {
    await this.access.require(user, caseId, Permission.CasesUpdate);
    const ids = [...new Set(command.subjectIds)];
    await this.dataSource.transaction(async (manager) => {
      const before = await this.repository.lockForWrite(manager, caseId, command.version);
      await this.rules.assert(user, before, CaseAction.Edit, manager);
      const subjects: Array<{ id: string; person_id: string }> = await manager.query(`SELECT id, person_id FROM case_subjects WHERE case_id = $1`, [caseId]);
      const unknown = ids.filter((id) => !subjects.some((subject) => subject.id === id));
      if (unknown.length) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.subjects_unknown', { ids: unknown });
      const details: Record<string, unknown> = { action: command.action, subjectIds: ids };
      switch (command.action) {
        case SubjectBulkAction.Remove:
          if (ids.length >= subjects.length) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.subjects_remove_all');
          details.personIds = subjects.filter((subject) => ids.includes(subject.id)).map((subject) => subject.person_id);
          await manager.query(`DELETE FROM case_subjects WHERE case_id = $1 AND id = ANY($2::uuid[])`, [caseId, ids]);
          break;
        case SubjectBulkAction.MarkException:
          if (!command.outcome || !command.reason?.trim()) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.bulk_fields', { action: command.action, fields: ['outcome', 'reason'] });
          await manager.query(`UPDATE case_subjects SET exception_outcome = $3, exception_reason = $4 WHERE case_id = $1 AND id = ANY($2::uuid[])`, [caseId, ids, command.outcome, command.reason.trim()]);
          Object.assign(details, { outcome: command.outcome, reason: command.reason.trim() });
          break;
        case SubjectBulkAction.UnmarkException:
          await manager.query(`UPDATE case_subjects SET exception_outcome = NULL, exception_reason = NULL WHERE case_id = $1 AND id = ANY($2::uuid[])`, [caseId, ids]);
          break;
        case SubjectBulkAction.Link: {
          if (ids.length !== 1 || !command.personId) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.bulk_fields', { action: command.action, fields: ['subjectIds (one)', 'personId'] });
          const [person] = isUuid(command.personId) ? await manager.query(`SELECT id FROM persons WHERE id = $1`, [command.personId]) : [];
          if (!person || subjects.some((subject) => subject.person_id === command.personId)) {
            throw new CodedException(HttpStatus.BAD_REQUEST, 'case.subject_link_target', { personId: command.personId });
          }
          details.before = subjects.find((subject) => subject.id === ids[0])!.person_id;
          details.personId = command.personId;
          await manager.query(`UPDATE case_subjects SET person_id = $2 WHERE id = $1`, [ids[0], command.personId]);
          break;
        }
      }
      await manager.query(
        `UPDATE cases SET is_group = (SELECT count(*) > 1 FROM case_subjects WHERE case_id = $1), version = version + 1, content_version = content_version + 1,
           updated_at = now() WHERE id = $1`,
        [caseId],
      );
      await this.cases.event(manager, caseId, user.id, 'subjects_bulk', details);
      await this.audit.record({ action: 'case.subjects_bulk', entityType: 'case', entityId: caseId, details }, manager);
    });
    return this.cases.get(user, caseId, { audited: false });
  }

  /** Opens the case and adds every subject with one statement, in the transaction of the caller. */
  private async insertCase(manager: EntityManager, user: SessionUser, input: NewGroupCase, personIds: string[], from: Record<string, unknown>): Promise<string> {
    if (personIds.length === 0) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.group_empty');
    const regionCode = input.regionCode;
    if (!regionCode) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.region_unresolved');
    if (regionScopedRoles.includes(user.role) && user.regionCode !== regionCode) {
      throw new CodedException(HttpStatus.FORBIDDEN, 'case.region_not_yours', { userRegion: user.regionCode ?? '', region: regionCode });
    }
    const [region] = await manager.query(`SELECT id FROM regions WHERE code = $1`, [regionCode]);
    if (!region) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.unknown_code', { field: 'regionCode', value: regionCode });
    const [category] = await manager.query(`SELECT code FROM victim_categories WHERE code = $1`, [input.categoryCode]);
    if (!category) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.unknown_code', { field: 'categoryCode', value: input.categoryCode });
    const number = await this.cases.allocateNumber(manager, region.id, regionCode);
    const a = input.applicant;
    const [created]: Array<{ id: string }> = await manager.query(
      `INSERT INTO cases (number, region_id, category_code, status, summary, is_group, applicant_kind, applicant_name,
         applicant_kinship, applicant_kinship_proof, applicant_email, applicant_phone, applicant_address, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [number, region.id, input.categoryCode, CaseStatus.Draft, input.summary ?? '', personIds.length > 1, a.kind, a.name,
        a.kinship ?? null, a.kinshipProof ?? null, a.email ?? null, a.phone ?? null, a.address ?? null, user.id],
    );
    const caseId = created!.id;
    await manager.query(
      `INSERT INTO case_subjects (case_id, person_id, position) SELECT $1, person_id, (position - 1)::int FROM unnest($2::uuid[]) WITH ORDINALITY AS t(person_id, position)`,
      [caseId, personIds],
    );
    await this.cases.event(manager, caseId, user.id, 'created', { number });
    await this.cases.event(manager, caseId, user.id, 'created_from_list', { ...from, subjects: personIds.length });
    await this.audit.record(
      { action: 'case.create', entityType: 'case', entityId: caseId, before: null, after: { number, regionCode, categoryCode: input.categoryCode, applicant: a.name, subjects: personIds.length, from } },
      manager,
    );
    return caseId;
  }
}
