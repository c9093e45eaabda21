/**
 * Retention as data: what is pruned or reduced, after how long, is a table of rules an administrator edits
 * (seeded with defaults by a migration); a daily job applies them, and a dry run counts without changing.
 */
export enum RetentionCategory {
  /** Outbox rows already handed to the queue. */
  OutboxMessages = 'outbox_messages',
  /** In-app notifications delivered to their user. */
  DeliveredNotifications = 'delivered_notifications',
  /** The staged rows of registry imports that finished. */
  ImportStaging = 'import_staging',
  /** Upload files left in the storage folder's `incoming/` and `tmp/` (a crash mid-upload). */
  TemporaryUploads = 'temporary_uploads',
  /** The applicant's contact details on closed cases: reduced to what the decision needs (name, kinship). */
  ClosedCaseApplicants = 'closed_case_applicants',
}

export enum RetentionAction {
  Delete = 'delete',
  /** Keep the record, null the personal data the decision does not need. */
  Reduce = 'reduce',
  /** Do nothing for this category. */
  Keep = 'keep',
}

/** The actions each category may be given. */
export const retentionActions: { readonly [C in RetentionCategory]: readonly RetentionAction[] } = {
  [RetentionCategory.OutboxMessages]: [RetentionAction.Delete, RetentionAction.Keep],
  [RetentionCategory.DeliveredNotifications]: [RetentionAction.Delete, RetentionAction.Keep],
  [RetentionCategory.ImportStaging]: [RetentionAction.Delete, RetentionAction.Keep],
  [RetentionCategory.TemporaryUploads]: [RetentionAction.Delete, RetentionAction.Keep],
  [RetentionCategory.ClosedCaseApplicants]: [RetentionAction.Reduce, RetentionAction.Keep],
};

/** The applicant's fields a reduction clears; the name and the kinship stay, as the decision records them. */
export const reducedApplicantFields = ['applicantKinshipProof', 'applicantEmail', 'applicantPhone', 'applicantAddress'] as const;

export interface RetentionRuleView {
  category: RetentionCategory;
  /** Records older than this many days are acted on. */
  keepDays: number;
  action: RetentionAction;
  /** The actions this category may be given. */
  allowedActions: RetentionAction[];
  updatedAt: string;
  updatedBy: string | null;
}

/** What one run did (or, in a dry run, would do): records per category. */
export interface RetentionRunView {
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  counts: Record<RetentionCategory, number>;
  /** The rules the run applied, as they were. */
  rules: Array<Pick<RetentionRuleView, 'category' | 'keepDays' | 'action'>>;
}
