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
