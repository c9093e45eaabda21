import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicantKind, CaseAction, CaseStatus, Permission, regionScopedRoles, type SessionUser } from '@aqtalu/contracts';
import { formatCaseNumber } from '@aqtalu/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { sqlRows } from '../database/sql.js';
import { CodedException } from '../errors/coded.exception.js';
import { RegistryService } from '../registry/registry.service.js';
import { CaseAccess } from './case-access.service.js';
import { CaseRules } from './case-rules.service.js';
import { CaseRepository, type CaseListPage, type CaseRow } from './case.repository.js';
import { actorOf } from './case-scope.js';

export interface SubjectInput {
  /** An existing person of the registry … */
  personId?: string;
  /** … or a new one. */
  nameKk?: string;
  nameRu?: string;
  birthYear?: string;
  birthplace?: string;
  /** A new subject's birthplace in the historical gazetteer. */
  birthplacePlaceId?: string;
}

export interface NewCase {
  /** Where the case is worked; when left out, today's region of the first subject whose birthplace the gazetteer knows. */
  regionCode?: string;
  categoryCode: string;
  summary?: string;
  applicant: { kind: ApplicantKind; name: string; kinship?: string; kinshipProof?: string; email?: string; phone?: string; address?: string };
  subjects: SubjectInput[];
}

export interface CaseChanges {
  version: number;
  /** Moves the case to another region's working group: the old region's group loses it, the new one gains it. */
  regionCode?: string;
  summary?: string;
  categoryCode?: string;
  applicant?: Partial<NewCase['applicant']>;
}

