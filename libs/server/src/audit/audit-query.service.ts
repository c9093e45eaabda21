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
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  diff: unknown;
  details: unknown;
  requestId: string | null;
  ip: string | null;
  hash: string;
}

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
    const rows: AuditEntryView[] = await this.dataSource.query(
      `SELECT a.id::text AS id, a.occurred_at AS "occurredAt", a.actor_id AS "actorId", a.actor_role AS "actorRole", u.email AS "actorEmail",
              a.action, a.outcome, a.entity_type AS "entityType", a.entity_id AS "entityId", a.diff, a.details,
              a.request_id AS "requestId", a.ip, a.hash
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id WHERE a.id = $1`,
      [id],
    );
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
      `SELECT a.id::text AS id, a.occurred_at AS "occurredAt", a.actor_id AS "actorId", a.actor_role AS "actorRole", u.email AS "actorEmail",
              a.action, a.outcome, a.entity_type AS "entityType", a.entity_id AS "entityId", a.diff, a.details,
              a.request_id AS "requestId", a.ip, a.hash
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       ${whereSql} ORDER BY a.id ${page.order === 'ASC' ? 'ASC' : 'DESC'} OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    await this.audit.record({ action: 'audit.read', details: { filter, offset: page.offset, limit: page.limit } });
    return { rows, total };
  }
}
