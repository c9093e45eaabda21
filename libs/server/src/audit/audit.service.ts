import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { auditDiff } from '@aqtalu/domain';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { requestContext } from '../request-context/request-context.js';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface AuditRecord {
  action: string;
  outcome?: 'allowed' | 'denied' | 'failed';
  entityType?: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  details?: Record<string, unknown>;
  /** Overrides the actor of the request context (e.g. the user of a failed login). */
  actorId?: string | null;
  actorRole?: string | null;
}

/**
 * Appends entries to the audit log. Appends never wait for each other: an entry is a plain INSERT, and the
 * hash chain is sealed afterwards, in commit order, by the AuditSealer.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends one entry. With `manager` it joins the caller's transaction, so a write and its audit entry
   * commit or roll back together; without, it commits on its own (reads, denials, failed logins).
   */
  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    const context = requestContext.current();
    const hasDiff = record.before !== undefined || record.after !== undefined;
    const diff = hasDiff ? auditDiff(record.before ?? null, record.after ?? null) : null;
    await (manager ?? this.dataSource).query(
      `INSERT INTO audit_log (occurred_at, actor_id, actor_role, action, outcome, entity_type, entity_id, diff, details, request_id, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        new Date().toISOString(),
        record.actorId !== undefined ? record.actorId : (context.actor?.id ?? null),
        record.actorRole !== undefined ? record.actorRole : (context.actor?.role ?? null),
        record.action,
        record.outcome ?? 'allowed',
        record.entityType ?? null,
        record.entityId ?? null,
        diff === null ? null : JSON.stringify(diff),
        record.details === undefined ? null : JSON.stringify(record.details),
        context.requestId,
        context.ip,
      ],
    );
  }
}