/** Cases as records: opening, editing, reading (audited), listing, subjects and history. */
@Injectable()
export class CaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly registry: RegistryService,
    private readonly rules: CaseRules,
  ) {}

  async create(user: SessionUser, input: NewCase): Promise<CaseView> {
    if (input.subjects.length === 0) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.subjects_required');
    const regionCode = input.regionCode ?? (await this.regionOfBirthplaces(input.subjects));
    if (regionScopedRoles.includes(user.role) && user.regionCode !== regionCode) {
      const params = { userRegion: user.regionCode ?? '', region: regionCode };
      throw new CodedException(HttpStatus.FORBIDDEN, input.regionCode ? 'case.region_not_yours' : 'case.region_not_yours_routed', params);
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const [region] = await manager.query(`SELECT id FROM regions WHERE code = $1`, [regionCode]);
      if (!region) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.unknown_code', { field: 'regionCode', value: regionCode });
      const [category] = await manager.query(`SELECT code FROM victim_categories WHERE code = $1`, [input.categoryCode]);
      if (!category) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.unknown_code', { field: 'categoryCode', value: input.categoryCode });
      const number = await this.allocateNumber(manager, region.id, regionCode);
      const a = input.applicant;
      const [created]: Array<{ id: string }> = await manager.query(
        `INSERT INTO cases (number, region_id, category_code, status, summary, is_group, applicant_kind, applicant_name,
           applicant_kinship, applicant_kinship_proof, applicant_email, applicant_phone, applicant_address, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [number, region.id, input.categoryCode, CaseStatus.Draft, input.summary ?? '', input.subjects.length > 1, a.kind, a.name,
          a.kinship ?? null, a.kinshipProof ?? null, a.email ?? null, a.phone ?? null, a.address ?? null, user.id],
      );
      for (const [position, subject] of input.subjects.entries()) await this.addSubjectRow(manager, created!.id, subject, position);
      await this.event(manager, created!.id, user.id, 'created', { number });
      await this.audit.record(
        { action: 'case.create', entityType: 'case', entityId: created!.id, before: null, after: { number, regionCode, routedByBirthplace: !input.regionCode, categoryCode: input.categoryCode, applicant: a.name, subjects: input.subjects.length } },
        manager,
      );
      return created!.id;
    });
    return this.get(user, id, { audited: false });
  }

  /** A case with its subjects. Reading personal data is audited. */
  async get(user: SessionUser, id: string, options: { audited?: boolean } = {}): Promise<CaseView> {
    const row = await this.access.require(user, id, Permission.CasesRead, undefined, options.audited === false ? undefined : 'case.read');
    return this.view(row);
  }

  async list(user: SessionUser, page: CaseListPage) {
    // the search finds subjects' names as the registry does, in any script ("Seifullin" finds «Сейфуллин»)
    if (page.filter.q && !page.filter.nameWords) page = { ...page, filter: { ...page.filter, nameWords: await this.registry.nameWordsOf(page.filter.q) } };
    const result = await this.cases.list(actorOf(user), page);
    await this.audit.record({ action: 'case.list', details: { filter: { ...page.filter, nameWords: undefined }, offset: page.offset, limit: page.limit, returned: result.rows.length } });
    return result;
  }

  /** Counts by status and region within the caller's scope: the dashboard's charts and map. */
  stats(user: SessionUser) {
    return this.cases.stats(actorOf(user));
  }

  /**
   * Edits the file; refuses a stale version; any change voids a signed conclusion (it no longer matches).
   * A new region re-scopes the case: its working group gains it and the old one's loses it (the case keeps
   * its number); the move is audited on its own. The answer is the case as it is now, also to an editor
   * who no longer sees it.
   */
  async update(user: SessionUser, id: string, changes: CaseChanges): Promise<CaseView> {
    await this.access.require(user, id, Permission.CasesUpdate);
    const after = await this.dataSource.transaction(async (manager) => {
      const before = await this.cases.lockForWrite(manager, id, changes.version);
      await this.rules.assert(user, before, CaseAction.Edit, manager);
      if (changes.categoryCode) {
        const [category] = await manager.query(`SELECT code FROM victim_categories WHERE code = $1`, [changes.categoryCode]);
        if (!category) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.unknown_code', { field: 'categoryCode', value: changes.categoryCode });
      }
      let regionId = before.regionId;
      if (changes.regionCode && changes.regionCode !== before.regionCode) {
        const [region] = await sqlRows<{ id: string }>(manager, `SELECT id FROM regions WHERE code = $1`, [changes.regionCode]);
        if (!region) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.unknown_code', { field: 'regionCode', value: changes.regionCode });
        regionId = region.id;
      }
      const a = changes.applicant ?? {};
      await manager.query(
        `UPDATE cases SET summary = $2, category_code = $3, applicant_kind = $4, applicant_name = $5, applicant_kinship = $6,
           applicant_kinship_proof = $7, applicant_email = $8, applicant_phone = $9, applicant_address = $10, region_id = $11,
           version = version + 1, content_version = content_version + 1, updated_at = now() WHERE id = $1`,
        [id, changes.summary ?? before.summary, changes.categoryCode ?? before.categoryCode, a.kind ?? before.applicantKind, a.name ?? before.applicantName,
          a.kinship ?? before.applicantKinship, a.kinshipProof ?? before.applicantKinshipProof, a.email ?? before.applicantEmail,
          a.phone ?? before.applicantPhone, a.address ?? before.applicantAddress, regionId],
      );
      const after = (await this.cases.findAny(id, manager))!;
      await this.event(manager, id, user.id, 'updated', {});
      await this.audit.record({ action: 'case.update', entityType: 'case', entityId: id, before: record(before), after: record(after) }, manager);
      if (after.regionCode !== before.regionCode) {
        await this.event(manager, id, user.id, 'region_changed', { from: before.regionCode, to: after.regionCode });
        await this.audit.record(
          { action: 'case.change_region', entityType: 'case', entityId: id, before: { regionCode: before.regionCode }, after: { regionCode: after.regionCode }, details: { number: after.number } },
          manager,
        );
      }
      return after;
    });
    return this.view(after);
  }

  async addSubject(user: SessionUser, id: string, version: number, subject: SubjectInput): Promise<CaseView> {
    await this.access.require(user, id, Permission.CasesUpdate);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.cases.lockForWrite(manager, id, version);
      await this.rules.assert(user, before, CaseAction.Edit, manager);
      const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM case_subjects WHERE case_id = $1`, [id]);
      const personId = await this.addSubjectRow(manager, id, subject, count);
      await manager.query(`UPDATE cases SET is_group = $2, version = version + 1, content_version = content_version + 1, updated_at = now() WHERE id = $1`, [id, count + 1 > 1]);
      await this.event(manager, id, user.id, 'subject_added', { personId });
      await this.audit.record({ action: 'case.add_subject', entityType: 'case', entityId: id, details: { personId } }, manager);
    });
    return this.get(user, id, { audited: false });
  }

  /**
   * The case's history, oldest first. Each entry's `params` are its data with the names a reader needs joined
   * to its ids when read (the subject's name, the archive's, the session's number, the regions'): all of this
   * case, which the caller may read, or reference data; old entries read the same.
   */
  async timeline(user: SessionUser, id: string): Promise<HistoryEntryView[]> {
    await this.access.require(user, id, Permission.CasesRead, undefined, 'case.read_timeline');
    return this.dataSource.query(
      `SELECT e.id::text AS id, e.occurred_at AS "occurredAt", e.kind, e.data, e.actor_id AS "actorId", u.display_name AS "actorName",
              coalesce(e.data, '{}'::jsonb) || jsonb_strip_nulls(jsonb_build_object(
                'personNameKk', p.name_kk, 'personNameRu', p.name_ru,
                'archiveNameKk', ar.name_kk, 'archiveNameRu', ar.name_ru, 'archiveNameEn', ar.name_en,
                'sessionNumber', s.number, 'sessionDate', to_char(s.session_date, 'YYYY-MM-DD'),
                'fromRegionKk', rf.name_kk, 'fromRegionRu', rf.name_ru, 'fromRegionEn', rf.name_en,
                'toRegionKk', rt.name_kk, 'toRegionRu', rt.name_ru, 'toRegionEn', rt.name_en)) AS params
       FROM case_events e
       LEFT JOIN users u ON u.id = e.actor_id
       LEFT JOIN case_subjects cs ON cs.case_id = e.case_id AND cs.person_id::text = e.data->>'personId'
       LEFT JOIN persons p ON p.id = cs.person_id
       LEFT JOIN archive_requests r ON r.case_id = e.case_id AND r.id::text = e.data->>'archiveRequestId'
       LEFT JOIN archives ar ON ar.id = r.archive_id OR (r.id IS NULL AND ar.code = e.data->>'archiveCode')
       LEFT JOIN commission_sessions s ON s.id::text = e.data->>'sessionId'
       LEFT JOIN regions rf ON e.kind = 'region_changed' AND rf.code = e.data->>'from'
       LEFT JOIN regions rt ON e.kind = 'region_changed' AND rt.code = e.data->>'to'
       WHERE e.case_id = $1 ORDER BY e.id`,
      [id],
    );
  }

  async view(row: CaseRow, manager: EntityManager = this.dataSource.manager): Promise<CaseView> {
    // a row found for its reader brings its subjects along
    const subjects: CaseView['subjects'] = this.cases.subjectsReadWith(row) ?? await manager.query(
      `SELECT s.id, s.person_id AS "personId", p.name_kk AS "nameKk", p.name_ru AS "nameRu", p.birth_year AS "birthYear", s.outcome
       FROM case_subjects s JOIN persons p ON p.id = s.person_id WHERE s.case_id = $1 ORDER BY s.position`,
      [row.id],
    );
    return {
      id: row.id,
      number: row.number,
      regionCode: row.regionCode,
      categoryCode: row.categoryCode,
      status: row.status,
      summary: row.summary,
      isGroup: row.isGroup,
      applicant: {
        kind: row.applicantKind as ApplicantKind,
        name: row.applicantName,
        kinship: row.applicantKinship,
        kinshipProof: row.applicantKinshipProof,
        email: row.applicantEmail,
        phone: row.applicantPhone,
        address: row.applicantAddress,
      },
      parentCaseId: row.parentCaseId,
      subjects,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
    };
  }

  /** Appends to the case's history. */
  async event(manager: EntityManager, caseId: string, actorId: string | null, kind: string, data: Record<string, unknown>): Promise<void> {
    await manager.query(`INSERT INTO case_events (case_id, actor_id, kind, data) VALUES ($1, $2, $3, $4)`, [caseId, actorId, kind, data]);
  }

  /**
   * Routing by the gazetteer: today's region of the first subject whose birthplace is a known place that lies
   * in one region. A case with no such subject needs its region named.
   */
  private async regionOfBirthplaces(subjects: SubjectInput[]): Promise<string> {
    for (const subject of subjects) {
      const placeId = subject.personId
        ? (await this.dataSource.query(`SELECT birthplace_place_id AS id FROM persons WHERE id = $1`, [subject.personId]))[0]?.id
        : subject.birthplacePlaceId;
      if (!placeId) continue;
      const [place] = await this.dataSource.query(`SELECT r.code FROM places p JOIN regions r ON r.id = p.region_id WHERE p.id = $1`, [placeId]);
      if (place) return place.code as string;
    }
    throw new CodedException(HttpStatus.BAD_REQUEST, 'case.region_unresolved');
  }

  /** The next number of the region and year, without gaps and without two cases sharing one. */
  async allocateNumber(manager: EntityManager, regionId: string, regionCode: string): Promise<string> {
    const year = new Date().getUTCFullYear();
    const [row] = await sqlRows<{ last_sequence: number }>(
      manager,
      `INSERT INTO case_number_counters (region_id, year, last_sequence) VALUES ($1, $2, 1)
       ON CONFLICT (region_id, year) DO UPDATE SET last_sequence = case_number_counters.last_sequence + 1
       RETURNING last_sequence`,
      [regionId, year],
    );
    return formatCaseNumber(regionCode, year, row!.last_sequence);
  }

  async addSubjectRow(manager: EntityManager, caseId: string, subject: SubjectInput, position: number): Promise<string> {
    let personId = subject.personId;
    if (personId) {
      const [person] = await manager.query(`SELECT id FROM persons WHERE id = $1`, [personId]);
      if (!person) throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.unknown_person', { field: 'personId', id: personId });
    } else {
      if (!subject.nameKk && !subject.nameRu) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.subject_name_required');
      // a new subject enters the registry of names, searchable under every spelling given
      personId = await this.registry.createPerson(manager, {
        names: [
          ...(subject.nameKk ? [{ fullName: subject.nameKk, source: 'case application' }] : []),
          ...(subject.nameRu ? [{ fullName: subject.nameRu, source: 'case application' }] : []),
        ],
        birthYear: subject.birthYear,
        birthplace: subject.birthplace,
        birthplacePlaceId: subject.birthplacePlaceId,
      });
    }
    const [linked] = await manager.query(`SELECT 1 FROM case_subjects WHERE case_id = $1 AND person_id = $2`, [caseId, personId]);
    if (linked) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.subject_already_linked', { personId });
    await manager.query(`INSERT INTO case_subjects (case_id, person_id, position) VALUES ($1, $2, $3)`, [caseId, personId, position]);
    return personId!;
  }
}

