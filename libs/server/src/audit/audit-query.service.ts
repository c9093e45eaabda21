import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from './audit.service.js';

export interface AuditFilter {
  /** Only these entries (react-admin's getMany). */
  ids?: string[];
  actorId?: string;
  action?: string;
  outcome?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

export interface AuditListPage {
  filter: AuditFilter;
  order: 'ASC' | 'DESC';
  offset: number;
  limit: number;
}

export interface AuditEntryView {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  diff: unknown;
  details: unknown;
  requestId: string | null;
  ip: string | null;
  hash: string;
  /** What the entry is about in words (the case's number, the person's, user's, archive's or session's name), joined when read. */
  params: Record<string, string | number | boolean | null>;
}

const uuidPattern = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;

/**
 * The columns of an entry, with the names a reader needs joined by its entity (old rows too: nothing is
 * stored twice). An entity that is gone since leaves its params empty and the id stands.
 */
const entryColumns = `a.id::text AS id, a.occurred_at AS "occurredAt", a.actor_id AS "actorId", a.actor_role AS "actorRole", u.email AS "actorEmail",
  u.display_name AS "actorName", a.action, a.outcome, a.entity_type AS "entityType", a.entity_id AS "entityId", a.diff, a.details,
  a.request_id AS "requestId", a.ip, a.hash, coalesce(names.params, '{}'::jsonb) AS params`;

const entryFrom = `audit_log a LEFT JOIN users u ON u.id = a.actor_id
  LEFT JOIN LATERAL (SELECT CASE WHEN a.entity_id ~ ${uuidPattern} THEN a.entity_id::uuid END AS id) e ON true
  LEFT JOIN LATERAL (SELECT CASE a.entity_type
    WHEN 'case' THEN (SELECT jsonb_build_object('caseNumber', c.number) FROM cases c WHERE c.id = e.id)
    WHEN 'person' THEN (SELECT jsonb_build_object('personNameKk', p.name_kk, 'personNameRu', p.name_ru) FROM persons p WHERE p.id = e.id)
    WHEN 'user' THEN (SELECT jsonb_build_object('userName', t.display_name, 'userEmail', t.email) FROM users t WHERE t.id = e.id)
    WHEN 'archive_request' THEN (SELECT jsonb_build_object('caseNumber', c.number, 'archiveCode', ar.code, 'archiveNameKk', ar.name_kk, 'archiveNameRu', ar.name_ru, 'archiveNameEn', ar.name_en)
      FROM archive_requests r JOIN cases c ON c.id = r.case_id JOIN archives ar ON ar.id = r.archive_id WHERE r.id = e.id)
    WHEN 'evidence' THEN (SELECT jsonb_build_object('caseNumber', c.number, 'fileName', ev.original_name) FROM evidence ev JOIN cases c ON c.id = ev.case_id WHERE ev.id = e.id)
    WHEN 'commission_session' THEN (SELECT jsonb_build_object('sessionNumber', s.number, 'sessionDate', to_char(s.session_date, 'YYYY-MM-DD')) FROM commission_sessions s WHERE s.id = e.id)
    WHEN 'certificate' THEN (SELECT jsonb_build_object('certificateNumber', ce.number, 'caseNumber', c.number) FROM certificates ce JOIN cases c ON c.id = ce.case_id WHERE ce.id = e.id)
    WHEN 'place' THEN (SELECT jsonb_build_object('placeNameKk', pl.name_kk, 'placeNameRu', pl.name_ru, 'placeNameEn', pl.name_en) FROM places pl WHERE pl.id = e.id)
    WHEN 'registry_import' THEN (SELECT jsonb_build_object('fileName', ri.file_name) FROM registry_imports ri WHERE ri.id = e.id)
  END AS params) names ON true`;

/** The auditors' view of the log; reading it is itself recorded. */
@Injectable()
export class AuditQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** One entry, by id; reading it is recorded too. */
  async get(id: string): Promise<AuditEntryView | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const rows: AuditEntryView[] = await this.dataSource.query(`SELECT ${entryColumns} FROM ${entryFrom} WHERE a.id = $1`, [id]);
    if (rows[0]) await this.audit.record({ action: 'audit.read', details: { id } });
    return rows[0] ?? null;
  }

  async list(page: AuditListPage): Promise<{ rows: AuditEntryView[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const { filter } = page;
    if (filter.ids) add('a.id = ANY(?::bigint[])', filter.ids);
    if (filter.actorId) add('a.actor_id = ?', filter.actorId);
    if (filter.action) add(filter.action.endsWith('.') ? "a.action LIKE ? || '%'" : 'a.action = ?', filter.action);
    if (filter.outcome) add('a.outcome = ?', filter.outcome);
    if (filter.entityType) add('a.entity_type = ?', filter.entityType);
    if (filter.entityId) add('a.entity_id = ?', filter.entityId);
    if (filter.from) add('a.occurred_at >= ?', filter.from);
    if (filter.to) add('a.occurred_at < ?', filter.to);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log a ${whereSql}`, params);
    const rows: AuditEntryView[] = await this.dataSource.query(
      `SELECT ${entryColumns} FROM ${entryFrom}
       ${whereSql} ORDER BY a.id ${page.order === 'ASC' ? 'ASC' : 'DESC'} OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    await this.audit.record({ action: 'audit.read', details: { filter, offset: page.offset, limit: page.limit } });
    return { rows, total };
  }
}
