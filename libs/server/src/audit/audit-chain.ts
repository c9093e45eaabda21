import { genesisHash, hashAuditEntry, verifyAuditChain, type AuditEntryContent, type ChainedAuditEntry } from '@aqtalu/domain';
import type { DataSource } from 'typeorm';
import type { AuditCheckpoint, ChainHead } from './audit-checkpoint.js';
import { sha256Hex } from './audit.service.js';

/** One sealer at a time across every process; any constant, the same everywhere. */
const auditSealLockKey = 7_331_003;

const contentColumns = `a.id::text AS id, a.occurred_at, a.actor_id, a.actor_role, a.action, a.outcome, a.entity_type, a.entity_id,
  a.diff, a.details, a.request_id, a.ip`;

interface AuditContentRow {
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
}

interface SealedRow extends AuditContentRow {
  previous_hash: string;
  hash: string;
}

/** What is hashed is what is stored: the sealer and the verifier both read the row back from the database. */
function contentOf(row: AuditContentRow): AuditEntryContent {
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
  };
}

export interface SealOutcome {
  /** Entries sealed by this call; null when another process holds the sealer's lock. */
  sealed: number | null;
  /** Seconds from the oldest entry of the batch being written to its seal. */
  oldestAgeSeconds: number;
  /** The chain's last entry after this call, when it sealed something. */
  head?: ChainHead;
}

/**
 * Seals up to `batchSize` committed entries into the chain, in id order within the batch: each gets the next
 * `chain_seq`, the previous entry's hash and its own. An entry that commits late (a lower id after higher ids
 * were sealed) is simply sealed in a later batch, further along the chain. Idempotent and safe to run from
 * every process at once: the advisory lock lets one through.
 */
export async function sealAuditLog(dataSource: DataSource, batchSize = 5000): Promise<SealOutcome> {
  return dataSource.transaction(async (manager) => {
    const [{ locked }]: Array<{ locked: boolean }> = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [auditSealLockKey]);
    if (!locked) return { sealed: null, oldestAgeSeconds: 0 };
    const rows: AuditContentRow[] = await manager.query(
      `SELECT ${contentColumns} FROM audit_log a WHERE a.hash IS NULL ORDER BY a.id LIMIT $1`,
      [batchSize],
    );
    if (rows.length === 0) return { sealed: 0, oldestAgeSeconds: 0 };
    const head: Array<{ seq: string; hash: string }> = await manager.query(
      `SELECT chain_seq::text AS seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1`,
    );
    let seq = BigInt(head[0]?.seq ?? '0');
    let previous = head[0]?.hash ?? genesisHash;
    const ids: string[] = [];
    const occurredAt: Date[] = [];
    const seqs: string[] = [];
    const previousHashes: string[] = [];
    const hashes: string[] = [];
    for (const row of rows) {
      seq += 1n;
      const hash = hashAuditEntry(previous, contentOf(row), sha256Hex);
      ids.push(row.id);
      occurredAt.push(row.occurred_at);
      seqs.push(seq.toString());
      previousHashes.push(previous);
      hashes.push(hash);
      previous = hash;
    }
    await manager.query(
      `UPDATE audit_log a SET chain_seq = v.seq, previous_hash = v.previous_hash, hash = v.hash, sealed_at = now()
       FROM unnest($1::bigint[], $2::timestamptz[], $3::bigint[], $4::text[], $5::text[]) AS v(id, occurred_at, seq, previous_hash, hash)
       WHERE a.id = v.id AND a.occurred_at = v.occurred_at AND a.hash IS NULL`,
      [ids, occurredAt, seqs, previousHashes, hashes],
    );
    const oldest = Math.min(...occurredAt.map((date) => date.getTime()));
    return {
      sealed: rows.length,
      oldestAgeSeconds: Math.max(0, (Date.now() - oldest) / 1000),
      head: { chainSeq: seq.toString(), hash: previous, entryId: ids[ids.length - 1]! },
    };
  });
}

/** Creates the monthly partitions of the audit log from this month up to `monthsAhead` months on. */
export async function ensureAuditPartitions(dataSource: DataSource, monthsAhead = 3): Promise<number> {
  const [{ created }]: Array<{ created: number }> = await dataSource.query(
    `SELECT audit_log_ensure_partitions(now(), now() + make_interval(months => $1)) AS created`,
    [monthsAhead],
  );
  return created;
}