/** One entry of a case's history (contracts `HistoryEntry`). */
export interface HistoryEntryView {
  id: string;
  occurredAt: Date;
  kind: string;
  data: Record<string, unknown> | null;
  actorId: string | null;
  actorName: string | null;
  params: Record<string, string | number | boolean | null>;
}

export interface CaseView {
  id: string;
  number: string;
  regionCode: string;
  categoryCode: string;
  status: CaseStatus;
  summary: string;
  isGroup: boolean;
  applicant: { kind: ApplicantKind; name: string; kinship: string | null; kinshipProof: string | null; email: string | null; phone: string | null; address: string | null };
  parentCaseId: string | null;
  subjects: Array<{ id: string; personId: string; nameKk: string | null; nameRu: string | null; birthYear: string | null; outcome: string | null }>;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

function record(row: CaseRow): Record<string, unknown> {
  return {
    regionCode: row.regionCode,
    summary: row.summary,
    categoryCode: row.categoryCode,
    applicantKind: row.applicantKind,
    applicantName: row.applicantName,
    applicantKinship: row.applicantKinship,
    applicantKinshipProof: row.applicantKinshipProof,
    applicantEmail: row.applicantEmail,
    applicantPhone: row.applicantPhone,
    applicantAddress: row.applicantAddress,
    version: row.version,
  };
}
