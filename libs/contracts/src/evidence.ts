/** What a piece of evidence is, as its uploader declares it. */
export enum EvidenceKind {
  InvestigationFile = 'investigation_file',
  TroikaProtocol = 'troika_protocol',
  ExecutionAct = 'execution_act',
  RehabilitationCertificate = 'rehabilitation_certificate',
  Photo = 'photo',
  Other = 'other',
}

/** The file types accepted for upload (the declared and the sniffed type must both be one of them). */
export const evidenceMimeTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;
export type EvidenceMimeType = (typeof evidenceMimeTypes)[number];

export enum EvidenceCheckName {
  Sniff = 'sniff',
  Checksum = 'checksum',
  Malware = 'malware',
  /** JavaScript, launch actions, embedded files, polyglots: quarantined until an administrator releases the file. */
  ActiveContent = 'active_content',
  Text = 'text',
  Ocr = 'ocr',
  /** A small PNG of the image or the PDF's first page. */
  Thumbnail = 'thumbnail',
  /** References, dates and names found in the text, proposed for a person to confirm. */
  Proposals = 'proposals',
}

/**
 * The checks that may quarantine a file. Until each has run, nobody opens the file (its download answers 409
 * `evidence.checks_pending`): a document is checked before any person sees it.
 */
export const evidenceSafetyChecks: readonly EvidenceCheckName[] = [EvidenceCheckName.Sniff, EvidenceCheckName.Checksum, EvidenceCheckName.Malware, EvidenceCheckName.ActiveContent];

/** `not_scanned`: no scanner is configured; shown as such, never as "clean". */
export enum EvidenceCheckState {
  Pending = 'pending',
  Running = 'running',
  Passed = 'passed',
  Failed = 'failed',
  Quarantined = 'quarantined',
  NotScanned = 'not_scanned',
}

export enum EvidenceVerification {
  Unverified = 'unverified',
  Verified = 'verified',
  Rejected = 'rejected',
}

/** What a proposal found in a document's text would link. */
export enum EvidenceProposalKind {
  Reference = 'reference',
  Date = 'date',
  Person = 'person',
}

export enum EvidenceProposalStatus {
  Proposed = 'proposed',
  Confirmed = 'confirmed',
  Dismissed = 'dismissed',
}
