import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArchiveRequestStatus, CaseAction, Permission, Role, workingGroupRoles, type ArchiveRequestActionOption, type SessionUser } from '@aqtalu/contracts';
import {
  ArchiveRequestAction,
  archiveRequestActions,
  availableArchiveRequestActions,
  defaultDueDate,
  evaluateArchiveRequestAction,
  parseCalendarDate,
  settledArchiveRequestStatuses,
  stageOf,
  type WorkingCalendar,
} from '@aqtalu/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { sqlRows } from '../database/sql.js';
import { StaleVersionException } from '../database/stale-version.exception.js';
import { CodedException } from '../errors/coded.exception.js';
import { NotificationService } from '../notifications/notification.service.js';
import { CaseAccess } from './case-access.service.js';
import { CaseRules, refusalException } from './case-rules.service.js';
import { CaseRepository } from './case.repository.js';
import { CaseService } from './case.service.js';
import { actorOf, caseScopeCondition } from './case-scope.js';
import { caseScope } from '@aqtalu/domain';

export interface ArchiveRequestView {
  id: string;
  caseId: string;
  caseNumber: string;
  caseRegionCode: string;
  archiveCode: string;
  sought: string;
  status: ArchiveRequestStatus;
  sentOn: string;
  dueDate: string;
  overdue: boolean;
  overdueSince: string | null;
  answeredAt: Date | null;
  answerNote: string | null;
  subjects: string;
  version: number;
  /** What the caller may do with the request now, and why not (on a single request's answers only). */
  actions?: ArchiveRequestActionOption[];
}

const requestColumns = `ar.id, ar.case_id AS "caseId", c.number AS "caseNumber", r.code AS "caseRegionCode", a.code AS "archiveCode",
  ar.sought, ar.status, to_char(ar.sent_on, 'YYYY-MM-DD') AS "sentOn", to_char(ar.due_date, 'YYYY-MM-DD') AS "dueDate",
  ar.overdue_since IS NOT NULL AS overdue, to_char(ar.overdue_since, 'YYYY-MM-DD') AS "overdueSince",
  ar.answered_at AS "answeredAt", ar.answer_note AS "answerNote", ar.version,
  coalesce((SELECT string_agg(coalesce(p.name_kk, p.name_ru), '; ' ORDER BY s.position) FROM case_subjects s JOIN persons p ON p.id = s.person_id WHERE s.case_id = c.id), '') AS subjects`;
export interface ArchiveRequestListFilter {
  ids?: string[];
  status?: string;
  caseId?: string;
  overdue?: boolean;
}

const requestFrom = `archive_requests ar JOIN cases c ON c.id = ar.case_id JOIN regions r ON r.id = c.region_id JOIN archives a ON a.id = ar.archive_id`;

