import type { CodeParams } from './codes.js';

/** The states of a case (DESIGN.md §1). The API never lets a client write one directly. */
export enum CaseStatus {
  Draft = 'draft',
  Submitted = 'submitted',
  IntakeReview = 'intake_review',
  ReturnedToApplicant = 'returned_to_applicant',
  ArchiveVerification = 'archive_verification',
  WorkingGroupReview = 'working_group_review',
  CommissionReview = 'commission_review',
  Rehabilitated = 'rehabilitated',
  Rejected = 'rejected',
  CertificateIssued = 'certificate_issued',
  Closed = 'closed',
}

/** The commands that move a case: `POST /api/cases/:id/transitions/:name`. */
export enum CaseTransition {
  Submit = 'submit',
  StartIntake = 'start-intake',
  ReturnToApplicant = 'return-to-applicant',
  Resubmit = 'resubmit',
  AcceptForVerification = 'accept-for-verification',
  CompleteVerification = 'complete-verification',
  ReopenVerification = 'reopen-verification',
  SubmitToCommission = 'submit-to-commission',
  Rehabilitate = 'rehabilitate',
  Reject = 'reject',
  ReturnForEvidence = 'return-for-evidence',
  IssueCertificates = 'issue-certificates',
  Close = 'close',
  Reopen = 'reopen',
}

export enum ArchiveRequestStatus {
  Sent = 'sent',
  InProgress = 'in_progress',
  Answered = 'answered',
  NothingFound = 'nothing_found',
  Cancelled = 'cancelled',
}

export enum ConclusionRecommendation {
  Rehabilitate = 'rehabilitate',
  Reject = 'reject',
  InsufficientEvidence = 'insufficient_evidence',
}

export enum DecisionOutcome {
  Rehabilitated = 'rehabilitated',
  Rejected = 'rejected',
  ReturnedForEvidence = 'returned_for_evidence',
}

export enum VoteChoice {
  For = 'for',
  Against = 'against',
  Abstain = 'abstain',
}

export enum ApplicantKind {
  Relative = 'relative',
  Organisation = 'organisation',
  WorkingGroup = 'working_group',
}

/**
 * What a case state allows besides its transitions: the lifecycle table (libs/domain case-lifecycle.ts)
 * says, per action, in which states and by which roles; services ask it, and `GET /api/cases/:id/transitions`
 * lists each action with the reasons it is not open now.
 */
export enum CaseAction {
  /** Edit the case's file: summary, category, applicant, subjects. */
  Edit = 'edit',
  RequestArchive = 'request-archive',
  UploadEvidence = 'upload-evidence',
  DraftConclusion = 'draft-conclusion',
  SignConclusion = 'sign-conclusion',
  PutOnAgenda = 'put-on-agenda',
  Vote = 'vote',
}

/** An archive request's own small lifecycle: the liaison works it, the working group may cancel it. */
export enum ArchiveRequestAction {
  Start = 'start',
  Answer = 'answer',
  NothingFound = 'nothing-found',
  Cancel = 'cancel',
}

/**
 * The codes of the lifecycle's refusals, each with the type of its params: part of the catalogue of codes
 * (codes.ts includes them), kept here beside the states, transitions and actions they speak of. Role, status, transition,
 * action and outcome params carry the enum values; the back office translates them too.
 */
export interface CaseRuleParams {
  'case.applicant_missing': Record<string, never>;
  'case.subjects_missing': Record<string, never>;
  'case.archive_not_requested': Record<string, never>;
  'case.archive_requests_open': { unsettled: number };
  'case.conclusion_missing': Record<string, never>;
  'case.conclusion_unsigned': Record<string, never>;
  'case.conclusion_outdated': Record<string, never>;
  'case.not_on_agenda': Record<string, never>;
  'case.already_on_agenda': Record<string, never>;
  'case.reason_required': Record<string, never>;
  'case.certificates_pending': { rendered: number; expected: number };
  /** The chair records what the majority of votes cast supports (README, the case workflow). */
  'case.decision_against_votes': { outcome: DecisionOutcome; supported: DecisionOutcome[]; votesFor: number; votesAgainst: number; abstentions: number };
  'case.transition_role': { transition: CaseTransition; role: string; roles: string[] };
  'case.transition_state': { transition: CaseTransition; status: CaseStatus; from: CaseStatus[] };
  'case.action_role': { action: CaseAction; role: string; roles: string[] };
  'case.action_state': { action: CaseAction; status: CaseStatus; states: CaseStatus[] };
  'archive_request.action_role': { action: ArchiveRequestAction; role: string; roles: string[] };
  'archive_request.action_state': { action: ArchiveRequestAction; status: ArchiveRequestStatus; from: ArchiveRequestStatus[] };
  'archive_request.note_required': { action: ArchiveRequestAction };
}

