import {
  allRoles,
  CaseAction,
  CaseStatus,
  CaseTransition,
  ConclusionRecommendation,
  DecisionOutcome,
  hasPermission,
  Role,
} from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import {
  assertActionAllowed,
  availableActions,
  availableTransitions,
  caseActions,
  CaseRuleRefusal,
  decisionOutcomes,
  evaluateAction,
  evaluateTransition,
  refusal,
  stageOf,
  transitions,
  type CaseSnapshot,
  type Guard,
} from './case-lifecycle.js';
import { outcomeOfRecommendation } from './quorum.js';

const recommendationFor: Record<DecisionOutcome, ConclusionRecommendation> = Object.fromEntries(
  Object.entries(outcomeOfRecommendation).map(([recommendation, outcome]) => [outcome, recommendation]),
) as Record<DecisionOutcome, ConclusionRecommendation>;

/**
 * A case for which every guard holds; for a decision, the conclusion recommends its outcome and four of
 * five members voted for it.
 */
function readyCase(status: CaseStatus, transition?: CaseTransition): CaseSnapshot {
  const outcome = transition ? decisionOutcomes[transition] : undefined;
  return {
    status,
    hasApplicant: true,
    subjectCount: 1,
    archiveRequests: { total: 2, unsettled: 0 },
    conclusion: { signed: true, signedForCurrentVersion: true, recommendation: outcome ? recommendationFor[outcome] : ConclusionRecommendation.Rehabilitate },
    agenda: { quorum: { reached: true, refusal: null }, votes: { for: 4, against: 0, abstain: 1 } },
    certificates: { expected: 1, rendered: 1 },
  };
}