export interface AuditVerdictBase {
  entries: number;
  unsealed: number;
  oldestUnsealedAt: string | null;
  /** The last signed checkpoint the chain was held against, when checkpoints were given. */
  checkpoint: { chainSeq: string; signedAt: string } | null;
}

export type AuditVerdict =
  | (AuditVerdictBase & { intact: true; lastHash: string })
  | (AuditVerdictBase & { intact: false; brokenAt: string; reason: string });

export interface VerifyOptions {
  pageSize?: number;
  /** Trusted (signature-checked) checkpoints: the chain must pass through each of them. */
  checkpoints?: AuditCheckpoint[];
}

/**
 * Walks the sealed chain in chain order, a page at a time, and names the first broken link; holds it against
 * every signed checkpoint given (a re-hashed chain no longer matches them); reports the tail of entries
 * written but not sealed yet (normally under a second old).
 */
export async function verifyAuditLog(dataSource: DataSource, options: VerifyOptions | number = {}): Promise<AuditVerdict> {
  const { pageSize = 5000, checkpoints = [] } = typeof options === 'number' ? { pageSize: options } : options;
  const [tail]: Array<{ unsealed: number; oldest: Date | null }> = await dataSource.query(
    `SELECT count(*)::int AS unsealed, min(occurred_at) AS oldest FROM audit_log WHERE hash IS NULL`,
  );
  const bySeq = new Map(checkpoints.map((checkpoint) => [checkpoint.chainSeq, checkpoint]));
  let lastCheckpoint: AuditCheckpoint | null = null;
  const base = () => ({
    unsealed: tail?.unsealed ?? 0,
    oldestUnsealedAt: tail?.oldest ? tail.oldest.toISOString() : null,
    checkpoint: lastCheckpoint ? { chainSeq: lastCheckpoint.chainSeq, signedAt: lastCheckpoint.signedAt } : null,
  });
  let lastHash = genesisHash;
  let afterSeq = '0';
  let total = 0;
  for (;;) {
    const rows: Array<SealedRow & { seq: string }> = await dataSource.query(
      `SELECT ${contentColumns}, a.chain_seq::text AS seq, a.previous_hash, a.hash
       FROM audit_log a WHERE a.chain_seq > $1 ORDER BY a.chain_seq LIMIT $2`,
      [afterSeq, pageSize],
    );
    if (rows.length === 0) break;
    const entries: ChainedAuditEntry[] = rows.map((row) => ({ ...contentOf(row), previousHash: row.previous_hash, hash: row.hash }));
    const verdict = verifyAuditChain(entries, sha256Hex, lastHash);
    if (!verdict.intact) return { ...verdict, entries: total + verdict.entries, ...base() };
    for (const [index, row] of rows.entries()) {
      // a removed entry leaves a gap in the sequence even when the hashes were recomputed around it
      if (BigInt(row.seq) !== BigInt(afterSeq) + BigInt(index + 1)) {
        return {
          intact: false,
          entries: total + index + 1,
          brokenAt: row.id,
          reason: `entry ${row.id} does not follow the entry before it (an entry was removed, inserted or reordered)`,
          ...base(),
        };
      }
      const checkpoint = bySeq.get(row.seq);
      if (checkpoint) {
        if (checkpoint.hash !== row.hash) {
          return {
            intact: false,
            entries: total + index + 1,
            brokenAt: row.id,
            reason: `entry ${row.id} (chain position ${row.seq}) differs from the checkpoint signed at ${checkpoint.signedAt}: the chain was rewritten up to here`,
            ...base(),
          };
        }
        lastCheckpoint = checkpoint;
      }
    }
    total += verdict.entries;
    lastHash = verdict.lastHash;
    afterSeq = rows[rows.length - 1]!.seq;
  }
  const beyond = checkpoints.filter((checkpoint) => BigInt(checkpoint.chainSeq) > BigInt(afterSeq)).pop();
  if (beyond) {
    return {
      intact: false,
      entries: total,
      brokenAt: beyond.entryId,
      reason: `the chain ends at position ${afterSeq}, but a checkpoint signed at ${beyond.signedAt} saw position ${beyond.chainSeq}: entries were removed`,
      ...base(),
    };
  }
  return { intact: true, entries: total, lastHash, ...base() };
}
