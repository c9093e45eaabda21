import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseStatus, type ConclusionRecommendation } from '@aqtalu/contracts';
import { evaluateQuorum, settledArchiveRequestStatuses, stageOf, type Actor, type CaseFacts, type CaseSnapshot, type QuorumRule } from '@aqtalu/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { StaleVersionException } from '../database/stale-version.exception.js';
import { CodedException } from '../errors/coded.exception.js';
import { caseScopeCondition } from './case-scope.js';

export interface CaseRow {
  id: string;
  number: string;
  regionCode: string;
  regionId: string;
  categoryCode: string;
  status: CaseStatus;
  summary: string;
  isGroup: boolean;
  applicantKind: string;
  applicantName: string;
  applicantKinship: string | null;
  applicantKinshipProof: string | null;
  applicantEmail: string | null;
  applicantPhone: string | null;
  applicantAddress: string | null;
  parentCaseId: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  contentVersion: number;
}

export interface CaseSubjectRow {
  id: string;
  personId: string;
  nameKk: string | null;
  nameRu: string | null;
  birthYear: string | null;
  outcome: string | null;
}

const caseColumns = `c.id, c.number, r.code AS "regionCode", c.region_id AS "regionId", c.category_code AS "categoryCode", c.status,
  c.summary, c.is_group AS "isGroup", c.applicant_kind AS "applicantKind", c.applicant_name AS "applicantName",
  c.applicant_kinship AS "applicantKinship", c.applicant_kinship_proof AS "applicantKinshipProof",
  c.applicant_email AS "applicantEmail", c.applicant_phone AS "applicantPhone", c.applicant_address AS "applicantAddress",
  c.parent_case_id AS "parentCaseId", c.created_by AS "createdBy", c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.version, c.content_version AS "contentVersion"`;

export const caseSortColumns = {
  number: 'c.number',
  status: 'c.status',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  id: 'c.id',
} as const;

export interface CaseListPage {
  sort: keyof typeof caseSortColumns;
  order: 'ASC' | 'DESC';
  offset: number;
  limit: number;
  filter: {
    /** Only these cases (react-admin's getMany), still within the caller's scope. */
    ids?: string[];
    status?: string;
    regionCode?: string;
    categoryCode?: string;
    q?: string;
    /** The name words `q` may mean (RegistryService.nameWordsOf): a subject's spelling holding one word of each list matches. */
    nameWords?: string[][];
    /** Only cases with an archive request past its due date and not yet settled. */
    overdue?: boolean;
    /** Only cases where this user has an open task. */
    assignedTo?: string;
  };
}

/**
 * Up to this many cases a list's total (Content-Range) is exact; beyond, it is PostgreSQL's estimate, which
 * react-admin's pagination reads just as well.
 */
export const caseCountBound = 10_000;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => uuidPattern.test(value);

/**
 * Names as the registry matches them, in any script: a subject (or the record it was merged into) with one
 * spelling holding a word of each list (RegistryService.nameWordsOf), through the index on the spellings'
 * words. Empty when the query has no name word.
 */
function subjectNameCondition(lists: string[][] | undefined, params: unknown[]): string {
  if (!lists?.length) return '';
  const words = lists.map((list) => `string_to_array(nv.skeleton, ' ') && $${params.push(list)}::text[]`).join(' AND ');
  return ` OR EXISTS (SELECT 1 FROM case_subjects ns JOIN persons np ON np.id = ns.person_id
    JOIN person_name_variants nv ON nv.person_id = coalesce(np.merged_into_id, np.id) WHERE ns.case_id = c.id AND ${words})`;
}