/** Archive requests: the working group asks, the archive's liaisons see them in their inbox and answer. */
@Injectable()
export class ArchiveRequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly cases: CaseService,
    private readonly caseRows: CaseRepository,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly rules: CaseRules,
  ) {}

  /** The working-day calendar: weekends and the holidays kept as data. */
  async calendar(manager: EntityManager = this.dataSource.manager): Promise<WorkingCalendar> {
    const rows: Array<{ date: string }> = await manager.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holidays`);
    return { holidays: new Set(rows.map((row) => row.date)), weekendDays: new Set([0, 6]) };
  }

  async create(user: SessionUser, caseId: string, input: { archiveCode: string; sought: string; dueDate?: string; sentOn?: string }): Promise<ArchiveRequestView> {
    const caseRow = await this.access.require(user, caseId, Permission.ArchiveRequestsCreate);
    await this.rules.assert(user, caseRow, CaseAction.RequestArchive, this.dataSource.manager);
    const [archive] = await this.dataSource.query(`SELECT id FROM archives WHERE code = $1`, [input.archiveCode]);
    if (!archive) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.unknown_code', { field: 'archiveCode', value: input.archiveCode });
    const sentOn = input.sentOn ?? new Date().toISOString().slice(0, 10);
    const dueDate = input.dueDate ?? defaultDueDate(sentOn, await this.calendar());
    if (input.dueDate) parseCalendarDate(input.dueDate);
    if (dueDate < sentOn) throw new CodedException(HttpStatus.BAD_REQUEST, 'archive_request.due_before_sent');
    const id = await this.dataSource.transaction(async (manager) => {
      await this.rules.assert(user, await this.caseRows.lockCase(manager, caseId), CaseAction.RequestArchive, manager);
      const [created] = await manager.query(
        `INSERT INTO archive_requests (case_id, archive_id, sought, status, sent_on, due_date, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [caseId, archive.id, input.sought.trim(), ArchiveRequestStatus.Sent, sentOn, dueDate, user.id],
      );
      await this.cases.event(manager, caseId, user.id, 'archive_request_sent', { archiveRequestId: created.id, archiveCode: input.archiveCode, dueDate });
      await this.notifications.notifyAudience(manager, { archiveId: archive.id }, 'archive_request.received', { archiveRequestId: created.id, caseNumber: caseRow.number, dueDate });
      await this.audit.record({ action: 'archive_request.create', entityType: 'archive_request', entityId: created.id, before: null, after: { caseId, archiveCode: input.archiveCode, sought: input.sought, dueDate } }, manager);
      return created.id as string;
    });
    return this.withActions(user, await this.view(id));
  }

  /** The list's conditions (the caller's scope first): shared by a page of the list and its export. */
  private listConditions(user: SessionUser, filter: ArchiveRequestListFilter, params: unknown[]): string {
    const actor = actorOf(user);
    const scope = caseScope(actor);
    const where = [scope.kind === 'archive' ? `a.code = $${params.push(scope.archiveCode)}` : caseScopeCondition(actor, params)];
    if (filter.ids) where.push(`ar.id = ANY($${params.push(filter.ids)}::uuid[])`);
    if (filter.status) where.push(`ar.status = $${params.push(filter.status)}`);
    if (filter.caseId && !/^[0-9a-f-]{36}$/i.test(filter.caseId)) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_uuid', { field: 'filter.caseId' });
    if (filter.caseId) where.push(`ar.case_id = $${params.push(filter.caseId)}`);
    if (filter.overdue !== undefined) where.push(filter.overdue ? 'ar.overdue_since IS NOT NULL' : 'ar.overdue_since IS NULL');
    return where.join(' AND ');
  }

  /** Every request of the list as one statement (no page): for a streamed export. */
  exportQuery(user: SessionUser, page: { sort?: 'dueDate' | 'status' | 'id'; order: 'ASC' | 'DESC'; filter: ArchiveRequestListFilter }): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const whereSql = this.listConditions(user, page.filter, params);
    return {
      sql: `SELECT ${requestColumns} FROM ${requestFrom} WHERE ${whereSql}
            ORDER BY ${{ id: 'ar.id', status: 'ar.status', dueDate: 'ar.due_date' }[page.sort ?? 'dueDate']} ${page.order === 'ASC' ? 'ASC' : 'DESC'}, ar.id`,
      params,
    };
  }

  /** The caller's inbox or region's requests: the scope is in the query. */
  async list(user: SessionUser, page: { offset: number; limit: number; sort?: 'dueDate' | 'status' | 'id'; order: 'ASC' | 'DESC'; filter: ArchiveRequestListFilter }) {
    const params: unknown[] = [];
    const whereSql = this.listConditions(user, page.filter, params);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM ${requestFrom} WHERE ${whereSql}`, params);
    const rows: ArchiveRequestView[] = await this.dataSource.query(
      `SELECT ${requestColumns} FROM ${requestFrom} WHERE ${whereSql} ORDER BY ${{ id: 'ar.id', status: 'ar.status', dueDate: 'ar.due_date' }[page.sort ?? 'dueDate']} ${page.order === 'ASC' ? 'ASC' : 'DESC'}, ar.id
       OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    await this.audit.record({ action: 'archive_request.list', details: { filter: page.filter, returned: rows.length } });
    return { rows, total: total as number };
  }

  async get(user: SessionUser, id: string): Promise<ArchiveRequestView> {
    const request = await this.visible(user, id, Permission.ArchiveRequestsRead);
    await this.audit.record({ action: 'archive_request.read', entityType: 'archive_request', entityId: id });
    return this.withActions(user, request);
  }

  /** The liaison's start / answer / nothing-found, or the working group's cancel. */
  async act(user: SessionUser, id: string, action: ArchiveRequestAction, input: { version: number; note?: string }): Promise<ArchiveRequestView> {
    const request = await this.visible(user, id, archiveRequestActions[action].permission);
    const verdict = evaluateArchiveRequestAction(action, request.status, user.role, input.note);
    if (!verdict.allowed) {
      await this.audit.record({ action: `archive_request.${action}`, outcome: 'denied', entityType: 'archive_request', entityId: id, details: { reason: verdict.reason.detail, code: verdict.reason.code } });
      if (verdict.kind === 'invalid') {
        const { code, params, detail } = verdict.reason;
        throw new CodedException(HttpStatus.BAD_REQUEST, code, params as never, { errors: [{ field: 'note', message: detail, code, params }] });
      }
      throw refusalException(verdict.kind, [verdict.reason]);
    }
    await this.dataSource.transaction(async (manager) => {
      const answered = verdict.to === ArchiveRequestStatus.Answered || verdict.to === ArchiveRequestStatus.NothingFound;
      const rows = await sqlRows<{ id: string }>(
        manager,
        `UPDATE archive_requests SET status = $3, answer_note = coalesce($4, answer_note),
           answered_at = CASE WHEN $5 THEN now() ELSE answered_at END, answered_by = CASE WHEN $5 THEN $6::uuid ELSE answered_by END,
           version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING id`,
        [id, input.version, verdict.to, input.note?.trim() ?? null, answered, user.id],
      );
      if (rows.length !== 1) throw new StaleVersionException({ entity: 'archive_request', currentVersion: (await manager.query(`SELECT version FROM archive_requests WHERE id = $1`, [id]))[0].version });
      await this.cases.event(manager, request.caseId, user.id, `archive_request_${verdict.to}`, { archiveRequestId: id, archiveCode: request.archiveCode, note: input.note ?? null });
      if (answered) {
        await this.notifications.notifyAudience(manager, { roles: workingGroupRoles, regionOfCase: request.caseId }, `archive_request.${verdict.to}`, { archiveRequestId: id, caseNumber: request.caseNumber });
      }
      await this.audit.record({ action: `archive_request.${action}`, entityType: 'archive_request', entityId: id, before: { status: request.status }, after: { status: verdict.to, note: input.note ?? null } }, manager);
    });
    return this.withActions(user, await this.view(id));
  }

  /** The request with what the caller may do with it now: the back office shows these, it copies no rule. */
  private withActions(user: SessionUser, request: ArchiveRequestView): ArchiveRequestView {
    return { ...request, actions: availableArchiveRequestActions(request.status, user.role) };
  }

  /**
   * Marks requests whose due date passed without an answer, once, and reminds both sides. `today` is
   * the caller's clock (the scheduler's, or a test's).
   */
  async markOverdue(today: string): Promise<string[]> {
    parseCalendarDate(today);
    const settled = settledArchiveRequestStatuses;
    const due: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM archive_requests WHERE overdue_since IS NULL AND due_date < $1 AND status <> ALL($2) ORDER BY due_date, id`,
      [today, settled],
    );
    const marked: string[] = [];
    // one short transaction per request: the audit chain's lock is never held across many cases
    for (const { id } of due) {
      const done = await this.dataSource.transaction(async (manager) => {
        const [request] = await sqlRows<{ id: string; case_id: string; archive_id: string }>(
          manager,
          `UPDATE archive_requests SET overdue_since = $2, updated_at = now()
           WHERE id = $1 AND overdue_since IS NULL AND due_date < $2 AND status <> ALL($3) RETURNING id, case_id, archive_id`,
          [id, today, settled],
        );
        if (!request) return false;
        const view = (await manager.query(`SELECT ${requestColumns} FROM ${requestFrom} WHERE ar.id = $1`, [request.id]))[0] as ArchiveRequestView;
        const reminder = { archiveRequestId: request.id, caseNumber: view.caseNumber, dueDate: view.dueDate, archiveCode: view.archiveCode };
        const recipients = [
          ...(await this.notifications.notifyAudience(manager, { roles: workingGroupRoles, regionOfCase: request.case_id }, 'archive_request.overdue', reminder)),
          ...(await this.notifications.notifyAudience(manager, { roles: [Role.ArchiveLiaison], archiveId: request.archive_id }, 'archive_request.overdue', reminder)),
        ];
        await this.cases.event(manager, request.case_id, null, 'archive_request_overdue', { archiveRequestId: request.id, dueDate: view.dueDate });
        await this.audit.record({ action: 'archive_request.overdue', entityType: 'archive_request', entityId: request.id, actorId: null, actorRole: 'system', details: { today, notified: recipients.length } }, manager);
        return true;
      });
      if (done) marked.push(id);
    }
    return marked;
  }

  private async visible(user: SessionUser, id: string, permission: Permission): Promise<ArchiveRequestView> {
    const request = /^[0-9a-f-]{36}$/i.test(id) ? await this.view(id).catch(() => null) : null;
    if (!request) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found_or_hidden', { entity: 'archive_request', id });
    const [caseRow] = await this.dataSource.query(`SELECT status FROM cases WHERE id = $1`, [request.caseId]);
    const archives: Array<{ code: string }> = await this.dataSource.query(
      `SELECT DISTINCT a.code FROM archive_requests ar JOIN archives a ON a.id = ar.archive_id WHERE ar.case_id = $1`,
      [request.caseId],
    );
    await this.access.check(user, permission, {
      type: 'archive_request',
      archiveCode: request.archiveCode,
      case: { regionCode: request.caseRegionCode, stage: stageOf(caseRow.status), archiveCodes: archives.map((a) => a.code) },
    }, 'archive_request', id);
    return request;
  }

  private async view(id: string): Promise<ArchiveRequestView> {
    const rows: ArchiveRequestView[] = await this.dataSource.query(`SELECT ${requestColumns} FROM ${requestFrom} WHERE ar.id = $1`, [id]);
    if (!rows[0]) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'archive_request', id });
    return rows[0];
  }
}
