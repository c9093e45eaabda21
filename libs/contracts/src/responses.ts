/**
 * What the API answers, declared once: the controllers return these types, the OpenAPI document's schemas are
 * generated from them (tools/openapi/response-schemas.ts) and the back office reads its answers as them.
 * Instants and dates travel as ISO text (`@format date-time` / `date`).
 */
import type { SessionUser } from './auth.js';
import type { Role } from './roles.js';
import type {
  ApplicantKind,
  ArchiveRequestAction,
  ArchiveRequestStatus,
  CaseAction,
  CaseStatus,
  CaseTransition,
  ConclusionRecommendation,
  DecisionOutcome,
  VoteChoice,
} from './cases.js';
import type { Code } from './codes.js';
import type { EvidenceCheckName, EvidenceCheckState, EvidenceKind, EvidenceProposalKind, EvidenceProposalStatus, EvidenceVerification } from './evidence.js';
import type { EventListRow, EventParticipantView, EventPeopleView, EventView, PersonEventView, PersonRelationView, SourceView } from './events.js';
import type { InventoryEntryView, InventoryImportReport } from './inventory.js';
import type { CaseSearchHit, StatsArchiveRow, StatsBacklogRow, StatsCountRow, StatsDurationRow, StatsFilters } from './stats.js';
import type { DuplicateStatus, EpisodeKind, FactKind, FactSourceKind, NameScript, PlaceKind, RegistryImportStatus } from './registry.js';

/** An instant, ISO 8601. @format date-time */
export type Instant = string;
/** A calendar date, YYYY-MM-DD. @format date */
export type CalendarDate = string;

/** A code of the catalogue with its params: what a screen translates (codes.ts). */
export interface CodedValue {
  code: Code;
  params: Record<string, unknown>;
}

// ---------------------------------------------------------------- cases

