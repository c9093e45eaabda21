import { allRoles, CaseStatus, CaseTransition, Role } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import {
  availableTransitions,
  evaluateTransition,
  stageOf,
  transitions,
  type CaseSnapshot,
  type Guard,
} from './case-lifecycle.js';

/** A case for which every guard holds. */
function readyCase(status: CaseStatus): CaseSnapshot {
  return {
    status,
    hasApplicant: true,
    subjectCount: 1,
    archiveRequests: { total: 2, unsettled: 0 },
    conclusion: { signed: true, signedForCurrentVersion: true },
    agenda: { quorumReached: true, quorumNote: '5 of 7 present, 5 voted' },
    certificates: { expected: 1, rendered: 1 },
  };
}

/** The same case with exactly one guard broken. */
const breaking: Record<string, (s: CaseSnapshot) => CaseSnapshot> = {
  'has-applicant': (s) => ({ ...s, hasApplicant: false }),
  'has-subjects': (s) => ({ ...s, subjectCount: 0 }),
  'archive-requested': (s) => ({ ...s, archiveRequests: { total: 0, unsettled: 0 } }),
  'archive-requests-settled': (s) => ({ ...s, archiveRequests: { total: 2, unsettled: 1 } }),
  'conclusion-signed': (s) => ({ ...s, conclusion: { signed: false, signedForCurrentVersion: false } }),
  'on-agenda': (s) => ({ ...s, agenda: null }),
  'quorum-reached': (s) => ({ ...s, agenda: { quorumReached: false, quorumNote: '3 of 7 members present, 4 needed' } }),
  'certificates-rendered': (s) => ({ ...s, certificates: { expected: 2, rendered: 1 } }),
};

const reason = { reason: 'the troika protocol proves an extrajudicial sentence' };

describe('case lifecycle: every transition × every role × every guard', () => {
  for (const name of Object.values(CaseTransition)) {
    const rule = transitions[name];
    const from = rule.from[0]!;

    describe(name, () => {
      for (const role of allRoles) {
        if (rule.roles.includes(role)) {
          it(`lets ${role} take it from ${from} to ${rule.to} when every guard holds`, () => {
            const sut = evaluateTransition(name, readyCase(from), role, reason);
            expect(sut).toEqual({ allowed: true, to: rule.to, effects: rule.effects });
          });
        } else {
          it(`forbids ${role}`, () => {
            const sut = evaluateTransition(name, readyCase(from), role, reason);
            expect(sut).toMatchObject({ allowed: false, kind: 'forbidden' });
          });
        }
      }

      const allowedRole = rule.roles[0]!;
      for (const guard of rule.guards as Guard[]) {
        it(`refuses with the reason of ${guard.id} when it does not hold`, () => {
          const snapshot = guard.id === 'reason-given' ? readyCase(from) : breaking[guard.id]!(readyCase(from));
          const input = guard.id === 'reason-given' ? { reason: ' ' } : reason;
          const sut = evaluateTransition(name, snapshot, allowedRole, input);
          expect(sut.allowed).toBe(false);
          if (!sut.allowed) {
            expect(sut.kind).toBe('conflict');
            expect(sut.reasons).toEqual([guard.check(snapshot, input)]);
          }
        });
      }

      for (const status of Object.values(CaseStatus).filter((s) => !rule.from.includes(s))) {
        it(`refuses a case that is ${status} with 409`, () => {
          const sut = evaluateTransition(name, readyCase(status), allowedRole, reason);
          expect(sut).toEqual({
            allowed: false,
            kind: 'conflict',
            reasons: [`the case is ${status}; ${name} applies to a case that is ${rule.from.join(' or ')}`],
          });
        });
      }
    });
  }

  it('has a guard breaker for every guard used in the table, so no guard goes untested', () => {
    const used = new Set(Object.values(transitions).flatMap((rule) => rule.guards.map((guard) => guard.id)));
    used.delete('reason-given');
    expect([...used].sort()).toEqual(Object.keys(breaking).sort());
  });

  it('reaches every state from draft', () => {
    const reached = new Set<CaseStatus>([CaseStatus.Draft]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const rule of Object.values(transitions)) {
        if (rule.from.some((state) => reached.has(state)) && !reached.has(rule.to)) {
          reached.add(rule.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual(Object.values(CaseStatus).sort());
  });
});

describe('case lifecycle: rules in words', () => {
  it('refuses sending to the commission when the case changed after signing', () => {
    const snapshot = { ...readyCase(CaseStatus.WorkingGroupReview), conclusion: { signed: true, signedForCurrentVersion: false } };
    expect(evaluateTransition(CaseTransition.SubmitToCommission, snapshot, Role.WgLead)).toEqual({
      allowed: false,
      kind: 'conflict',
      reasons: ['the case changed after the conclusion was signed: the lead must sign it again'],
    });
  });

  it('refuses a decision without quorum, saying how many are missing', () => {
    const snapshot = { ...readyCase(CaseStatus.CommissionReview), agenda: { quorumReached: false, quorumNote: '3 of 7 members present, 4 needed' } };
    const sut = evaluateTransition(CaseTransition.Rehabilitate, snapshot, Role.Chair, reason);
    expect(sut).toMatchObject({ allowed: false, kind: 'conflict', reasons: ['no quorum: 3 of 7 members present, 4 needed'] });
  });

  it('returns a case for more evidence to archive verification', () => {
    expect(evaluateTransition(CaseTransition.ReturnForEvidence, readyCase(CaseStatus.CommissionReview), Role.Chair, reason)).toMatchObject({
      allowed: true,
      to: CaseStatus.ArchiveVerification,
    });
  });

  it('lists what a user may do now and why not', () => {
    const snapshot = { ...readyCase(CaseStatus.ArchiveVerification), archiveRequests: { total: 2, unsettled: 1 } };
    expect(availableTransitions(snapshot, Role.WgMember)).toEqual([
      {
        name: CaseTransition.CompleteVerification,
        to: CaseStatus.WorkingGroupReview,
        allowed: false,
        reasons: ['1 archive request(s) are still open: wait for the answers or cancel them'],
        needsReason: false,
      },
    ]);
    expect(availableTransitions(readyCase(CaseStatus.CommissionReview), Role.Chair).map((t) => [t.name, t.allowed, t.needsReason])).toEqual([
      [CaseTransition.Rehabilitate, true, true],
      [CaseTransition.Reject, true, true],
      [CaseTransition.ReturnForEvidence, true, true],
    ]);
  });

  it('puts decided cases where the commission and the working group still see them', () => {
    expect(stageOf(CaseStatus.CommissionReview)).toBe('commission');
    expect(stageOf(CaseStatus.Closed)).toBe('closed');
    expect(stageOf(CaseStatus.ArchiveVerification)).toBe('working');
  });
});
