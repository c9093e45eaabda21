import { CaseStatus, CaseTransition, Role, workingGroupRoles } from '@aqtalu/contracts';

/**
 * The case lifecycle — one table, every rule visible (DESIGN.md §1). Each transition names the states
 * it starts from, the state it leads to, the roles that may take it, the guards that must hold, and
 * its effects. Pure: the caller gathers a snapshot of the case, this module decides.
 */

/** What the guards need to know about a case, gathered by the caller in one place. */
export interface CaseSnapshot {
  status: CaseStatus;
  hasApplicant: boolean;
  subjectCount: number;
  archiveRequests: { total: number; unsettled: number };
  conclusion: null | { signed: boolean; signedForCurrentVersion: boolean };
  agenda: null | { quorumReached: boolean; quorumNote: string };
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
  /** null when met; otherwise the reason, in words a person can act on. */
  check(snapshot: CaseSnapshot, input: TransitionInput): string | null;
}

export interface TransitionRule {
  from: readonly CaseStatus[];
  to: CaseStatus;
  roles: readonly Role[];
  guards: readonly Guard[];
  effects: readonly Effect[];
}

// Guards -------------------------------------------------------------------------------------------

export const hasApplicant: Guard = {
  id: 'has-applicant',
  check: (s) => (s.hasApplicant ? null : 'the case has no applicant: record who asks (a relative, an organisation or the working group)'),
};

export const hasSubjects: Guard = {
  id: 'has-subjects',
  check: (s) => (s.subjectCount > 0 ? null : 'the case names no repressed person: add at least one subject'),
};

export const archiveRequested: Guard = {
  id: 'archive-requested',
  check: (s) => (s.archiveRequests.total > 0 ? null : 'no archive has been asked yet: send at least one archive request'),
};

export const archiveRequestsSettled: Guard = {
  id: 'archive-requests-settled',
  check: (s) =>
    s.archiveRequests.unsettled === 0
      ? null
      : `${s.archiveRequests.unsettled} archive request(s) are still open: wait for the answers or cancel them`,
};

export const conclusionSigned: Guard = {
  id: 'conclusion-signed',
  check: (s) => {
    if (!s.conclusion) return 'there is no conclusion yet: a member drafts it and the lead signs it';
    if (!s.conclusion.signed) return 'the conclusion is not signed: the lead of the region signs it';
    if (!s.conclusion.signedForCurrentVersion) return 'the case changed after the conclusion was signed: the lead must sign it again';
    return null;
  },
};

export const onAgenda: Guard = {
  id: 'on-agenda',
  check: (s) => (s.agenda ? null : 'the case is on no commission session agenda: the secretary puts it on one'),
};

export const quorumReached: Guard = {
  id: 'quorum-reached',
  check: (s) => (!s.agenda || s.agenda.quorumReached ? null : `no quorum: ${s.agenda.quorumNote}`),
};

export const reasonGiven: Guard = {
  id: 'reason-given',
  check: (_s, input) => ((input.reason ?? '').trim().length >= 3 ? null : 'give the reasons (reason) for this step'),
};

export const certificatesRendered: Guard = {
  id: 'certificates-rendered',
  check: (s) =>
    s.certificates.expected > 0 && s.certificates.rendered === s.certificates.expected
      ? null
      : `certificates are not ready yet (${s.certificates.rendered} of ${s.certificates.expected} rendered)`,
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
    guards: [onAgenda, quorumReached, reasonGiven],
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
    guards: [onAgenda, quorumReached, reasonGiven],
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
    guards: [onAgenda, quorumReached, reasonGiven],
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

/** The transitions that decide a case: they need an agenda, a quorum and record the decision. */
export const decisionTransitions: ReadonlySet<CaseTransition> = new Set([T.Rehabilitate, T.Reject, T.ReturnForEvidence]);

export type TransitionVerdict =
  | { allowed: true; to: CaseStatus; effects: readonly Effect[] }
  /** `forbidden`: the role may not (403); `conflict`: not now (409: wrong state or an unmet guard). */
  | { allowed: false; kind: 'forbidden' | 'conflict'; reasons: string[] };

export function evaluateTransition(name: CaseTransition, snapshot: CaseSnapshot, role: Role, input: TransitionInput = {}): TransitionVerdict {
  const rule = transitions[name];
  if (!rule.roles.includes(role)) {
    return { allowed: false, kind: 'forbidden', reasons: [`${name} is taken by ${rule.roles.join(' or ')}, not by ${role}`] };
  }
  if (!rule.from.includes(snapshot.status)) {
    return {
      allowed: false,
      kind: 'conflict',
      reasons: [`the case is ${snapshot.status}; ${name} applies to a case that is ${rule.from.join(' or ')}`],
    };
  }
  const reasons = rule.guards.map((guard) => guard.check(snapshot, input)).filter((reason): reason is string => reason !== null);
  return reasons.length === 0 ? { allowed: true, to: rule.to, effects: rule.effects } : { allowed: false, kind: 'conflict', reasons };
}

export interface AvailableTransition {
  name: CaseTransition;
  to: CaseStatus;
  allowed: boolean;
  /** Why not, for the ones this user may not take now. Guards that need input (a reason) are not held against. */
  reasons: string[];
  needsReason: boolean;
}

/** What a user may do with the case now, and for the transitions of the current state, why not. */
export function availableTransitions(snapshot: CaseSnapshot, role: Role): AvailableTransition[] {
  return (Object.keys(transitions) as CaseTransition[])
    .filter((name) => transitions[name].from.includes(snapshot.status))
    .map((name) => {
      const rule = transitions[name];
      const needsReason = rule.guards.includes(reasonGiven);
      const verdict = evaluateTransition(name, snapshot, role, needsReason ? { reason: 'to be given' } : {});
      return { name, to: rule.to, allowed: verdict.allowed, reasons: verdict.allowed ? [] : verdict.reasons, needsReason };
    });
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
