import { genesisHash, verifyAuditChain, type ChainedAuditEntry, type ChainVerdict } from '@aqtalu/domain';
import type { DataSource } from 'typeorm';
import { sha256Hex } from './audit.service.js';

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  outcome: 'allowed' | 'denied' | 'failed';
  entity_type: string | null;
  entity_id: string | null;
  diff: unknown;
  details: unknown;
  request_id: string | null;
  ip: string | null;
  previous_hash: string;
  hash: string;
}

function toEntry(row: AuditRow): ChainedAuditEntry {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    outcome: row.outcome,
    entityType: row.entity_type,
    entityId: row.entity_id,
    diff: row.diff,
    details: row.details,
    requestId: row.request_id,
    ip: row.ip,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/** Walks the whole audit log in id order, a page at a time, and names the first broken link. */
export async function verifyAuditLog(dataSource: DataSource, pageSize = 5000): Promise<ChainVerdict> {
  let lastHash = genesisHash;
  let afterId = '0';
  let total = 0;
  for (;;) {
    const rows: AuditRow[] = await dataSource.query(
      `SELECT a.id::text AS id, occurred_at, actor_id, actor_role, action, outcome, entity_type, entity_id, diff, details,
              request_id, ip, previous_hash, hash
       FROM audit_log a WHERE a.id > $1 ORDER BY a.id LIMIT $2`,
      [afterId, pageSize],
    );
    if (rows.length === 0) return { intact: true, entries: total, lastHash };
    const verdict = verifyAuditChain(rows.map(toEntry), sha256Hex, lastHash);
    if (!verdict.intact) return { ...verdict, entries: total + verdict.entries };
    total += verdict.entries;
    lastHash = verdict.lastHash;
    afterId = rows[rows.length - 1]!.id;
  }
}
