/**
 * The audit log is a hash chain: each entry's hash covers the previous entry's hash and the entry's
 * own content, so changing, removing or reordering any entry breaks every hash after it.
 * Hashing is injected (SHA-256 in production) to keep this module free of runtime APIs.
 */
export interface AuditEntryContent {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  outcome: 'allowed' | 'denied' | 'failed';
  entityType: string | null;
  entityId: string | null;
  diff: unknown;
  details: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface ChainedAuditEntry extends AuditEntryContent {
  previousHash: string;
  hash: string;
}

export type Sha256Hex = (text: string) => string;

/** The hash that precedes the first entry. */
export const genesisHash = '0'.repeat(64);

/** JSON with object keys sorted at every depth: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}

export function hashAuditEntry(previousHash: string, content: AuditEntryContent, sha256: Sha256Hex): string {
  return sha256(`${previousHash}\n${canonicalJson(content)}`);
}

export type ChainVerdict =
  | { intact: true; entries: number; lastHash: string }
  | { intact: false; entries: number; brokenAt: string; reason: string };

/**
 * Walks entries in chain order and names the first one whose link or content does not match.
 * `startHash` lets a long log be verified in pages.
 */
export function verifyAuditChain(
  entries: Iterable<ChainedAuditEntry>,
  sha256: Sha256Hex,
  startHash: string = genesisHash,
): ChainVerdict {
  let previous = startHash;
  let count = 0;
  for (const entry of entries) {
    count += 1;
    if (entry.previousHash !== previous) {
      return {
        intact: false,
        entries: count,
        brokenAt: entry.id,
        reason: `entry ${entry.id} does not follow the entry before it (an entry was removed, inserted or reordered)`,
      };
    }
    const { previousHash: _previous, hash, ...content } = entry;
    const expected = hashAuditEntry(previous, content, sha256);
    if (hash !== expected) {
      return {
        intact: false,
        entries: count,
        brokenAt: entry.id,
        reason: `entry ${entry.id} was changed after it was written (its hash does not match its content)`,
      };
    }
    previous = hash;
  }
  return { intact: true, entries: count, lastHash: previous };
}

/** Before/after of a write, keeping only the fields that changed; secrets never enter the log. */
export function auditDiff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  secretFields: readonly string[] = ['passwordHash', 'password', 'totpSecret', 'tokenHash'],
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const clean = (value: Record<string, unknown> | null) =>
    value && Object.fromEntries(Object.entries(value).map(([key, item]) => [key, secretFields.includes(key) ? '[secret]' : item]));
  if (!before || !after) return { before: clean(before), after: clean(after) };
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = [...keys].filter((key) => canonicalJson(before[key]) !== canonicalJson(after[key]));
  const pick = (value: Record<string, unknown>) => clean(Object.fromEntries(changed.map((key) => [key, value[key] ?? null])));
  return { before: pick(before), after: pick(after) };
}
