/**
 * Queue and job names with their payloads: the code that enqueues a job and the code that runs it
 * share these types and nothing else. Payloads carry ids only.
 */
export enum QueueName {
  Notifications = 'notifications',
  Documents = 'documents',
  Deadlines = 'deadlines',
  Registry = 'registry',
  Evidence = 'evidence',
  Retention = 'retention',
  /** Duplicate detection, apart from imports: an import never waits behind a sweep. */
  Duplicates = 'registry-duplicates',
  /** Letters of the correspondence register: rendered to PDF, then e-mailed when there is an address. */
  Correspondence = 'correspondence',
  /** Contributions to the Book of Memory: their scans checked, their contributors told. */
  Contributions = 'contributions',
  /** The Book of Memory's nightly open data (CSV, JSON, schema, checksums) and its regional PDF books. */
  OpenData = 'open-data',
}

export enum JobName {
  DeliverNotification = 'deliver-notification',
  /** An e-mail to an online applicant (their tracking link, a request for documents); sent at most once. */
  MailApplicant = 'mail-applicant',
  RenderCertificates = 'render-certificates',
  MarkOverdueArchiveRequests = 'mark-overdue-archive-requests',
  DetectDuplicates = 'detect-duplicates',
  ApplyRegistryImport = 'apply-registry-import',
  CheckEvidence = 'check-evidence',
  ApplyRetention = 'apply-retention',
  RenderLetter = 'render-letter',
  RenderSessionBatch = 'render-session-batch',
  CheckContributionScan = 'check-contribution-scan',
  MailContributor = 'mail-contributor',
  BuildOpenData = 'build-open-data',
  RenderRegionalBook = 'render-regional-book',
  FlushPublicReads = 'flush-public-reads',
}

export interface JobPayload {
  [JobName.DeliverNotification]: { notificationId: string };
  [JobName.MailApplicant]: { mailId: string };
  [JobName.RenderCertificates]: { caseId: string };
  /** `today` (YYYY-MM-DD) is given by the scheduler, so a run can be replayed for a past day. */
  [JobName.MarkOverdueArchiveRequests]: { today?: string };
  /** Works through persons not yet checked, a batch at a time. */
  [JobName.DetectDuplicates]: Record<string, never>;
  [JobName.ApplyRegistryImport]: { importId: string };
  /** Runs the evidence's checks that are not finished; safe to run twice. */
  [JobName.CheckEvidence]: { evidenceId: string };
  /** The daily retention run: every rule of the retention_rules table. */
  [JobName.ApplyRetention]: Record<string, never>;
  /** Renders an outgoing letter's PDF and sends it when it has an address; safe to run twice. */
  [JobName.RenderLetter]: { letterId: string };
  /** Merges a commission session's certificates and decision letters into one PDF; safe to run twice. */
  [JobName.RenderSessionBatch]: { batchId: string };
  /** Sniffs, checksums and malware-scans a contribution's scan; safe to run twice. */
  [JobName.CheckContributionScan]: { contributionId: string };
  /** Tells a contributor the outcome (a rejection with its reason code); sent at most once. */
  [JobName.MailContributor]: { contributionId: string };
  /** Rebuilds the open-data dump of the published records; a rerun just builds it again. */
  [JobName.BuildOpenData]: Record<string, never>;
  /** Renders a region's Book of Memory PDF (published fields only); a rerun renders it again. */
  [JobName.RenderRegionalBook]: { regionCode: string; language: 'kk' | 'ru' };
  /** Every minute: the public reads counted in Redis added to the published persons' counters. */
  [JobName.FlushPublicReads]: Record<string, never>;
}

/** Which queue each job runs on. */
export const jobQueue: { readonly [J in JobName]: QueueName } = {
  [JobName.DeliverNotification]: QueueName.Notifications,
  [JobName.MailApplicant]: QueueName.Notifications,
  [JobName.RenderCertificates]: QueueName.Documents,
  [JobName.MarkOverdueArchiveRequests]: QueueName.Deadlines,
  [JobName.DetectDuplicates]: QueueName.Duplicates,
  [JobName.ApplyRegistryImport]: QueueName.Registry,
  [JobName.CheckEvidence]: QueueName.Evidence,
  [JobName.ApplyRetention]: QueueName.Retention,
  [JobName.RenderLetter]: QueueName.Correspondence,
  [JobName.RenderSessionBatch]: QueueName.Correspondence,
  [JobName.CheckContributionScan]: QueueName.Contributions,
  [JobName.MailContributor]: QueueName.Contributions,
  [JobName.BuildOpenData]: QueueName.OpenData,
  [JobName.RenderRegionalBook]: QueueName.OpenData,
  [JobName.FlushPublicReads]: QueueName.OpenData,
};

export const allQueues: readonly QueueName[] = Object.values(QueueName);
