import {
  CaseAction,
  CaseStatus,
  CaseTransition,
  DecisionOutcome,
  Permission,
  renderCode,
  Role,
  rolePermissions,
  workingGroupRoles,
  type CaseActionOption,
  type CaseRefusal,
  type CaseTransitionOption,
  type CodeParams,
  type ConclusionRecommendation,
} from '@aqtalu/contracts';
import { supportedOutcomes, type QuorumRefusal, type VoteTally } from './quorum.js';

/**
 * The case lifecycle — one table, every rule visible (DESIGN.md §1). Each transition names the states
 * it starts from, the state it leads to, the roles that may take it, the guards that must hold, and
 * its effects; each action (edit the file, request an archive, upload, draft and sign the conclusion,
 * put on the agenda, vote) names the states it is open in, the roles that do it and its guards. Pure:
 * the caller gathers a snapshot of the case, this module decides, and says why not as codes.
 */

/** What the guards need to know about a case, gathered by the caller in one place. */
export interface CaseSnapshot {
  status: CaseStatus;
  hasApplicant: boolean;
  subjectCount: number;
  archiveRequests: { total: number; unsettled: number };
  conclusion: null | { signed: boolean; signedForCurrentVersion: boolean; recommendation: ConclusionRecommendation };
  /** The agenda item awaiting the decision: its quorum and the votes cast on it. */
  agenda: null | { quorum: { reached: boolean; refusal: QuorumRefusal | null }; votes: VoteTally };
  certificates: { expected: number; rendered: number };
}

export interface TransitionInput {
  /** Why: required where a person's decision must be explained (returns, decisions, reopening). */
  reason?: string;
}

export type Audience = 'working_group' | 'secretary' | 'commission' | 'applicant' | 'liaisons';

export type Effect =
  | { kind: 'notify'; audience: Audience; message: string }
  | { kind: 'job'; job: 'render-certificates' }
  | { kind: 'record-decision' }
  | { kind: 'spin-off-exceptions' };

export interface Guard {
  /** Stable id, for tests and the API's list of unmet conditions. */
  id: string;
  /** null when met; otherwise the refusal: a code with params and the English text. */
  check(snapshot: CaseSnapshot, input: TransitionInput): CaseRefusal | null;
}

export interface TransitionRule {
  from: readonly CaseStatus[];
  to: CaseStatus;
  roles: readonly Role[];
  guards: readonly Guard[];
  effects: readonly Effect[];
}

/** A refusal with its English text, filled from the catalogue's template of its code. */
export function refusal<C extends CaseRefusal['code']>(code: C, ...[params]: CodeParams[C] extends Record<string, never> ? [params?: CodeParams[C]] : [params: CodeParams[C]]): CaseRefusal {
  const filled = (params ?? {}) as CodeParams[C];
  return { code, params: filled, detail: renderCode(code, filled) } as CaseRefusal;
}

// Guards -------------------------------------------------------------------------------------------

export const hasApplicant: Guard = {
  id: 'has-applicant',
  check: (s) => (s.hasApplicant ? null : refusal('case.applicant_missing')),
};

export const hasSubjects: Guard = {
  id: 'has-subjects',
  check: (s) => (s.subjectCount > 0 ? null : refusal('case.subjects_missing')),
};

export const archiveRequested: Guard = {
  id: 'archive-requested',
  check: (s) => (s.archiveRequests.total > 0 ? null : refusal('case.archive_not_requested')),
};

export const archiveRequestsSettled: Guard = {
  id: 'archive-requests-settled',
  check: (s) => (s.archiveRequests.unsettled === 0 ? null : refusal('case.archive_requests_open', { unsettled: s.archiveRequests.unsettled })),
};

export const conclusionDrafted: Guard = {
  id: 'conclusion-drafted',
  check: (s) => (s.conclusion ? null : refusal('case.conclusion_missing')),
};

export const conclusionSigned: Guard = {
  id: 'conclusion-signed',
  check: (s) => {
    if (!s.conclusion) return refusal('case.conclusion_missing');
    if (!s.conclusion.signed) return refusal('case.conclusion_unsigned');
    if (!s.conclusion.signedForCurrentVersion) return refusal('case.conclusion_outdated');
    return null;
  },
};

export const onAgenda: Guard = {
  id: 'on-agenda',
  check: (s) => (s.agenda ? null : refusal('case.not_on_agenda')),
};

export const notOnAgenda: Guard = {
  id: 'not-on-agenda',
  check: (s) => (s.agenda ? refusal('case.already_on_agenda') : null),
};