export type CaseRuleCode = keyof CaseRuleParams;

/** English templates (polyglot `%{param}`; a list reads joined by ", "): the `detail` fallback of every refusal. */
export const caseRuleTemplatesEn = {
  'case.applicant_missing': 'the case has no applicant: record who asks (a relative, an organisation or the working group)',
  'case.subjects_missing': 'the case names no repressed person: add at least one subject',
  'case.archive_not_requested': 'no archive has been asked yet: send at least one archive request',
  'case.archive_requests_open': '%{unsettled} archive request(s) are still open: wait for the answers or cancel them',
  'case.conclusion_missing': 'there is no conclusion yet: a member drafts it and the lead signs it',
  'case.conclusion_unsigned': 'the conclusion is not signed: the lead of the region signs it',
  'case.conclusion_outdated': 'the case changed after the conclusion was signed: the lead must sign it again',
  'case.not_on_agenda': 'the case is on no commission session agenda: the secretary puts it on one',
  'case.already_on_agenda': 'the case is already on an agenda awaiting its decision',
  'case.reason_required': 'give the reasons (reason) for this step',
  'case.certificates_pending': 'certificates are not ready yet (%{rendered} of %{expected} rendered)',
  'case.decision_against_votes':
    'the votes (%{votesFor} for, %{votesAgainst} against, %{abstentions} abstaining) do not support %{outcome} (they support %{supported}): the chair records the decision of the majority of votes cast',
  'case.transition_role': '%{transition} is taken by %{roles}, not by %{role}',
  'case.transition_state': 'the case is %{status}; %{transition} applies to a case that is %{from}',
  'case.action_role': '%{action} is done by %{roles}, not by %{role}',
  'case.action_state': 'the case is %{status}; %{action} is open while it is %{states}',
  'archive_request.action_role': '%{action} is done by %{roles}, not by %{role}',
  'archive_request.action_state': 'the request is %{status}; %{action} applies to a request that is %{from}',
  'archive_request.note_required': '%{action} needs a note saying what was found or why',
} as const satisfies Record<CaseRuleCode, string>;

/** The quorum's refusals, which the decisions' guard passes on. */
export type QuorumRefusalCode = 'quorum.no_members' | 'quorum.too_few_present' | 'quorum.too_few_votes';

/** A refusal of the lifecycle: its code and params, and the English text. */
export type CaseRefusal = { [C in CaseRuleCode | QuorumRefusalCode]: { code: C; params: CodeParams[C]; detail: string } }[CaseRuleCode | QuorumRefusalCode];

/** One transition of `GET /api/cases/:id/transitions`. */
export interface CaseTransitionOption {
  name: CaseTransition;
  to: CaseStatus;
  allowed: boolean;
  /** Why not (empty when allowed). A reason the step needs as input is not held against it. */
  reasons: CaseRefusal[];
  needsReason: boolean;
  /** The outcome a decision records, `null` for other steps. */
  decides: DecisionOutcome | null;
}

/** One action of `GET /api/cases/:id/transitions`: every action, open or not, with why not. */
export interface CaseActionOption {
  name: CaseAction;
  allowed: boolean;
  reasons: CaseRefusal[];
}

/** `GET /api/cases/:id/transitions`. */
export interface CaseTransitionsAnswer {
  version: number;
  status: CaseStatus;
  transitions: CaseTransitionOption[];
  actions: CaseActionOption[];
}

/** One action of an archive request, as its view lists them for the caller. */
export interface ArchiveRequestActionOption {
  name: ArchiveRequestAction;
  allowed: boolean;
  reasons: CaseRefusal[];
  needsNote: boolean;
}
