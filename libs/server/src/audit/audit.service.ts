import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { auditDiff, genesisHash, hashAuditEntry, type AuditEntryContent } from '@aqtalu/domain';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { requestContext } from '../request-context/request-context.js';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Serialises appends to the chain; any constant, the same in every process. */
const auditChainLockKey = 7_331_002;

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

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends one entry. With `manager` it joins the caller's transaction, so a write and its audit entry
   * commit or roll back together; without, it commits on its own (reads, denials, failed logins).
   */
  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    if (manager) return this.append(manager, record);
    await this.dataSource.transaction((own) => this.append(own, record));
  }

  private async append(manager: EntityManager, record: AuditRecord): Promise<void> {
    const context = requestContext.current();
    await manager.query('SELECT pg_advisory_xact_lock($1)', [auditChainLockKey]);
    const last: Array<{ hash: string }> = await manager.query('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
    const [{ id }]: Array<{ id: string }> = await manager.query(`SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::text AS id`);
    const previousHash = last[0]?.hash ?? genesisHash;
    const hasDiff = record.before !== undefined || record.after !== undefined;
    const content: AuditEntryContent = {
      id,
      occurredAt: new Date().toISOString(),
      actorId: record.actorId !== undefined ? record.actorId : (context.actor?.id ?? null),
      actorRole: record.actorRole !== undefined ? record.actorRole : (context.actor?.role ?? null),
      action: record.action,
      outcome: record.outcome ?? 'allowed',
      entityType: record.entityType ?? null,
      entityId: record.entityId ?? null,
      diff: hasDiff ? auditDiff(record.before ?? null, record.after ?? null) : null,
      details: record.details ?? null,
      requestId: context.requestId,
      ip: context.ip,
    };
    // What is hashed is what is stored: JSON round-trips drop undefined and turn dates into strings.
    content.diff = content.diff === null ? null : JSON.parse(JSON.stringify(content.diff));
    content.details = content.details === null ? null : JSON.parse(JSON.stringify(content.details));
    const hash = hashAuditEntry(previousHash, content, sha256Hex);
    await manager.query(
      `INSERT INTO audit_log (id, occurred_at, actor_id, actor_role, action, outcome, entity_type, entity_id, diff, details, request_id, ip, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        content.id, content.occurredAt, content.actorId, content.actorRole, content.action, content.outcome,
        content.entityType, content.entityId, content.diff === null ? null : JSON.stringify(content.diff),
        content.details === null ? null : JSON.stringify(content.details), content.requestId, content.ip, previousHash, hash,
      ],
    );
  }
}