export const quorumReached: Guard = {
  id: 'quorum-reached',
  check: (s) => {
    const missing = s.agenda && !s.agenda.quorum.reached ? s.agenda.quorum.refusal : null;
    return missing ? ({ ...missing, detail: renderCode(missing.code, missing.params) } as CaseRefusal) : null;
  },
};

/**
 * The chair records the decision the votes support (`supportedOutcomes`): never one against the
 * majority of votes cast, and without a majority only a return for more evidence.
 */
export function votesSupport(outcome: DecisionOutcome): Guard {
  return {
    id: 'votes-support',
    check: (s) => {
      if (!s.agenda) return null; // on-agenda says why
      const supported = supportedOutcomes(s.agenda.votes, s.conclusion?.recommendation ?? null);
      if (supported.includes(outcome)) return null;
      const { for: votesFor, against: votesAgainst, abstain: abstentions } = s.agenda.votes;
      return refusal('case.decision_against_votes', { outcome, supported, votesFor, votesAgainst, abstentions });
    },
  };
}

export const reasonGiven: Guard = {
  id: 'reason-given',
  check: (_s, input) => ((input.reason ?? '').trim().length >= 3 ? null : refusal('case.reason_required')),
};

export const certificatesRendered: Guard = {
  id: 'certificates-rendered',
  check: (s) =>
    s.certificates.expected > 0 && s.certificates.rendered === s.certificates.expected
      ? null
      : refusal('case.certificates_pending', { rendered: s.certificates.rendered, expected: s.certificates.expected }),
};

// The table ----------------------------------------------------------------------------------------

const S = CaseStatus;
const T = CaseTransition;
const workingGroup = workingGroupRoles;

export const transitions: { readonly [N in CaseTransition]: TransitionRule } = {
  [T.Submit]: {
    from: [S.Draft],
    to: S.Submitted,
    roles: [Role.Secretary, ...workingGroup],
    guards: [hasApplicant, hasSubjects],
    effects: [{ kind: 'notify', audience: 'secretary', message: 'case.submitted' }],
  },
  [T.StartIntake]: { from: [S.Submitted], to: S.IntakeReview, roles: [Role.Secretary], guards: [], effects: [] },
  [T.ReturnToApplicant]: {
    from: [S.IntakeReview],
    to: S.ReturnedToApplicant,
    roles: [Role.Secretary],
    guards: [reasonGiven],
    effects: [{ kind: 'notify', audience: 'applicant', message: 'case.returned_to_applicant' }],
  },
  [T.Resubmit]: {
    from: [S.ReturnedToApplicant],
    to: S.Submitted,
    roles: [Role.Secretary, ...workingGroup],
    guards: [hasApplicant, hasSubjects],
    effects: [{ kind: 'notify', audience: 'secretary', message: 'case.resubmitted' }],
  },
  [T.AcceptForVerification]: {
    from: [S.IntakeReview],
    to: S.ArchiveVerification,
    roles: [Role.Secretary],
    guards: [hasApplicant, hasSubjects],
    effects: [{ kind: 'notify', audience: 'working_group', message: 'case.accepted' }],
  },
  [T.CompleteVerification]: {
    from: [S.ArchiveVerification],
    to: S.WorkingGroupReview,
    roles: workingGroup,
    guards: [archiveRequested, archiveRequestsSettled],
    effects: [],
  },
  [T.ReopenVerification]: {
    from: [S.WorkingGroupReview],
    to: S.ArchiveVerification,
    roles: workingGroup,
    guards: [reasonGiven],
    effects: [],
  },
  [T.SubmitToCommission]: {
    from: [S.WorkingGroupReview],
    to: S.CommissionReview,
    roles: [Role.WgLead],
    guards: [conclusionSigned],
    effects: [{ kind: 'notify', audience: 'secretary', message: 'case.ready_for_commission' }],
  },
  [T.Rehabilitate]: {
    from: [S.CommissionReview],
    to: S.Rehabilitated,
    roles: [Role.Chair],
    guards: [onAgenda, quorumReached, votesSupport(DecisionOutcome.Rehabilitated), reasonGiven],
    effects: [
      { kind: 'record-decision' },
      { kind: 'spin-off-exceptions' },
      { kind: 'job', job: 'render-certificates' },
      { kind: 'notify', audience: 'working_group', message: 'case.rehabilitated' },
      { kind: 'notify', audience: 'applicant', message: 'case.rehabilitated' },
    ],
  },
  [T.Reject]: {
    from: [S.CommissionReview],
    to: S.Rejected,
    roles: [Role.Chair],
    guards: [onAgenda, quorumReached, votesSupport(DecisionOutcome.Rejected), reasonGiven],
    effects: [
      { kind: 'record-decision' },
      { kind: 'spin-off-exceptions' },
      { kind: 'notify', audience: 'working_group', message: 'case.rejected' },
      { kind: 'notify', audience: 'applicant', message: 'case.rejected' },
    ],
  },
  [T.ReturnForEvidence]: {
    from: [S.CommissionReview],
    to: S.ArchiveVerification,
    roles: [Role.Chair],
    guards: [onAgenda, quorumReached, votesSupport(DecisionOutcome.ReturnedForEvidence), reasonGiven],
    effects: [
      { kind: 'record-decision' },
      { kind: 'notify', audience: 'working_group', message: 'case.returned_for_evidence' },
    ],
  },
  [T.IssueCertificates]: {
    from: [S.Rehabilitated],
    to: S.CertificateIssued,
    roles: [Role.Secretary],
    guards: [certificatesRendered],
    effects: [{ kind: 'notify', audience: 'applicant', message: 'case.certificate_issued' }],
  },
  [T.Close]: {
    from: [S.CertificateIssued, S.Rejected],
    to: S.Closed,
    roles: [Role.Secretary],
    guards: [],
    effects: [],
  },
  [T.Reopen]: {
    from: [S.Closed],
    to: S.IntakeReview,
    roles: [Role.Secretary],
    guards: [reasonGiven],
    effects: [{ kind: 'notify', audience: 'working_group', message: 'case.reopened' }],
  },
};