/** Cases as their readers may see them: every query carries the caller's scope. */
@Injectable()
export class CaseRepository {
  /** What `findVisible` reads with a row, kept beside it (never in it, so no answer carries it by accident). */
  private readonly archivesOf = new WeakMap<CaseRow, string[]>();
  private readonly subjectsOf = new WeakMap<CaseRow, CaseSubjectRow[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The case, if it exists at all (for deciding between 404-and-audit and a real answer). */
  async findAny(id: string, manager: EntityManager = this.dataSource.manager): Promise<CaseRow | null> {
    if (!isUuid(id)) return null;
    const rows: CaseRow[] = await manager.query(`SELECT ${caseColumns} FROM cases c JOIN regions r ON r.id = c.region_id WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<CaseRow | null> {
    if (!isUuid(id)) return null;
    const params: unknown[] = [id];
    const scope = caseScopeCondition(actor, params);
    // the archives asked about the case and its subjects come along: the access check and the case's view that
    // follow need no query of their own
    const rows: Array<CaseRow & { archiveCodes?: string[]; subjects?: CaseSubjectRow[] }> = await manager.query(
      `SELECT ${caseColumns},
              ARRAY(SELECT DISTINCT a.code FROM archive_requests ar JOIN archives a ON a.id = ar.archive_id WHERE ar.case_id = c.id) AS "archiveCodes",
              (SELECT coalesce(json_agg(json_build_object('id', s.id, 'personId', s.person_id, 'nameKk', p.name_kk, 'nameRu', p.name_ru,
                                                          'birthYear', p.birth_year, 'outcome', s.outcome) ORDER BY s.position), '[]')
               FROM case_subjects s JOIN persons p ON p.id = s.person_id WHERE s.case_id = c.id) AS subjects
       FROM cases c JOIN regions r ON r.id = c.region_id WHERE c.id = $1 AND ${scope}`,
      params,
    );
    const row = rows[0];
    if (!row) return null;
    this.archivesOf.set(row, row.archiveCodes ?? []);
    this.subjectsOf.set(row, row.subjects ?? []);
    delete row.archiveCodes;
    delete row.subjects;
    return row;
  }

  /** The subjects read with a row by `findVisible` (in their order), or undefined for a row read otherwise. */
  subjectsReadWith(row: CaseRow): CaseSubjectRow[] | undefined {
    return this.subjectsOf.get(row);
  }

  /** How many cases the caller may see, by status and region (for the dashboard; no personal data). */
  async stats(actor: Actor): Promise<Array<{ status: string; regionCode: string; count: number }>> {
    const params: unknown[] = [];
    return this.dataSource.query(
      `SELECT c.status, r.code AS "regionCode", count(*)::int AS count FROM cases c JOIN regions r ON r.id = c.region_id
       WHERE ${caseScopeCondition(actor, params)} GROUP BY c.status, r.code ORDER BY r.code, c.status`,
      params,
    );
  }

  /** The list's conditions (the caller's scope first): shared by a page of the list and its export. */
  private listConditions(actor: Actor, filter: CaseListPage['filter'], params: unknown[]): string {
    const where = [caseScopeCondition(actor, params)];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.ids) add((p) => `c.id = ANY(${p}::uuid[])`, filter.ids);
    if (filter.status) add((p) => `c.status = ${p}`, filter.status);
    if (filter.regionCode) add((p) => `r.code = ${p}`, filter.regionCode);
    if (filter.categoryCode) add((p) => `c.category_code = ${p}`, filter.categoryCode);
    if (filter.overdue) {
      where.push(`EXISTS (SELECT 1 FROM archive_requests oq WHERE oq.case_id = c.id AND oq.overdue_since IS NOT NULL AND oq.status NOT IN ('answered', 'nothing_found', 'cancelled'))`);
    }
    if (filter.assignedTo) add((p) => `EXISTS (SELECT 1 FROM case_tasks mt WHERE mt.case_id = c.id AND mt.assignee_id = ${p} AND mt.done_at IS NULL)`, filter.assignedTo);
    if (filter.q) {
      const byName = subjectNameCondition(filter.nameWords, params);
      add(
        (p) => `(c.number ILIKE ${p} OR c.summary ILIKE ${p} OR c.applicant_name ILIKE ${p} OR EXISTS (
          SELECT 1 FROM case_subjects qs JOIN persons qp ON qp.id = qs.person_id
          WHERE qs.case_id = c.id AND (qp.name_kk ILIKE ${p} OR qp.name_ru ILIKE ${p}))${byName})`,
        `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`,
      );
    }
    return where.join(' AND ');
  }

  /** Every case of the list as one statement (no page): for a streamed export. */
  exportQuery(actor: Actor, page: Pick<CaseListPage, 'sort' | 'order' | 'filter'>): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const whereSql = this.listConditions(actor, page.filter, params);
    return {
      sql: `SELECT c.id, c.number, r.code AS "regionCode", c.category_code AS "categoryCode", c.status, c.summary, c.is_group AS "isGroup",
                   c.applicant_kind AS "applicantKind", c.applicant_name AS "applicantName",
                   coalesce((SELECT string_agg(coalesce(p.name_kk, p.name_ru), '; ' ORDER BY s.position)
                             FROM case_subjects s JOIN persons p ON p.id = s.person_id WHERE s.case_id = c.id), '') AS subjects,
                   c.created_at AS "createdAt", c.updated_at AS "updatedAt"
            FROM cases c JOIN regions r ON r.id = c.region_id
            WHERE ${whereSql}
            ORDER BY ${caseSortColumns[page.sort]} ${page.order === 'ASC' ? 'ASC' : 'DESC'}, c.id`,
      params,
    };
  }

  async list(actor: Actor, page: CaseListPage): Promise<{ rows: Array<CaseRow & { subjects: string }>; total: number }> {
    const params: unknown[] = [];
    const whereSql = this.listConditions(actor, page.filter, params);
    const counted = `SELECT count(*)::int FROM (SELECT 1 FROM cases c JOIN regions r ON r.id = c.region_id WHERE ${whereSql} LIMIT ${caseCountBound + 1}) counted`;
    // One round trip: the page, and the count as a subquery PostgreSQL runs once (an InitPlan), bounded so that
    // a page of a large scope never costs a count of all of it.
    const found: Array<CaseRow & { subjects: string; total: number }> = await this.dataSource.query(
      `SELECT ${caseColumns},
              coalesce((SELECT string_agg(coalesce(p.name_kk, p.name_ru), '; ' ORDER BY s.position)
                        FROM case_subjects s JOIN persons p ON p.id = s.person_id WHERE s.case_id = c.id), '') AS subjects,
              (${counted}) AS total
       FROM cases c JOIN regions r ON r.id = c.region_id
       WHERE ${whereSql}
       ORDER BY ${caseSortColumns[page.sort]} ${page.order === 'ASC' ? 'ASC' : 'DESC'}, c.id
       OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    // a page past the end has no row to carry the count
    let total = found[0]?.total ?? ((await this.dataSource.query(counted, params)) as Array<{ count: number }>)[0]!.count;
    if (total > caseCountBound) {
      // beyond the bound, the planner's estimate (never below what is known to exist)
      const [{ 'QUERY PLAN': plan }]: Array<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }> = await this.dataSource.query(
        `EXPLAIN (FORMAT JSON) SELECT 1 FROM cases c JOIN regions r ON r.id = c.region_id WHERE ${whereSql}`,
        params,
      );
      total = Math.max(Math.round(plan[0]!.Plan['Plan Rows']), caseCountBound + 1, page.offset + found.length);
    }
    const rows = found.map(({ total: _total, ...row }) => row);
    return { rows, total };
  }

  /**
   * Locks the case row for a step that depends on the case's state but does not change the case itself
   * (a request, a conclusion, the agenda, a vote): transitions lock the same row, so they wait for each other.
   */
  async lockCase(manager: EntityManager, id: string): Promise<CaseRow> {
    const rows: CaseRow[] = await manager.query(
      `SELECT ${caseColumns} FROM cases c JOIN regions r ON r.id = c.region_id WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    if (!rows[0]) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'case', id });
    return rows[0];
  }

  /** Locks the case row for a write and checks the version the writer read. */
  async lockForWrite(manager: EntityManager, id: string, version: number): Promise<CaseRow> {
    const rows: CaseRow[] = await manager.query(
      `SELECT ${caseColumns} FROM cases c JOIN regions r ON r.id = c.region_id WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    const row = rows[0];
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'case', id });
    if (row.version !== version) throw new StaleVersionException({ entity: 'case', currentVersion: row.version });
    return row;
  }