/** The same case with exactly one guard broken. */
const breaking: Record<string, (s: CaseSnapshot) => CaseSnapshot> = {
  'has-applicant': (s) => ({ ...s, hasApplicant: false }),
  'has-subjects': (s) => ({ ...s, subjectCount: 0 }),
  'archive-requested': (s) => ({ ...s, archiveRequests: { total: 0, unsettled: 0 } }),
  'archive-requests-settled': (s) => ({ ...s, archiveRequests: { total: 2, unsettled: 1 } }),
  'conclusion-drafted': (s) => ({ ...s, conclusion: null }),
  'conclusion-signed': (s) => ({ ...s, conclusion: { ...s.conclusion!, signed: false, signedForCurrentVersion: false } }),
  'on-agenda': (s) => ({ ...s, agenda: null }),
  'not-on-agenda': (s) => ({ ...s, agenda: { quorum: { reached: false, refusal: { code: 'quorum.too_few_votes', params: { votes: 0, present: 5, required: 3 } } }, votes: { for: 0, against: 0, abstain: 0 } } }),
  'quorum-reached': (s) => ({
    ...s,
    agenda: { ...s.agenda!, quorum: { reached: false, refusal: { code: 'quorum.too_few_present', params: { present: 3, total: 7, required: 4 } } } },
  }),
  // every vote against the recommendation: the votes support another outcome
  'votes-support': (s) => ({ ...s, agenda: { ...s.agenda!, votes: { for: 0, against: 5, abstain: 0 } } }),
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
            const sut = evaluateTransition(name, readyCase(from, name), role, reason);
            expect(sut).toEqual({ allowed: true, to: rule.to, effects: rule.effects });
          });
        } else {
          it(`forbids ${role}`, () => {
            const sut = evaluateTransition(name, readyCase(from, name), role, reason);
            expect(sut).toMatchObject({ allowed: false, kind: 'forbidden' });
          });
        }
      }

      const allowedRole = rule.roles[0]!;
      for (const guard of rule.guards as Guard[]) {
        it(`refuses with the reason of ${guard.id} when it does not hold`, () => {
          const snapshot = guard.id === 'reason-given' ? readyCase(from, name) : breaking[guard.id]!(readyCase(from, name));
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
          const sut = evaluateTransition(name, readyCase(status, name), allowedRole, reason);
          expect(sut).toEqual({
            allowed: false,
            kind: 'conflict',
            reasons: [
              {
                code: 'case.transition_state',
                params: { transition: name, status, from: rule.from },
                detail: `the case is ${status}; ${name} applies to a case that is ${rule.from.join(', ')}`,
              },
            ],
          });
        });
      }
    });
  }

  it('has a guard breaker for every guard used in the table, so no guard goes untested', () => {
    const used = new Set(
      [...Object.values(transitions), ...Object.values(caseActions)].flatMap((rule) => rule.guards.map((guard) => guard.id)),
    );
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

/** A case in which every guard of the action holds: only a case on no agenda yet goes on one. */
function readyForAction(status: CaseStatus, name: CaseAction): CaseSnapshot {
  const snapshot = readyCase(status);
  return name === CaseAction.PutOnAgenda ? { ...snapshot, agenda: null } : snapshot;
}

describe('case actions: every action × every state × every role', () => {
  for (const name of Object.values(CaseAction)) {
    const rule = caseActions[name];
    const openStates = Object.values(CaseStatus).filter((state) => rule.states[state]);

    describe(name, () => {
      for (const status of Object.values(CaseStatus)) {
        for (const role of allRoles) {
          const mayDo = rule.roles.includes(role);
          const open = rule.states[status];
          const expected = !mayDo ? 'forbidden (403)' : open ? 'allowed' : 'refused (409)';
          it(`is ${expected} for ${role} on a case that is ${status}`, () => {
            const sut = evaluateAction(name, readyForAction(status, name), role);
            if (!mayDo) {
              expect(sut).toEqual({
                allowed: false,
                kind: 'forbidden',
                reasons: [refusal('case.action_role', { action: name, role, roles: [...rule.roles] })],
              });
            } else if (!open) {
              expect(sut).toEqual({
                allowed: false,
                kind: 'conflict',
                reasons: [refusal('case.action_state', { action: name, status, states: openStates })],
              });
              expect(sut.allowed ? '' : sut.reasons[0]!.detail).toBe(`the case is ${status}; ${name} is open while it is ${openStates.join(', ')}`);
            } else {
              expect(sut).toEqual({ allowed: true });
            }
          });
        }
      }

      for (const guard of rule.guards) {
        it(`refuses with the reason of ${guard.id} when it does not hold`, () => {
          const snapshot = breaking[guard.id]!(readyForAction(openStates[0]!, name));
          const sut = evaluateAction(name, snapshot, rule.roles[0]!);
          expect(sut).toEqual({ allowed: false, kind: 'conflict', reasons: [guard.check(snapshot, {})] });
        });
      }

      it(`is done by exactly the roles the role map gives ${rule.permission}`, () => {
        expect(allRoles.filter((role) => rule.roles.includes(role))).toEqual(allRoles.filter((role) => hasPermission(role, rule.permission)));
      });
    });
  }

  it('is total: every action says for every state whether it is open, so a new state cannot be forgotten', () => {
    for (const name of Object.values(CaseAction)) {
      const rule = caseActions[name];
      expect(Object.keys(rule.states).sort(), name).toEqual(Object.values(CaseStatus).sort());
      for (const status of Object.values(CaseStatus)) expect(typeof rule.states[status], `${name} in ${status}`).toBe('boolean');
      expect(Object.values(rule.states).some(Boolean), `${name} is open in some state`).toBe(true);
    }
    expect(Object.keys(caseActions).sort()).toEqual(Object.values(CaseAction).sort());
  });

  it('lists every action with why not, and throws the same refusal through assertActionAllowed', () => {
    const snapshot = readyCase(CaseStatus.CommissionReview);
    const sut = availableActions(snapshot, Role.WgMember);
    expect(sut.map((option) => option.name)).toEqual(Object.values(CaseAction));
    expect(sut.find((option) => option.name === CaseAction.Edit)).toEqual({
      name: CaseAction.Edit,
      allowed: false,
      reasons: [refusal('case.action_state', { action: CaseAction.Edit, status: CaseStatus.CommissionReview, states: [
        CaseStatus.Draft, CaseStatus.Submitted, CaseStatus.IntakeReview, CaseStatus.ReturnedToApplicant, CaseStatus.ArchiveVerification, CaseStatus.WorkingGroupReview,
      ] })],
    });
    expect(() => assertActionAllowed(CaseAction.Edit, snapshot, Role.WgMember)).toThrow(CaseRuleRefusal);
    try {
      assertActionAllowed(CaseAction.Vote, snapshot, Role.Secretary);
    } catch (error) {
      expect(error).toMatchObject({ kind: 'forbidden', reasons: [{ code: 'case.action_role', params: { action: 'vote', role: 'secretary', roles: ['commission_member', 'chair'] } }] });
    }
    expect(() => assertActionAllowed(CaseAction.Vote, snapshot, Role.CommissionMember)).not.toThrow();
  });

  it('closes drafting and signing once the case went to the commission, and voting until it is on an agenda', () => {
    const decided = readyCase(CaseStatus.Rehabilitated);
    expect(evaluateAction(CaseAction.DraftConclusion, decided, Role.WgMember)).toMatchObject({ allowed: false, reasons: [{ code: 'case.action_state' }] });
    expect(evaluateAction(CaseAction.SignConclusion, decided, Role.WgLead)).toMatchObject({ allowed: false, reasons: [{ code: 'case.action_state' }] });
    expect(evaluateAction(CaseAction.Vote, { ...readyCase(CaseStatus.CommissionReview), agenda: null }, Role.Chair)).toMatchObject({
      allowed: false,
      reasons: [{ code: 'case.not_on_agenda' }],
    });
  });
});

describe('case lifecycle: decisions bound to the votes', () => {
  const onAgendaWith = (recommendation: ConclusionRecommendation, votes: { for: number; against: number; abstain: number }): CaseSnapshot => {
    const ready = readyCase(CaseStatus.CommissionReview);
    return { ...ready, conclusion: { ...ready.conclusion!, recommendation }, agenda: { ...ready.agenda!, votes } };
  };
  const allowedDecisions = (snapshot: CaseSnapshot) =>
    availableTransitions(snapshot, Role.Chair).filter((option) => option.allowed).map((option) => option.name);

  it('refuses the chair a decision against the majority of votes cast, with a code', () => {
    const snapshot = onAgendaWith(ConclusionRecommendation.Rehabilitate, { for: 1, against: 4, abstain: 0 });
    expect(evaluateTransition(CaseTransition.Rehabilitate, snapshot, Role.Chair, reason)).toEqual({
      allowed: false,
      kind: 'conflict',
      reasons: [
        {
          code: 'case.decision_against_votes',
          params: { outcome: 'rehabilitated', supported: ['rejected', 'returned_for_evidence'], votesFor: 1, votesAgainst: 4, abstentions: 0 },
          detail:
            'the votes (1 for, 4 against, 0 abstaining) do not support rehabilitated (they support rejected, returned_for_evidence): the chair records the decision of the majority of votes cast',
        },
      ],
    });
  });

  it('lets the chair record what the majority supports: the recommendation when it is for, another outcome when it is against', () => {
    expect(allowedDecisions(onAgendaWith(ConclusionRecommendation.Rehabilitate, { for: 4, against: 0, abstain: 1 }))).toEqual([CaseTransition.Rehabilitate]);
    expect(allowedDecisions(onAgendaWith(ConclusionRecommendation.Rehabilitate, { for: 1, against: 3, abstain: 0 }))).toEqual([
      CaseTransition.Reject,
      CaseTransition.ReturnForEvidence,
    ]);
    expect(allowedDecisions(onAgendaWith(ConclusionRecommendation.Reject, { for: 3, against: 2, abstain: 0 }))).toEqual([CaseTransition.Reject]);
    expect(allowedDecisions(onAgendaWith(ConclusionRecommendation.InsufficientEvidence, { for: 3, against: 0, abstain: 0 }))).toEqual([CaseTransition.ReturnForEvidence]);
  });

  it('allows only a return for more evidence on a tie, or when abstentions leave no majority', () => {
    expect(allowedDecisions(onAgendaWith(ConclusionRecommendation.Rehabilitate, { for: 2, against: 2, abstain: 0 }))).toEqual([CaseTransition.ReturnForEvidence]);
    expect(allowedDecisions(onAgendaWith(ConclusionRecommendation.Rehabilitate, { for: 2, against: 1, abstain: 2 }))).toEqual([CaseTransition.ReturnForEvidence]);
    expect(evaluateTransition(CaseTransition.Rehabilitate, onAgendaWith(ConclusionRecommendation.Rehabilitate, { for: 2, against: 2, abstain: 0 }), Role.Chair, reason)).toMatchObject({
      allowed: false,
      reasons: [{ code: 'case.decision_against_votes', params: { supported: ['returned_for_evidence'] } }],
    });
  });
});

describe('case lifecycle: rules in words', () => {
  it('refuses sending to the commission when the case changed after signing', () => {
    const ready = readyCase(CaseStatus.WorkingGroupReview);
    const snapshot = { ...ready, conclusion: { ...ready.conclusion!, signedForCurrentVersion: false } };
    expect(evaluateTransition(CaseTransition.SubmitToCommission, snapshot, Role.WgLead)).toEqual({
      allowed: false,
      kind: 'conflict',
      reasons: [{ code: 'case.conclusion_outdated', params: {}, detail: 'the case changed after the conclusion was signed: the lead must sign it again' }],
    });
  });

  it('refuses a decision without quorum, saying how many are missing', () => {
    const ready = readyCase(CaseStatus.CommissionReview, CaseTransition.Rehabilitate);
    const snapshot = {
      ...ready,
      agenda: { ...ready.agenda!, quorum: { reached: false, refusal: { code: 'quorum.too_few_present' as const, params: { present: 3, total: 7, required: 4 } } } },
    };
    const sut = evaluateTransition(CaseTransition.Rehabilitate, snapshot, Role.Chair, reason);
    expect(sut).toMatchObject({
      allowed: false,
      kind: 'conflict',
      reasons: [{ code: 'quorum.too_few_present', params: { present: 3, total: 7, required: 4 }, detail: '3 of 7 members present, 4 needed' }],
    });
  });

  it('returns a case for more evidence to archive verification', () => {
    expect(evaluateTransition(CaseTransition.ReturnForEvidence, readyCase(CaseStatus.CommissionReview, CaseTransition.ReturnForEvidence), Role.Chair, reason)).toMatchObject({
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
        reasons: [{ code: 'case.archive_requests_open', params: { unsettled: 1 }, detail: '1 archive request(s) are still open: wait for the answers or cancel them' }],
        needsReason: false,
        decides: null,
      },
    ]);
    // four for a rehabilitation, one abstaining: the votes support rehabilitation only
    expect(availableTransitions(readyCase(CaseStatus.CommissionReview, CaseTransition.Rehabilitate), Role.Chair).map((t) => [t.name, t.allowed, t.needsReason, t.decides])).toEqual([
      [CaseTransition.Rehabilitate, true, true, DecisionOutcome.Rehabilitated],
      [CaseTransition.Reject, false, true, DecisionOutcome.Rejected],
      [CaseTransition.ReturnForEvidence, false, true, DecisionOutcome.ReturnedForEvidence],
    ]);
  });

  it('puts decided cases where the commission and the working group still see them', () => {
    expect(stageOf(CaseStatus.CommissionReview)).toBe('commission');
    expect(stageOf(CaseStatus.Closed)).toBe('closed');
    expect(stageOf(CaseStatus.ArchiveVerification)).toBe('working');
  });
});