/** The transitions that decide a case, with the outcome each records: they need an agenda, a quorum and the votes. */
export const decisionOutcomes: { readonly [N in CaseTransition]?: DecisionOutcome } = {
  [T.Rehabilitate]: DecisionOutcome.Rehabilitated,
  [T.Reject]: DecisionOutcome.Rejected,
  [T.ReturnForEvidence]: DecisionOutcome.ReturnedForEvidence,
};

export const decisionTransitions: ReadonlySet<CaseTransition> = new Set(Object.keys(decisionOutcomes) as CaseTransition[]);

export type TransitionVerdict =
  | { allowed: true; to: CaseStatus; effects: readonly Effect[] }
  /** `forbidden`: the role may not (403); `conflict`: not now (409: wrong state or an unmet guard). */
  | { allowed: false; kind: 'forbidden' | 'conflict'; reasons: CaseRefusal[] };

export function evaluateTransition(name: CaseTransition, snapshot: CaseSnapshot, role: Role, input: TransitionInput = {}): TransitionVerdict {
  const rule = transitions[name];
  if (!rule.roles.includes(role)) {
    return { allowed: false, kind: 'forbidden', reasons: [refusal('case.transition_role', { transition: name, role, roles: [...rule.roles] })] };
  }
  if (!rule.from.includes(snapshot.status)) {
    return { allowed: false, kind: 'conflict', reasons: [refusal('case.transition_state', { transition: name, status: snapshot.status, from: [...rule.from] })] };
  }
  const reasons = rule.guards.map((guard) => guard.check(snapshot, input)).filter((reason): reason is CaseRefusal => reason !== null);
  return reasons.length === 0 ? { allowed: true, to: rule.to, effects: rule.effects } : { allowed: false, kind: 'conflict', reasons };
}

export type AvailableTransition = CaseTransitionOption;

/** What a user may do with the case now, and for the transitions of the current state, why not. */
export function availableTransitions(snapshot: CaseSnapshot, role: Role): CaseTransitionOption[] {
  return (Object.keys(transitions) as CaseTransition[])
    .filter((name) => transitions[name].from.includes(snapshot.status))
    .map((name) => {
      const rule = transitions[name];
      const needsReason = rule.guards.includes(reasonGiven);
      const verdict = evaluateTransition(name, snapshot, role, needsReason ? { reason: 'to be given' } : {});
      return { name, to: rule.to, allowed: verdict.allowed, reasons: verdict.allowed ? [] : verdict.reasons, needsReason, decides: decisionOutcomes[name] ?? null };
    });
}

// Actions: what a state allows besides its transitions ---------------------------------------------

export interface ActionRule {
  /**
   * Per state, whether the action is open: every state has an entry (the type and a test hold it), so a
   * new state cannot be added without deciding what it allows.
   */
  states: { readonly [S in CaseStatus]: boolean };
  /** The permission of the route that does it; the roles are the role map's holders of it. */
  permission: Permission;
  roles: readonly Role[];
  guards: readonly Guard[];
}