  /** Who may see a case: its region, stage and the archives asked about it. */
  async facts(caseRow: CaseRow, manager: EntityManager = this.dataSource.manager): Promise<CaseFacts> {
    const known = this.archivesOf.get(caseRow);
    if (known) return { regionCode: caseRow.regionCode, stage: stageOf(caseRow.status), archiveCodes: known };
    const archives: Array<{ code: string }> = await manager.query(
      `SELECT DISTINCT a.code FROM archive_requests ar JOIN archives a ON a.id = ar.archive_id WHERE ar.case_id = $1`,
      [caseRow.id],
    );
    return { regionCode: caseRow.regionCode, stage: stageOf(caseRow.status), archiveCodes: archives.map((a) => a.code) };
  }

  /** Everything the lifecycle's guards look at, gathered in one place. */
  async snapshot(caseRow: CaseRow, manager: EntityManager, quorumRule: QuorumRule): Promise<CaseSnapshot> {
    const [subjects]: Array<{ count: number }> = await manager.query(`SELECT count(*)::int AS count FROM case_subjects WHERE case_id = $1`, [caseRow.id]);
    const [requests]: Array<{ total: number; unsettled: number }> = await manager.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status <> ALL($2))::int AS unsettled
       FROM archive_requests WHERE case_id = $1`,
      [caseRow.id, settledArchiveRequestStatuses],
    );
    const conclusions: Array<{ signed_case_version: number | null; signed_at: Date | null; recommendation: ConclusionRecommendation }> = await manager.query(
      `SELECT signed_case_version, signed_at, recommendation FROM conclusions WHERE case_id = $1`,
      [caseRow.id],
    );
    const conclusion = conclusions[0];
    const agenda = await this.currentAgenda(caseRow.id, manager);
    let agendaFacts: CaseSnapshot['agenda'] = null;
    if (agenda) {
      const quorum = evaluateQuorum({ totalMembers: agenda.totalMembers, present: agenda.present, votesCast: agenda.votesCast }, quorumRule);
      agendaFacts = { quorum: { reached: quorum.reached, refusal: quorum.refusal }, votes: { for: agenda.votesFor, against: agenda.votesAgainst, abstain: agenda.abstentions } };
    }
    const [certificates]: Array<{ expected: number; rendered: number }> = await manager.query(
      `SELECT count(*)::int AS expected, count(*) FILTER (WHERE rendered_at IS NOT NULL)::int AS rendered
       FROM certificates WHERE case_id = $1`,
      [caseRow.id],
    );
    return {
      status: caseRow.status,
      hasApplicant: caseRow.applicantName.trim().length > 0,
      subjectCount: subjects!.count,
      archiveRequests: { total: requests!.total, unsettled: requests!.unsettled },
      conclusion: conclusion
        ? { signed: conclusion.signed_at !== null, signedForCurrentVersion: conclusion.signed_case_version === caseRow.contentVersion, recommendation: conclusion.recommendation }
        : null,
      agenda: agendaFacts,
      certificates: certificates!,
    };
  }

  /**
   * The latest agenda item of the case that has no decision yet, with the session's attendance and
   * the votes cast on the item.
   */
  async currentAgenda(
    caseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{
    agendaItemId: string; sessionId: string; sessionNumber: string; totalMembers: number; present: number; votesCast: number;
    votesFor: number; votesAgainst: number; abstentions: number;
  } | null> {
    const rows = await manager.query(
      `SELECT ai.id AS "agendaItemId", s.id AS "sessionId", s.number AS "sessionNumber",
              (SELECT count(*)::int FROM users u WHERE u.role IN ('commission_member', 'chair') AND u.disabled_at IS NULL) AS "totalMembers",
              (SELECT count(*)::int FROM session_attendance sa WHERE sa.session_id = s.id AND sa.present) AS present,
              (SELECT count(*)::int FROM votes v WHERE v.agenda_item_id = ai.id) AS "votesCast",
              (SELECT count(*)::int FROM votes v WHERE v.agenda_item_id = ai.id AND v.choice = 'for') AS "votesFor",
              (SELECT count(*)::int FROM votes v WHERE v.agenda_item_id = ai.id AND v.choice = 'against') AS "votesAgainst",
              (SELECT count(*)::int FROM votes v WHERE v.agenda_item_id = ai.id AND v.choice = 'abstain') AS abstentions
       FROM agenda_items ai JOIN commission_sessions s ON s.id = ai.session_id
       WHERE ai.case_id = $1 AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.agenda_item_id = ai.id)
       ORDER BY s.session_date DESC, ai.created_at DESC LIMIT 1`,
      [caseId],
    );
    return rows[0] ?? null;
  }
}
