import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  auditDiff,
  canonicalJson,
  genesisHash,
  hashAuditEntry,
  verifyAuditChain,
  type AuditEntryContent,
  type ChainedAuditEntry,
} from './audit-chain.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function content(id: number, action = 'case.read'): AuditEntryContent {
  return {
    id: String(id),
    occurredAt: `2026-11-24T10:00:0${id}.000Z`,
    actorId: 'a1',
    actorRole: 'wg_member',
    action,
    outcome: 'allowed',
    entityType: 'case',
    entityId: `c${id}`,
    diff: null,
    details: { region: 'ALM', nested: { b: 2, a: 1 } },
    requestId: `r${id}`,
    ip: '127.0.0.1',
  };
}

function chain(count: number): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  let previous = genesisHash;
  for (let i = 1; i <= count; i += 1) {
    const item = content(i);
    const hash = hashAuditEntry(previous, item, sha256);
    entries.push({ ...item, previousHash: previous, hash });
    previous = hash;
  }
  return entries;
}

describe('audit hash chain', () => {
  it('accepts an untouched chain', () => {
    expect(verifyAuditChain(chain(5), sha256)).toMatchObject({ intact: true, entries: 5 });
  });

  it('names the entry whose content was changed', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, action: 'case.update' };
    expect(verifyAuditChain(entries, sha256)).toMatchObject({ intact: false, brokenAt: '3', reason: expect.stringContaining('changed') });
  });

  it('names the entry after a removed one', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyAuditChain(entries, sha256)).toMatchObject({ intact: false, brokenAt: '3', reason: expect.stringContaining('removed') });
  });

  it('detects a recomputed hash that no longer links to the next entry', () => {
    const entries = chain(4);
    const forged = { ...entries[1]!, actorId: 'someone-else' };
    forged.hash = hashAuditEntry(forged.previousHash, (({ previousHash: _p, hash: _h, ...rest }) => rest)(forged), sha256);
    entries[1] = forged;
    expect(verifyAuditChain(entries, sha256)).toMatchObject({ intact: false, brokenAt: '3' });
  });

  it('verifies a long log page by page from the last verified hash', () => {
    const entries = chain(6);
    const first = verifyAuditChain(entries.slice(0, 3), sha256);
    expect(first.intact).toBe(true);
    const second = verifyAuditChain(entries.slice(3), sha256, first.intact ? first.lastHash : '');
    expect(second).toMatchObject({ intact: true, entries: 3 });
  });

  it('serialises objects the same whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

describe('audit diff', () => {
  it('keeps only the changed fields of a write', () => {
    expect(auditDiff({ role: 'wg_member', email: 'a@b.kz', version: 1 }, { role: 'wg_lead', email: 'a@b.kz', version: 2 })).toEqual({
      before: { role: 'wg_member', version: 1 },
      after: { role: 'wg_lead', version: 2 },
    });
  });

  it('never writes a secret into the log', () => {
    const sut = auditDiff({ passwordHash: 'old' }, { passwordHash: 'new' });
    expect(sut).toEqual({ before: { passwordHash: '[secret]' }, after: { passwordHash: '[secret]' } });
    expect(auditDiff(null, { email: 'x@y.kz', password: 'p' }).after).toEqual({ email: 'x@y.kz', password: '[secret]' });
  });
});