const holdersOf = (permission: Permission): Role[] => (Object.keys(rolePermissions) as Role[]).filter((role) => rolePermissions[role].includes(permission));

/** Opens an action in the listed states and closes it in every other one. */
function openIn(...open: CaseStatus[]): { readonly [St in CaseStatus]: boolean } {
  return Object.fromEntries(Object.values(CaseStatus).map((state) => [state, open.includes(state)])) as { [St in CaseStatus]: boolean };
}

const action = (permission: Permission, states: ActionRule['states'], guards: readonly Guard[] = []): ActionRule => ({ states, permission, roles: holdersOf(permission), guards });

/** While the file is being put together and verified; a case before the commission or decided is fixed. */
const fileOpen = [S.Draft, S.Submitted, S.IntakeReview, S.ReturnedToApplicant, S.ArchiveVerification, S.WorkingGroupReview];
const A = CaseAction;

export const caseActions: { readonly [N in CaseAction]: ActionRule } = {
  [A.Edit]: action(Permission.CasesUpdate, openIn(...fileOpen)),
  [A.RequestArchive]: action(Permission.ArchiveRequestsCreate, openIn(S.ArchiveVerification)),
  [A.UploadEvidence]: action(Permission.EvidenceUpload, openIn(...fileOpen)),
  [A.DraftConclusion]: action(Permission.ConclusionsDraft, openIn(S.WorkingGroupReview)),
  [A.SignConclusion]: action(Permission.ConclusionsSign, openIn(S.WorkingGroupReview), [conclusionDrafted]),
  [A.PutOnAgenda]: action(Permission.CommissionManage, openIn(S.CommissionReview), [conclusionSigned, notOnAgenda]),
  [A.Vote]: action(Permission.CommissionVote, openIn(S.CommissionReview), [onAgenda]),
};

export type ActionVerdict = { allowed: true } | { allowed: false; kind: 'forbidden' | 'conflict'; reasons: CaseRefusal[] };

export function evaluateAction(name: CaseAction, snapshot: CaseSnapshot, role: Role): ActionVerdict {
  const rule = caseActions[name];
  if (!rule.roles.includes(role)) return { allowed: false, kind: 'forbidden', reasons: [refusal('case.action_role', { action: name, role, roles: [...rule.roles] })] };
  if (!rule.states[snapshot.status]) {
    const states = Object.values(CaseStatus).filter((state) => rule.states[state]);
    return { allowed: false, kind: 'conflict', reasons: [refusal('case.action_state', { action: name, status: snapshot.status, states })] };
  }
  const reasons = rule.guards.map((guard) => guard.check(snapshot, {})).filter((reason): reason is CaseRefusal => reason !== null);
  return reasons.length === 0 ? { allowed: true } : { allowed: false, kind: 'conflict', reasons };
}

/** Every action, open or not for this role now, with why not. */
export function availableActions(snapshot: CaseSnapshot, role: Role): CaseActionOption[] {
  return Object.values(CaseAction).map((name) => {
    const verdict = evaluateAction(name, snapshot, role);
    return { name, allowed: verdict.allowed, reasons: verdict.allowed ? [] : verdict.reasons };
  });
}

/** A refusal of the lifecycle, thrown by `assertActionAllowed`; the server answers it as 403 or 409. */
export class CaseRuleRefusal extends Error {
  constructor(
    readonly kind: 'forbidden' | 'conflict',
    readonly reasons: CaseRefusal[],
  ) {
    super(reasons.map((reason) => reason.detail).join('; '));
    this.name = 'CaseRuleRefusal';
  }
}

/** The one question a service asks before an action: throws `CaseRuleRefusal` when the table says no. */
export function assertActionAllowed(name: CaseAction, snapshot: CaseSnapshot, role: Role): void {
  const verdict = evaluateAction(name, snapshot, role);
  if (!verdict.allowed) throw new CaseRuleRefusal(verdict.kind, verdict.reasons);
}

/** Where a case is, as far as who may see it is concerned (see the access policy). */
export function stageOf(status: CaseStatus): 'working' | 'commission' | 'closed' {
  switch (status) {
    case S.CommissionReview:
      return 'commission';
    case S.Rehabilitated:
    case S.Rejected:
    case S.CertificateIssued:
    case S.Closed:
      return 'closed';
    default:
      return 'working';
  }
}