export interface CaseApplicant {
  kind: ApplicantKind;
  name: string;
  kinship: string | null;
  kinshipProof: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface CaseSubjectResponse {
  id: string;
  personId: string;
  nameKk: string | null;
  nameRu: string | null;
  birthYear: string | null;
  outcome: string | null;
}

/** `GET /api/cases/:id` and every command on a case. */
export interface CaseResponse {
  id: string;
  number: string;
  regionCode: string;
  categoryCode: string;
  status: CaseStatus;
  summary: string;
  isGroup: boolean;
  applicant: CaseApplicant;
  parentCaseId: string | null;
  subjects: CaseSubjectResponse[];
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}

/** A row of `GET /api/cases`. */
export interface CaseListItem {
  id: string;
  number: string;
  regionCode: string;
  categoryCode: string;
  status: CaseStatus;
  summary: string;
  isGroup: boolean;
  applicantKind: string;
  applicantName: string;
  parentCaseId: string | null;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
  /** The subjects' names, joined. */
  subjects: string;
}

/** `GET /api/cases/stats`: counts by status and region within the caller's scope. */
export interface CaseStatsRow {
  status: string;
  regionCode: string;
  count: number;
}

/** A refusal of the lifecycle: a code of the catalogue, its params, and the English `detail` (cases.ts `CaseRefusal`). */
export interface RefusalResponse extends CodedValue {
  detail: string;
}

/** `GET /api/cases/:id/transitions` (cases.ts `CaseTransitionsAnswer` says the same with each code's params). */
export interface TransitionsResponse {
  version: number;
  status: CaseStatus;
  transitions: Array<{ name: CaseTransition; to: CaseStatus; allowed: boolean; reasons: RefusalResponse[]; needsReason: boolean; decides: DecisionOutcome | null }>;
  actions: Array<{ name: CaseAction; allowed: boolean; reasons: RefusalResponse[] }>;
}

/**
 * One entry of a case's history (`GET /api/cases/:id/timeline`), oldest first. `kind` picks the sentence;
 * `params` holds what it needs to read (case numbers, names of persons and archives, the session's number),
 * joined when read, and only what the case's reader may see anyway.
 */
export interface HistoryEntry {
  id: string;
  occurredAt: Instant;
  kind: string;
  /** What the event recorded (ids, enum values). */
  data: Record<string, unknown> | null;
  actorId: string | null;
  actorName: string | null;
  params: HistoryParams;
}

/** The display params of a history entry: those of its data plus the names joined to its ids. */
export interface HistoryParams {
  [name: string]: string | number | boolean | null;
}

export interface CommentResponse {
  id: string;
  body: string;
  authorId: string;
  authorName: string;
  mentions: string[];
  createdAt: Instant;
}

/** `POST /api/cases/:id/comments`. */
export interface CommentCreatedResponse {
  id: string;
  /** E-mails of the persons told. */
  mentioned: string[];
  /** E-mails of those named who may not see the case, so were not told. */
  notNotified: string[];
}

export interface TaskResponse {
  id: string;
  title: string;
  assigneeId: string;
  /** Absent on the answer to creating it. */
  assigneeName?: string;
  dueDate: CalendarDate | null;
  doneAt: Instant | null;
  version: number;
}

export interface WatcherResponse {
  userId: string;
  displayName: string;
  email: string;
  since: Instant;
}

export interface ConclusionCitationResponse {
  evidenceId: string;
  pageFrom: number;
  pageTo: number;
  statement: string;
}

export interface ConclusionResponse {
  id: string;
  caseId: string;
  authorId: string;
  authorName: string;
  recommendation: ConclusionRecommendation;
  reasoning: string;
  legalArticleCode: string;
  criterionKk: string;
  criterionRu: string;
  citations: ConclusionCitationResponse[];
  signedBy: string | null;
  /** The signer's display name (null while unsigned). */
  signerName: string | null;
  signedAt: Instant | null;
  signedCaseVersion: number | null;
  /** False when the case changed after signing: the signature is void. */
  signatureValid: boolean;
  version: number;
}

export interface CertificateResponse {
  id: string;
  number: string;
  verificationCode: string;
  personId: string;
  nameKk: string | null;
  nameRu: string | null;
  renderedAt: Instant | null;
}

/** The public site's `GET /certificates/:code` (JSON): only what anyone may know. */
export interface CertificateVerificationResponse {
  valid: true;
  certificateNumber: string;
  personNameKk: string | null;
  personNameRu: string | null;
  decisionNumber: string;
  decisionDate: CalendarDate;
}

// ---------------------------------------------------------------- archive requests

export interface ArchiveRequestResponse {
  id: string;
  caseId: string;
  caseNumber: string;
  caseRegionCode: string;
  archiveCode: string;
  sought: string;
  status: ArchiveRequestStatus;
  sentOn: CalendarDate;
  dueDate: CalendarDate;
  overdue: boolean;
  overdueSince: CalendarDate | null;
  answeredAt: Instant | null;
  answerNote: string | null;
  subjects: string;
  version: number;
  /** What the caller may do with the request now, and why not (on a single request's answers only). */
  actions?: Array<{ name: ArchiveRequestAction; allowed: boolean; reasons: RefusalResponse[]; needsNote: boolean }>;
}

// ---------------------------------------------------------------- commission

export interface CommissionSessionListItem {
  id: string;
  number: string;
  date: CalendarDate;
  place: string | null;
  agendaSize: number;
}

export interface AttendanceResponse {
  userId: string;
  name: string;
  role: Role;
  present: boolean;
}

export interface VoteResponse {
  memberId: string;
  name: string;
  choice: VoteChoice;
  dissentingOpinion: string | null;
}

/** Whether the votes on an item can carry a decision; `refusal` says why not as a code. */
export interface QuorumResponse {
  reached: boolean;
  requiredPresent: number;
  requiredVotes: number;
  refusal: CodedValue | null;
  /** English words, a fallback only. */
  note: string;
}

export interface AgendaItemResponse {
  id: string;
  position: number;
  caseId: string;
  caseNumber: string;
  caseStatus: CaseStatus;
  /** The names of the case's persons. */
  subjects: string[];
  votes: VoteResponse[];
  decision: { number: string; outcome: DecisionOutcome; reasons: string | null } | null;
  quorum: QuorumResponse;
}

/** `GET /api/commission/sessions/:id` and every command on a session (attendance, agenda, vote). */
export interface CommissionSessionResponse {
  id: string;
  number: string;
  date: CalendarDate;
  place: string | null;
  version: number;
  attendance: AttendanceResponse[];
  totalMembers: number;
  present: number;
  agenda: AgendaItemResponse[];
}

/** `GET /api/commission/sessions/:id/agenda/candidates`: cases that may go on the agenda. */
export interface AgendaCandidateResponse {
  id: string;
  number: string;
  regionCode: string;
  categoryCode: string;
  /** The signed conclusion's recommendation (a ConclusionRecommendation). */
  recommendation: string;
  /** The subjects' names. */
  subjects: string[];
}

/** `GET /api/tasks/votes`: an agenda item waiting for the signed-in member's vote. */
export interface PendingVoteResponse {
  sessionId: string;
  sessionNumber: string;
  sessionDate: CalendarDate;
  caseId: string;
  caseNumber: string;
  present: boolean;
  subjects: string[];
}

// ---------------------------------------------------------------- evidence

export interface SheetRangeResponse {
  from: number;
  to: number;
  fromVerso?: boolean;
  toVerso?: boolean;
}

export interface ArchivalReferenceResponse {
  archive: string | null;
  fond: string;
  opis: string;
  delo: string;
  sheets: SheetRangeResponse[];
  text: string;
}

export interface EvidenceCheckResponse {
  check: EvidenceCheckName;
  state: EvidenceCheckState;
  /** English; `reasonCode` with `reasonParams` says the same in the catalogue's terms (null before a check ran). */
  reason: string | null;
  reasonCode: Code | null;
  reasonParams: Record<string, unknown> | null;
  updatedAt: Instant;
}

export interface EvidenceResponse {
  id: string;
  caseId: string;
  archiveRequestId: string | null;
  archiveCode: string | null;
  uploadedBy: string;
  kind: EvidenceKind;
  declaredMime: string;
  detectedMime: string | null;
  sha256: string;
  size: number;
  originalName: string;
  versionNo: number;
  previousId: string | null;
  duplicateOf: string | null;
  documentDate: string | null;
  language: string | null;
  reference: ArchivalReferenceResponse | null;
  pages: number | null;
  verification: EvidenceVerification;
  verifiedBy: string | null;
  verifiedAt: Instant | null;
  verificationReason: string | null;
  /** Any check quarantined the file: only an admin may download it. */
  quarantined: boolean;
  /** A thumbnail was made (`GET /evidence/:id/thumbnail`). */
  thumbnail: boolean;
  createdAt: Instant;
  checks?: EvidenceCheckResponse[];
}

export interface EvidenceProposalResponse {
  id: string;
  kind: EvidenceProposalKind;
  text: string;
  page: number;
  value: unknown;
  personId: string | null;
  personName: string | null;
  score: number | null;
  status: EvidenceProposalStatus;
  decidedBy: string | null;
  decidedAt: Instant | null;
}

export interface EvidenceCitationsResponse {
  conclusions: Array<{ id: string; caseId: string; caseNumber: string; pageFrom: number; pageTo: number; statement: string; signed: boolean }>;
  facts: Array<{
    id: string;
    personId: string;
    personName: string | null;
    kind: string;
    episodeKind: string | null;
    value: string | null;
    dateText: string | null;
    pageFrom: number | null;
    pageTo: number | null;
    accepted: boolean;
  }>;
}

// ---------------------------------------------------------------- registry

/** A row of the registry's ranked search (`GET /api/registry/persons?filter={"q":…}`). */
export interface PersonSearchHit {
  id: string;
  personId: string;
  score: number;
  /** The spelling that matched best. */
  matchedVariant: string;
  /** In English; `reasonCodes` says the same as codes. */
  reasons: string[];
  reasonCodes: CodedValue[];
  nameKk: string | null;
  nameRu: string | null;
  birthYear: string | null;
}

/** A row of the registry browsed without a query. */
export interface PersonListItem {
  id: string;
  nameKk: string | null;
  nameRu: string | null;
  birthYear: string | null;
  [column: string]: unknown;
}

export interface PlaceRef {
  id: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  regionCode: string | null;
}

export interface NameVariantResponse {
  id: string;
  fullName: string;
  script: NameScript;
  source: string | null;
  recordedForId: string | null;
  createdAt: Instant;
}

/** `GET /api/registry/persons/:id` and the commands on a person. */
export interface PersonResponse {
  id: string;
  nameKk: string | null;
  nameRu: string | null;
  birthYear: string | null;
  birthplace: string | null;
  birthplacePlaceId: string | null;
  birthplacePlace: PlaceRef | null;
  mergedIntoId: string | null;
  rehabilitatedOn: CalendarDate | null;
  version: number;
  variants: NameVariantResponse[];
}

/** `GET /api/registry/persons/:id/cases`: only the cases the caller may see. */
export interface PersonCaseResponse {
  id: string;
  number: string;
  status: string;
  regionCode: string;
  categoryCode: string;
  outcome: string | null;
  updatedAt: Instant;
}

export interface DictionaryRefResponse {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

export interface FactDateResponse {
  text: string;
  earliest: CalendarDate;
  latest: CalendarDate;
  precision: string;
}

export type FactSourceResponse =
  | { kind: FactSourceKind.Archival; reference: ArchivalReferenceResponse }
  | { kind: FactSourceKind.Book; book: { title: string; volume: string | null; page: number } }
  | { kind: FactSourceKind.Evidence; evidence: { evidenceId: string; pageFrom: number; pageTo: number } };

export interface FactResponse {
  id: string;
  personId: string;
  recordedForId: string;
  kind: FactKind;
  episodeKind: EpisodeKind | null;
  value: string | null;
  date: FactDateResponse | null;
  place: PlaceRef | null;
  placeText: string | null;
  relatedPersonId: string | null;
  sentencingBody: DictionaryRefResponse | null;
  articles: Array<DictionaryRefResponse & { criminalCode: string; article: string }>;
  sentenceKind: DictionaryRefResponse | null;
  sentenceTerm: string | null;
  camp: DictionaryRefResponse | null;
  source: FactSourceResponse;
  note: string | null;
  accepted: boolean;
  acceptedBy: string | null;
  acceptedAt: Instant | null;
  createdBy: string | null;
  createdAt: Instant;
  version: number;
}

/** A proposed (or decided) pair of records that may be one person. */
export interface DuplicateResponse {
  id: string;
  personAId: string;
  personBId: string;
  score: number;
  /** In English; `reasonCodes` says the same as codes (null for a text of no known form). */
  reasons: string[];
  reasonCodes: Array<CodedValue | null>;
  status: DuplicateStatus;
  nameA: string | null;
  nameB: string | null;
  birthYearA: string | null;
  birthYearB: string | null;
  /** At or above the automatic-match threshold. */
  strong: boolean;
}

export interface MergeResponse {
  survivorId: string;
  mergedId: string;
}

export interface UnmergeResponse {
  restoredId: string;
}

export interface MarkedDifferentResponse {
  status: 'different';
}

export interface ImportRowError extends CodedValue {
  line: number;
  /** English; `code` and `params` say the same. */
  reason: string;
}

/** `POST /api/registry/imports`: a dry run's report, or the loaded import's id with it. */
export interface ImportReportResponse {
  dryRun: boolean;
  format: 'csv' | 'xlsx';
  importId?: string;
  totalRows: number;
  validRows: number;
  errors: ImportRowError[];
}

/**
 * `POST /api/registry/imports/preview`: a list's header and first rows read as an import reads it, with the
 * CSV dialect the server detected (null for XLSX).
 */
export interface ImportPreviewResponse {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'utf-16le' | 'windows-1251' | null;
  delimiter: ',' | ';' | '\t' | '|' | null;
  header: string[];
  rows: string[][];
}

/** `GET /api/registry/imports/:id`. */
export interface ImportProgressResponse {
  id: string;
  fileName: string;
  source: string;
  status: RegistryImportStatus;
  totalRows: number;
  createdPersons: number;
  updatedPersons: number;
  createdAt: Instant;
  finishedAt: Instant | null;
  appliedRows: number;
}

export interface PlaceNameResponse {
  id: string;
  name: string;
  language: string;
  validFrom: number | null;
  validTo: number | null;
}

export interface PlaceResponse {
  id: string;
  code: string | null;
  kind: PlaceKind;
  regionCode: string | null;
  parentId: string | null;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  validFrom: number | null;
  validTo: number | null;
  latitude: number | null;
  longitude: number | null;
  version: number;
  names: PlaceNameResponse[];
}

/** A row of `GET /api/places`: the place and the name that matched the query best (0–1). */
export interface PlaceHitResponse extends PlaceResponse {
  matchedName: string;
  score: number;
}

/** An entry of a dictionary (regions, archives, categories, articles and the repression dictionaries). */
export interface DictionaryEntryResponse {
  /** The code, again, for react-admin. */
  id: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  /** The other columns of the dictionary (kind, regionCode, criterion…, criminalCode, article, years…). */
  [column: string]: unknown;
}

// ---------------------------------------------------------------- events, relations, group cases (events.ts)

/** A row of `GET /api/events`. */
export type EventListItem = EventListRow;
/** `GET /api/events/:id` and the commands on an event. */
export type EventResponse = EventView;
/** `GET /api/events/:id/participants`: the participants and their counts by sentence, outcome and role. */
export type EventPeopleResponse = EventPeopleView;
export type EventParticipantResponse = EventParticipantView;
/** `GET /api/registry/persons/:id/events`. */
export type PersonEventResponse = PersonEventView;
/** `GET /api/registry/persons/:id/relations`: each relation as seen from this person. */
export type PersonRelationResponse = PersonRelationView;

/** A subject of a group case (`GET /api/group-cases/:id/subjects`), with its own outcome where set apart. */
export interface GroupSubjectResponse {
  id: string;
  personId: string;
  position: number;
  nameKk: string | null;
  nameRu: string | null;
  birthYear: string | null;
  outcome: string | null;
  exceptionOutcome: string | null;
  exceptionReason: string | null;
}

// ---------------------------------------------------------------- archive inventories (inventory.ts)

/** A file of an archive's inventory: `GET /api/inventory`, `GET /api/inventory/:id` and the commands on a file. */
export type InventoryEntryResponse = InventoryEntryView;
/** `POST /api/inventory/import`: how many files the list added and updated. */
export type InventoryImportResponse = InventoryImportReport;
/** `GET /api/registry/persons/:id/files`: a file that mentions the person, with the sheets where it does. */
export interface PersonFileResponse extends InventoryEntryView {
  sheets: string | null;
}
/** `POST /api/archive-requests/:id/inventory-entry`: the request and the file it now cites. */
export interface ArchiveRequestCitationResponse {
  id: string;
  inventoryEntry: InventoryEntryView;
}

/** `GET /api/places/:id/sources`: what a place (an execution or burial site above all) is known from. */
export type PlaceSourceResponse = SourceView & { id: string; placeId: string; note: string | null };

// ---------------------------------------------------------------- statistics, calendar

/** A row of `GET /api/search`: a case found by its number, names or text, ranked. */
export type CaseSearchResponse = CaseSearchHit;

/** `GET /api/stats/counts`. */
export interface StatsCountsResponse {
  filters: StatsFilters;
  rows: StatsCountRow[];
}

/** `GET /api/stats/durations`. */
export interface StatsDurationsResponse {
  filters: StatsFilters;
  rows: StatsDurationRow[];
}

/** `GET /api/stats/archive-requests`. */
export interface StatsArchiveRequestsResponse {
  filters: StatsFilters;
  rows: StatsArchiveRow[];
}

/** `GET /api/stats/backlog`. */
export interface StatsBacklogResponse {
  filters: StatsFilters;
  rows: StatsBacklogRow[];
}

/** A public holiday of the working-day calendar (due dates count working days). */
export interface HolidayResponse {
  /** YYYY-MM-DD, also the record's id. */
  id: string;
  date: CalendarDate;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

/** `GET /api/calendar/coverage`: how far ahead the calendar is known, and the warning when it ends soon. */
export interface CalendarCoverageResponse {
  coveredUntil: CalendarDate | null;
  lastHoliday: CalendarDate | null;
  warnMonths: number;
  warning: CodedValue | null;
}

// ---------------------------------------------------------------- people, notifications, audit

/** An account as the administration sees it. */
export interface UserResponse extends SessionUser {
  disabled: boolean;
  version: number;
}

/** `POST /api/auth/totp/setup`. */
export interface TotpSetupResponse {
  /** Base32, for typing into the app by hand. */
  secret: string;
  /** otpauth:// URI, for a QR code. */
  otpauthUri: string;
}

export type MeResponse = SessionUser;

export interface NotificationResponse {
  id: string;
  /** The notification's code: the back office's sentence with `params`. */
  kind: string;
  params: Record<string, unknown>;
  createdAt: Instant;
  deliveredAt: Instant | null;
  readAt: Instant | null;
}

export interface UnreadCountResponse {
  unread: number;
}

export interface MarkedReadResponse {
  marked: number;
}

export interface RevokedSessionsResponse {
  revokedSessions: number;
}

/** `POST /api/admin/queues/ticket`: a one-minute link to the queue board. */
export interface QueueTicketResponse {
  url: string;
  expiresIn: number;
}

export interface SignInAgainResponse {
  signInAgain: true;
}

/**
 * One entry of the audit log. `params` names what the entry is about in words (the case's number, the
 * person's or user's name, the archive's or session's name), joined when read: the sentence of `action`
 * reads them.
 */
export interface AuditEntryResponse {
  id: string;
  occurredAt: Instant;
  actorId: string | null;
  actorRole: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  diff: unknown;
  details: unknown;
  requestId: string | null;
  ip: string | null;
  hash: string;
  params: AuditParams;
}

export interface AuditParams {
  [name: string]: string | number | boolean | null;
}

/** `GET /api/audit-log/verification`: the sealed chain held against the signed checkpoints. */
export interface AuditVerificationResponse {
  intact: boolean;
  entries: number;
  unsealed: number;
  oldestUnsealedAt: Instant | null;
  /** The last signed checkpoint the chain was held against. */
  checkpoint: { chainSeq: string; signedAt: Instant } | null;
  /** When intact: the hash of the last sealed entry. */
  lastHash?: string;
  /** When broken: the first entry that does not hold, and why (English). */
  brokenAt?: string;
  reason?: string;
  checkpointsChecked: boolean;
  rejectedCheckpoints: string[];
}

/** `GET /api/health`: terminus's answer. */
export interface HealthResponse {
  status: 'ok' | 'error' | 'shutting_down';
  info?: Record<string, { status: string; [detail: string]: unknown }>;
  error?: Record<string, { status: string; [detail: string]: unknown }>;
  details: Record<string, { status: string; [detail: string]: unknown }>;
}

// ---------------------------------------------------------------- what the history and the audit log say

/**
 * Every action the audit log records: the back office reads each as a sentence (apps/admin i18n
 * history.<lang>.ts, typed by this list) and a spec holds the code's `action:` literals to it.
 */
export const auditActions = [
  'access.anomaly', 'access.denied',
  'archive_request.create', 'archive_request.list', 'archive_request.read', 'archive_request.overdue', 'archive_request.cite_inventory',
  'archive_request.start', 'archive_request.answer', 'archive_request.nothing-found', 'archive_request.cancel',
  'audit.read', 'audit.verify',
  'auth.login', 'auth.login_failed', 'auth.locked_out', 'auth.throttled', 'auth.logout', 'auth.logout_everywhere', 'auth.refresh_reuse',
  'auth.totp_enabled', 'auth.totp_enrolment_started',
  'case.create', 'case.read', 'case.list', 'case.search', 'case.update', 'case.change_region', 'case.add_subject', 'case.subjects_bulk',
  'case.applicant_reduce', 'case.transition', 'case.comment', 'case.task_create', 'case.task_done', 'case.task_reopened', 'case.watch', 'case.unwatch',
  'case.read_certificates', 'case.read_comments', 'case.read_conclusion', 'case.read_evidence', 'case.read_subjects', 'case.read_tasks',
  'case.read_timeline', 'case.read_watchers', 'case.read_letters',
  'certificate.download', 'certificate.verify',
  'commission.read_pending_votes', 'commission.vote',
  'commission_session.create', 'commission_session.read', 'commission_session.attendance', 'commission_session.agenda_add',
  'commission_session.read_candidates', 'commission_session.protocol', 'commission_session.batch_print', 'commission_session.batch_download',
  'conclusion.draft', 'conclusion.sign',
  'dictionary.create', 'dictionary.update',
  'event.create', 'event.update', 'event.add_participant', 'event.remove_participant', 'event.read_people',
  'evidence.upload', 'evidence.read', 'evidence.download', 'evidence.read_thumbnail', 'evidence.read_proposals', 'evidence.read_citations',
  'evidence.verify', 'evidence.reject', 'evidence.quarantine', 'evidence.release', 'evidence.recheck', 'evidence.proposal_confirm', 'evidence.proposal_dismiss',
  'export',
  'letter.create', 'letter.register_incoming', 'letter.download', 'letter.delivery', 'letter.email', 'letter.template_update',
  'publication.publish', 'publication.withdraw', 'publication.open_data_build', 'publication.regional_book',
  'public_application.submit', 'public_application.refused', 'public_application.read_status', 'public_application.answer', 'public_application.mail',
  'contribution.submit', 'contribution.accept', 'contribution.reject', 'contribution.scan_quarantine',
  'holiday.create', 'holiday.update', 'holiday.delete', 'holiday.add_fixed_year',
  'inventory.create', 'inventory.update', 'inventory.import', 'inventory.add_mention',
  'person.create', 'person.read', 'person.list', 'person.search', 'person.update', 'person.add_variant', 'person.read_cases', 'person.read_events',
  'person.read_files', 'person.read_relations', 'person.add_relation', 'person.remove_relation', 'person.read_facts', 'person.list_facts',
  'person.add_fact', 'person.update_fact', 'person.accept_fact', 'person.merge', 'person.unmerge', 'person.mark_different',
  'place.create', 'place.update', 'place.add_name', 'place.add_source',
  'queues.open',
  'registry_import.load',
  'resource.version_conflict',
  'retention.rule_update', 'retention.run', 'retention.dry_run',
  'user.create', 'user.update', 'user.disable', 'user.enable', 'user.reset_password', 'user.reset_totp',
] as const;

export type AuditAction = (typeof auditActions)[number];

/** Every kind of entry of a case's history (`case_events.kind`), each a sentence in the back office. */
export const caseEventKinds = [
  'created', 'created_from_list', 'created_from_exception', 'exception_spun_off', 'updated', 'region_changed', 'subject_added', 'subjects_bulk',
  'archive_request_sent', 'archive_request_in_progress', 'archive_request_answered', 'archive_request_nothing_found', 'archive_request_cancelled',
  'archive_request_overdue', 'transition', 'comment', 'conclusion_drafted', 'conclusion_signed', 'placed_on_agenda',
] as const;

export type CaseEventKind = (typeof caseEventKinds)[number];

/** `GET /api/commission/sessions/:id/batch-print`: the latest batch print of a session (its PDF at `…/batch-print.pdf` once ready). */
export interface SessionPrintBatchResponse {
  id: string;
  sessionId: string;
  /** A PrintBatchStatus: rendering, ready. */
  status: string;
  /** How many documents (certificates and decision letters) the PDF holds; null while rendering. */
  documents: number | null;
  createdAt: string;
  renderedAt: string | null;
}

/** `GET /api/letter-templates`: a template of the correspondence register (subject and body with {placeholders}). */
export interface LetterTemplateResponse {
  /** A LetterKind. */
  kind: string;
  /** A LetterLanguage (kk, ru). */
  language: string;
  subject: string;
  body: string;
  updatedAt: string;
  /** The administrator who changed it last (null: as seeded). */
  updatedBy: string | null;
}

/** `GET /api/cases/:id/letters`: an outgoing or incoming letter of the case (its PDF at `/api/letters/:id/pdf`). */
export interface LetterResponse {
  id: string;
  caseId: string;
  /** A LetterDirection. */
  direction: string;
  /** A LetterKind (outgoing letters); null for incoming ones. */
  kind: string | null;
  language: string | null;
  /** The register's number: `ЗП-2026/0001` for outgoing letters, `ВХ-2026/0001` for incoming ones. */
  number: string;
  /** The day on the letter, `YYYY-MM-DD`. */
  letterDate: string;
  subject: string | null;
  /** The addressee's e-mail (outgoing) or the sender (incoming). */
  recipientEmail: string | null;
  sender: string | null;
  /** The sender's own number of an incoming letter (null for outgoing ones). */
  senderNumber: string | null;
  /** A LetterStatus. */
  status: string;
  /** The PDF is ready (outgoing) or a scan is linked (incoming). */
  hasPdf: boolean;
  evidenceId: string | null;
  sentAt: string | null;
  createdAt: string;
  /** An incoming letter's scan has been through its checks and is not quarantined (null: no scan). */
  scanChecked: boolean | null;
}
