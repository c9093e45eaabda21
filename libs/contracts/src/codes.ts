import { caseRuleTemplatesEn, type CaseRuleParams } from './cases.js';

/**
 * The closed catalogue of codes the API speaks instead of prose: refusals, validation errors, conflicts,
 * evidence check results, name match reasons, import row errors and quorum notes. Each code declares the
 * type of its params; the back office translates every code (kk, ru, en: `Record<Code, string>`, so the
 * compiler refuses a missing one) and the API renders the English template below as the `detail` fallback.
 *
 * Templates use react-admin's (polyglot's) `%{param}` placeholders. An array param reads as a list
 * joined by ", ". Add a code here, then its translations in apps/admin/src/i18n/codes.{kk,ru}.ts.
 */

/** Things a "not found" names; the back office translates each. */
export type EntityName =
  | 'user'
  | 'case'
  | 'archive_request'
  | 'task'
  | 'conclusion'
  | 'commission_session'
  | 'certificate'
  | 'person'
  | 'fact'
  | 'duplicate_proposal'
  | 'place'
  | 'import'
  | 'evidence'
  | 'evidence_proposal'
  | 'dictionary'
  | 'dictionary_entry'
  | 'audit_entry'
  | 'notification'
  | 'region'
  | 'archive'
  | 'victim_category'
  | 'legal_article'
  | 'event'
  | 'event_participant'
  | 'relation'
  | 'inventory_entry';

export const entityNames = [
  'user', 'case', 'archive_request', 'task', 'conclusion', 'commission_session', 'certificate', 'person', 'fact',
  'duplicate_proposal', 'place', 'import', 'evidence', 'evidence_proposal', 'dictionary', 'dictionary_entry', 'audit_entry',
  'notification', 'region', 'archive', 'victim_category', 'legal_article', 'event', 'event_participant', 'relation', 'inventory_entry',
] as const satisfies readonly EntityName[];

/** A part of a person's name, as the match reasons name it. */
export type NamePartName = 'surname' | 'given' | 'patronymic';

/** Each code with the type of its params. */
export interface CodeParams extends CaseRuleParams {
  // --- generic HTTP and database answers -------------------------------------------------------------
  'http.internal_error': { requestId: string };
  'http.not_found': { path: string };
  'http.error': { status: number };
  'http.too_many_requests': Record<string, never>;
  'http.payload_too_large': Record<string, never>;
  'resource.not_found': { entity: EntityName; id: string };
  'resource.not_found_or_hidden': { entity: EntityName; id: string };
  'resource.stale_version': { entity: EntityName; currentVersion: number };
  'database.unique_violation': Record<string, never>;
  'database.foreign_key_violation': Record<string, never>;
  'database.serialization_failure': Record<string, never>;
  'database.deadlock': Record<string, never>;
  // --- HTTP input edges and failing stores (apps/api/src/http) ------------------------------------------
  'http.unsupported_media_type': { contentType: string; supported: string[] };
  'http.body_malformed': Record<string, never>;
  'http.body_too_deep': { maxDepth: number };
  'http.body_too_large': { maxBytes: number };
  'http.read_rate_limited': { limit: number; retryAfterSeconds: number };
  'store.database_unavailable': { retryAfterSeconds: number };
  'store.object_store_unavailable': { retryAfterSeconds: number };
  'store.disk_full': Record<string, never>;

  // --- validation (per field) --------------------------------------------------------------------------
  'validation.failed': { count: number };
  'validation.required': { field: string };
  'validation.unknown_field': { field: string };
  'validation.empty': { field: string };
  'validation.invalid': { field: string; rule: string };
  'validation.must_be_string': { field: string };
  'validation.must_be_integer': { field: string };
  'validation.must_be_number': { field: string };
  'validation.must_be_boolean': { field: string };
  'validation.must_be_uuid': { field: string };
  'validation.must_be_date': { field: string; example: string };
  'validation.must_be_array': { field: string };
  'validation.must_be_object': { field: string };
  'validation.must_be_email': { field: string };
  'validation.must_be_json': { field: string; example: string };
  'validation.must_be_one_of': { field: string; values: string[] };
  'validation.min': { field: string; min: number };
  'validation.max': { field: string; max: number };
  'validation.min_length': { field: string; min: number };
  'validation.max_length': { field: string; max: number };
  'validation.array_min_size': { field: string; min: number };
  'validation.array_max_size': { field: string; max: number };
  'validation.format': { field: string; example: string };
  'validation.page_number': { field: string; value: string };
  'validation.order': { first: string; firstValue: string; second: string; secondValue: string };
  'validation.together': { fields: string[] };
  'validation.unknown_code': { field: string; value: string };
  'validation.unknown_codes': { field: string; values: string[]; dictionary: string; dictionaryLabel: string };
  'validation.date': { field: string; reason: string; message: string };
  'validation.archival_reference': { field: string; part: string; message: string };
  'validation.belongs_to': { fields: string[]; owner: string };

  // --- lists -------------------------------------------------------------------------------------------
  'list.not_json': { parameter: string; example: string };
  'list.sort_invalid': { fields: string[] };
  'list.range_invalid': Record<string, never>;
  'list.range_too_long': { max: number };
  'list.filter_invalid': { filters?: string[]; needs?: string };
  'list.filter_unknown': { filters: string[]; known: string[] };
  'list.id_invalid': { value: string; kind: string };
  'list.too_many_ids': { max: number };
  'list.filter_value_invalid': { filter: string; expected: string | string[] };

  // --- sign-in, sessions and permissions ---------------------------------------------------------------
  'auth.wrong_credentials': Record<string, never>;
  'auth.credentials_missing': Record<string, never>;
  'auth.too_many_attempts': { retryAfterSeconds: number };
  'auth.token_invalid': Record<string, never>;
  'auth.refresh_refused': Record<string, never>;
  'auth.totp_required': Record<string, never>;
  'auth.totp_wrong': Record<string, never>;
  'auth.totp_already_set_up': Record<string, never>;
  'auth.totp_setup_not_started': Record<string, never>;
  'auth.totp_mismatch': Record<string, never>;
  'auth.second_factor_setup_required': Record<string, never>;
  'auth.permission_denied': { role: string; permission: string };
  'access.denied': { reason: string };

  // --- users -------------------------------------------------------------------------------------------
  'user.email_taken': { email: string };
  'user.scope_not_applicable': { field: string; roles: string[]; role: string };
  'user.scope_required': { field: string; role: string };
  'password.too_short': { min: number };
  'password.too_long': { max: number };
  'password.common': Record<string, never>;
  'password.repetitive': Record<string, never>;
  'password.contains_email': Record<string, never>;
  'password.contains_name': Record<string, never>;

  // --- cases -------------------------------------------------------------------------------------------
  'case.subjects_required': Record<string, never>;
  'case.region_not_yours': { userRegion: string; region: string };
  'case.region_not_yours_routed': { userRegion: string; region: string };
  'case.assignee_unknown': { id: string };
  'case.region_unresolved': Record<string, never>;
  'case.not_editable': { status: string };
  'case.subject_name_required': Record<string, never>;
  'case.subject_already_linked': { personId: string };
  'case.exception_not_subject': { subjectId: string };
  'case.exception_same_outcome': { subjectId: string };
  'case.exceptions_all_subjects': Record<string, never>;
  'case.mentions_unknown': { emails: string[] };
  'case.assignee_cannot_see': Record<string, never>;
  'case.source_application': Record<string, never>;

  // --- archive requests --------------------------------------------------------------------------------
  'archive_request.due_before_sent': Record<string, never>;

  // --- conclusions -------------------------------------------------------------------------------------
  'conclusion.none': Record<string, never>;
  'conclusion.version_required': Record<string, never>;
  'conclusion.cites_unverified': { evidence: string[] };
  'conclusion.citation_not_of_case': { index: number; evidenceId: string };
  'conclusion.citation_unverified': { index: number; name: string; verification: string };
  'conclusion.citation_page_order': { index: number; pageFrom: number; pageTo: number };
  'conclusion.citation_page_missing': { index: number; name: string; pages: number; page: number };

  // --- commission --------------------------------------------------------------------------------------
  'commission.session_number_taken': { number: string };
  'commission.not_members': { ids: string[] };
  'commission.not_on_this_agenda': Record<string, never>;
  'commission.vote_not_present': Record<string, never>;
  'commission.vote_closed': Record<string, never>;
  'commission.certificate_unknown': { code: string };
  'quorum.no_members': Record<string, never>;
  'quorum.too_few_present': { present: number; total: number; required: number };
  'quorum.too_few_votes': { votes: number; present: number; required: number };
  'quorum.reached': { present: number; total: number; votes: number };

  // --- evidence ----------------------------------------------------------------------------------------
  'evidence.mime_not_accepted': { fileName: string; declared: string };
  'evidence.mime_mismatch': { fileName: string; declared: string; detected: string };
  'evidence.mime_unrecognised': { fileName: string; declared: string };
  'evidence.request_not_of_case': { id: string };
  'evidence.not_of_case': { field: string; id: string };
  'evidence.archive_request_required': Record<string, never>;
  'evidence.quarantined_admin_only': { id: string };
  'evidence.quarantined_download': Record<string, never>;
  'evidence.checks_pending': { id: string };
  'evidence.safety_check_failed': { id: string; checks: string };
  'evidence.reject_reason_required': Record<string, never>;
  'evidence.checks_unfinished': { checks: string[] };
  'evidence.checks_not_passed': { checks: string[] };
  'evidence.checks_changed': Record<string, never>;
  'evidence.no_thumbnail': { id: string };
  'evidence.thumbnail_quarantined': { id: string };
  'evidence.proposal_already': { status: string };
  'evidence.person_required': Record<string, never>;
  'evidence.person_only_for_names': Record<string, never>;
  'evidence.rejected_not_citable': { id: string };
  'evidence.quarantined_not_citable': { id: string };
  'evidence.release_admin_only': Record<string, never>;
  'evidence.release_nothing_flagged': { id: string };

  // --- evidence check results (stored beside the English reason) -----------------------------------------
  'check.skipped_quarantined': Record<string, never>;
  'check.will_retry': { message: string };
  'check.error': { message: string };
  'check.sniff_mismatch': { declared: string; detected: string };
  'check.sniff_unrecognised': { declared: string };
  'check.sniff_passed': { detected: string };
  'check.checksum_mismatch': { actual: string; expected: string };
  'check.checksum_verified': Record<string, never>;
  'check.checksum_duplicate': { evidenceId: string };
  'check.malware_not_configured': Record<string, never>;
  'check.malware_found': { signature: string };
  'check.malware_clean': Record<string, never>;
  'check.text_layer': { pages: number; characters: number };
  'check.text_ocr': { pages: number; ocrPages: number; characters: number };
  'check.ocr_read': { characters: number };
  'check.ocr_empty': Record<string, never>;
  'check.thumbnail_made': { bytes: number };
  'check.proposals_found': { references: number; dates: number; names: number; added: number };
  /** Limits decided before a tool runs (pdfinfo page sizes, image headers) or met while it runs: no retry. */
  'check.resource_limit_pages': { pages: number; max: number };
  'check.resource_limit_pixels': { page: number; megapixels: number; max: number };
  'check.resource_limit_time': { tool: string; seconds: number };
  'check.resource_limit_memory': { tool: string; megabytes: number };
  'check.skipped_resource_limit': Record<string, never>;
  /** `features`: PDF names and signatures found, e.g. /JavaScript, /Launch, /EmbeddedFile, HTML, ZIP. */
  'check.active_content_found': { features: string[] };
  'check.active_content_none': Record<string, never>;
  'check.active_content_released': { features: string[]; releasedBy: string };
  /** The job ran out of attempts (or stalled twice) in BullMQ's failed set: the checks it left end here. */
  'check.job_failed': { message: string };
  'check.job_stalled': Record<string, never>;

  // --- registry, facts, places, dictionaries ------------------------------------------------------------
  'registry.search_no_name': Record<string, never>;
  'registry.birth_year_filter': Record<string, never>;
  'registry.merged_meanwhile': Record<string, never>;
  'registry.proposal_status': { status: string; expected: string };
  'registry.person_needs_name': Record<string, never>;
  'registry.person_merged': { personId: string; mergedInto: string };
  'registry.unknown_person': { field: string; id: string };
  'registry.date_range_reversed': { from: string; to: string };
  'fact.episode_kind_required': { values: string[] };
  'fact.episode_kind_not_allowed': { kind: string };
  'fact.episode_fields': { fields: string[]; kind: string };
  'fact.value_required': { kind: string };
  'fact.birth_year_date_required': Record<string, never>;
  'fact.birthplace_place_required': Record<string, never>;
  'fact.related_person_only_family': Record<string, never>;
  'fact.related_person_self': Record<string, never>;
  'fact.source_fields_foreign': { fields: string[]; kind: string };
  'fact.source_reference_required': Record<string, never>;
  'fact.source_book_title_required': Record<string, never>;
  'fact.source_book_page_required': Record<string, never>;
  'fact.source_evidence_required': Record<string, never>;
  'fact.source_page_from_required': Record<string, never>;
  'fact.source_page_beyond': { pageTo: number; pages: number };
  'place.name_exists': { language: string; name: string };
  'place.unknown': { field: string; id: string };
  'place.name_no_letters': { name: string };
  'place.own_parent': Record<string, never>;
  'place.search_no_name': Record<string, never>;
  'dictionary.unknown': { values: string[] };
  'dictionary.entry_fields_missing': { dictionary: string; dictionaryLabel: string; fields: string[] };
  'dictionary.entry_exists': { dictionary: string; dictionaryLabel: string; code: string };
  'dictionary.fields_foreign': { dictionary: string; dictionaryLabel: string; fields: string[] };

  // --- name match reasons (search and duplicates) --------------------------------------------------------
  'match.nothing_to_compare': Record<string, never>;
  'match.same_skeleton': Record<string, never>;
  'match.compound_split': Record<string, never>;
  'match.stem_matches': { part: NamePartName };
  'match.sounds_alike': { part: NamePartName };
  'match.spelled_similarly': { part: NamePartName };
  'match.initial_matches': { part: NamePartName };
  'match.initials_match': Record<string, never>;
  'match.differs': { part: NamePartName };
  'match.patronymic_mismatch': Record<string, never>;
  'match.missing_on_one_side': { part: NamePartName };
  'match.single_word': Record<string, never>;
  'match.gender_differs': Record<string, never>;
  'match.birth_year_agrees': Record<string, never>;
  'match.birth_year_differs': Record<string, never>;
  'match.birthplace_agrees': Record<string, never>;
  'match.birthplace_differs': Record<string, never>;
  'match.initials_out_of_order': Record<string, never>;
  'match.unconfirmed': Record<string, never>;

  // --- registry imports ----------------------------------------------------------------------------------
  'import.file_format': { fileName: string };
  'import.mapping_name_missing': Record<string, never>;
  'import.columns_missing': { missing: string[]; columns: string[] };
  'import.rows_invalid': { count: number };
  'import.file_unreadable': { format: string; message: string };
  'import.row_full_name_empty': { column: string };
  'import.row_surname_empty': { column: string };
  'import.row_birth_year_unreadable': { value: string; message: string };
  'import.row_person_id_invalid': { value: string };
  'import.row_external_id_too_long': { length: number; max: number };
  'import.row_external_id_repeated': { value: string; line: number };

  // --- events, relations and group cases ------------------------------------------------------------
  'event.name_required': Record<string, never>;
  'event.region_not_yours': { userRegion: string; regions: string[] };
  'event.participant_exists': { personId: string; role: string };
  'relation.self': Record<string, never>;
  'relation.exists': { personId: string; relativeId: string };
  'case.group_source_required': Record<string, never>;
  'case.group_empty': Record<string, never>;
  'case.group_import_not_done': { importId: string; status: string };
  'case.subjects_unknown': { ids: string[] };
  'case.subjects_remove_all': Record<string, never>;
  'case.subject_link_target': { personId: string };
  'case.bulk_fields': { action: string; fields: string[] };
  // --- online applications (the public door) ---
  'public_application.field_required': { field: string };
  'public_application.field_invalid': { field: string };
  'public_application.consent_required': { version: string };
  'public_application.person_not_published': { personId: string };
  'public_application.too_many': { retryAfterSeconds: number };
  'public_application.not_found': Record<string, never>;
  'public_application.not_awaiting_documents': { status: string };
  'public_application.documents_required': Record<string, never>;
  'public_application.too_many_files': { max: number };
  'retention.rule_unknown': { category: string; known: string[] };
  'letter.template_unknown': { kind: string; language: string };
  'letter.not_found': { id: string };
  'letter.not_rendered': { number: string };
  'letter.evidence_not_of_case': { id: string };
  'letter.batch_nothing_to_print': { sessionNumber: string };
  'letter.batch_not_ready': { sessionNumber: string };
  'letter.batch_none': { sessionNumber: string };
  'letter.template_placeholder_unknown': { name: string; known: string[] };
  'inventory.archive_not_yours': { userArchive: string; archive: string };
  'inventory.entry_exists': { reference: string };
  'inventory.entry_other_archive': { reference: string; archive: string };
  'inventory.mapping_missing': { fields: string[] };
  'inventory.row_field_empty': { line: number; column: string };
  'inventory.row_status': { line: number; value: string; values: string[] };
  'inventory.row_date': { line: number; value: string };

  // --- statistics, exports and the holiday calendar ---------------------------------------------------------
  'calendar.holiday_exists': { date: string };
  'calendar.holiday_not_found': { date: string };
  'calendar.year_out_of_range': { from: number; to: number };
  'calendar.ends_soon': { lastDate: string; months: number };
  'calendar.empty': Record<string, never>;
  'stats.period_range': { from: string; to: string };
  'search.query_length': { min: number; max: number };

  // --- contributions to the Book of Memory --------------------------------------------------------------
  'contribution.not_found': { id: string };
  'contribution.already_decided': { id: string; status: string };
  'contribution.source_required': { source: string };
  'contribution.scan_unchecked': { id: string };
  'contribution.rejected_no_source': Record<string, never>;
  'contribution.rejected_contradicts_records': Record<string, never>;
  'contribution.rejected_other_person': Record<string, never>;
  'contribution.rejected_already_known': Record<string, never>;
  'contribution.rejected_unverifiable': Record<string, never>;
  'contribution.rejected_scan_unsafe': Record<string, never>;
}

/** Every code of the catalogue. */
export type Code = keyof CodeParams;
/** The codes of refusals and errors (the whole catalogue: one union keeps the translations in one place). */
export type ErrorCode = Code;

/** A code with its params, as the API sends it beside the English text. */
export type Coded<C extends Code = Code> = { [K in C]: { code: K; params: CodeParams[K] } }[C];

/** English templates: the `detail` of problem answers and the fallback of every translation. */
export const codeTemplatesEn = {
  // the case lifecycle's refusals (transitions, actions, archive requests), declared in cases.ts
  ...caseRuleTemplatesEn,
  'http.internal_error': 'Something went wrong on our side. Quote the request id %{requestId} when you report it.',
  'http.not_found': 'There is nothing at %{path}.',
  'http.error': 'The request failed (HTTP %{status}).',
  'http.too_many_requests': 'Too many requests. Wait a moment and try again.',
  'http.payload_too_large': 'The upload is too large.',
  'resource.not_found': 'There is no %{entity} %{id}.',
  'resource.not_found_or_hidden': 'There is no %{entity} %{id}, or it is not yours to see.',
  'resource.stale_version': 'The %{entity} was changed by someone else (now at version %{currentVersion}). Reload it and apply your change again.',
  'database.unique_violation': 'Someone else just created the same record. Reload and try again.',
  'database.foreign_key_violation': 'A record this one refers to was just changed or removed. Reload and try again.',
  'database.serialization_failure': 'Someone else changed the same records at the same moment. Try again.',
  'database.deadlock': 'Someone else changed the same records at the same moment. Try again.',
  'http.unsupported_media_type': 'A body of type %{contentType} is not accepted here; send %{supported}.',
  'http.body_malformed': 'The body is not valid JSON.',
  'http.body_too_deep': 'The body nests objects and arrays more than %{maxDepth} levels deep.',
  'http.body_too_large': 'The body is larger than %{maxBytes} bytes.',
  'http.read_rate_limited': 'Too many reads: at most %{limit} a minute. Wait %{retryAfterSeconds} s and try again.',
  'store.database_unavailable': 'The database cannot be reached at the moment; nothing was changed. Try again in %{retryAfterSeconds} s.',
  'store.object_store_unavailable': 'The file store cannot be reached at the moment; nothing was changed. Try again in %{retryAfterSeconds} s.',
  'store.disk_full': 'The file store is full; nothing was changed. Tell an administrator.',

  'validation.failed': '%{count} field(s) need correcting.',
  'validation.required': '%{field} is required',
  'validation.unknown_field': '%{field} is not a known field: remove it',
  'validation.empty': '%{field} cannot be empty',
  'validation.invalid': '%{field} is not valid (%{rule})',
  'validation.must_be_string': '%{field} must be text',
  'validation.must_be_integer': '%{field} must be a whole number',
  'validation.must_be_number': '%{field} must be a number',
  'validation.must_be_boolean': '%{field} must be true or false',
  'validation.must_be_uuid': '%{field} must be an id (uuid)',
  'validation.must_be_date': '%{field} must be an ISO date such as %{example}',
  'validation.must_be_array': '%{field} must be a list',
  'validation.must_be_object': '%{field} must be an object',
  'validation.must_be_email': '%{field} must be an e-mail address',
  'validation.must_be_json': '%{field} must be JSON, e.g. %{example}',
  'validation.must_be_one_of': '%{field} must be one of %{values}',
  'validation.min': '%{field} must not be less than %{min}',
  'validation.max': '%{field} must not be greater than %{max}',
  'validation.min_length': '%{field} must be at least %{min} characters long',
  'validation.max_length': '%{field} must be at most %{max} characters long',
  'validation.array_min_size': '%{field} must contain at least %{min} element(s)',
  'validation.array_max_size': '%{field} must contain at most %{max} element(s)',
  'validation.format': '%{field} is not in the expected form, e.g. %{example}',
  'validation.page_number': '%{field} must be a page number of 1 or more, not %{value}',
  'validation.order': '%{first} %{firstValue} is after %{second} %{secondValue}',
  'validation.together': '%{fields} go together: give all or none',
  'validation.unknown_code': '%{field} %{value} does not exist',
  'validation.unknown_codes': "%{field}: '%{values}' is not in the dictionary of %{dictionaryLabel} (GET /api/dictionaries/%{dictionary})",
  'validation.date': '%{field}: %{message}',
  'validation.archival_reference': '%{field}: the %{part} could not be read: %{message}',
  'validation.belongs_to': '%{fields}: belong(s) to %{owner} only',

  'list.not_json': '%{parameter} must be JSON, e.g. %{example}',
  'list.sort_invalid': 'sort must be [field, "ASC"|"DESC"] with field one of %{fields}',
  'list.range_invalid': 'range must be [first, last] with whole numbers, first ≤ last, e.g. [0,24]',
  'list.range_too_long': 'range may span at most %{max} rows',
  'list.filter_invalid': 'These filters cannot be used together, or filter is not a JSON object.',
  'list.filter_unknown': 'this list has no filter %{filters}; its filters are %{known}',
  'list.id_invalid': 'filter.id holds a value that is not an id of this list: %{value}',
  'list.too_many_ids': 'filter.id may name at most %{max} records',
  'list.filter_value_invalid': 'filter.%{filter} must be %{expected}',

  'auth.wrong_credentials': 'The e-mail or the password is wrong, or the account is disabled.',
  'auth.credentials_missing': 'Give an e-mail and a password.',
  'auth.too_many_attempts': 'Too many failed sign-ins. Wait %{retryAfterSeconds} s before trying again, or ask an administrator to reset your password.',
  'auth.token_invalid': 'Sign in again: the access token is missing, invalid or expired.',
  'auth.refresh_refused': 'Sign in again: the refresh token is unknown, expired or was revoked.',
  'auth.totp_required': 'Enter the 6-digit code from your authenticator app (totpCode).',
  'auth.totp_wrong': 'The code from the authenticator app is wrong or expired: enter the current one.',
  'auth.totp_already_set_up': 'A second factor is already set up; an administrator can reset it.',
  'auth.totp_setup_not_started': 'Start the set-up first: POST /api/auth/totp/setup.',
  'auth.totp_mismatch': 'The code does not match: enter the current code from the authenticator app.',
  'auth.second_factor_setup_required': 'Set up your second factor first: POST /api/auth/totp/setup, then /api/auth/totp/confirm.',
  'auth.permission_denied': 'Your role (%{role}) does not allow this: it needs the permission %{permission}.',
  'access.denied': 'You may not do this: %{reason}.',

  'user.email_taken': 'A user with the e-mail %{email} already exists.',
  'user.scope_not_applicable': '%{field} applies only to the roles %{roles}; remove it for the role %{role}.',
  'user.scope_required': '%{field} is required for the role %{role}.',
  'password.too_short': 'password must be at least %{min} characters long (a phrase of several words is easiest to remember)',
  'password.too_long': 'password must be at most %{max} characters long',
  'password.common': 'password is one of the most common passwords: choose another',
  'password.repetitive': 'password repeats one or two characters: choose one with more variety',
  'password.contains_email': 'password must not contain your e-mail name',
  'password.contains_name': 'password must not contain your name',

  'case.subjects_required': 'subjects must name at least one repressed person',
  'case.region_not_yours': 'You work the cases of region %{userRegion}; a case of %{region} is opened by that region or the secretary.',
  'case.region_not_yours_routed': "You work the cases of region %{userRegion}; a case of %{region} (routed there by the subject's birthplace) is opened by that region or the secretary.",
  'case.assignee_unknown': 'assigneeId %{id} is not an active user',
  'case.region_unresolved': "regionCode is required: no subject has a birthplace that the gazetteer places in one of today's regions (give regionCode, or a subject's birthplacePlaceId)",
  'case.not_editable': 'A case that is %{status} can no longer be edited.',
  'case.subject_name_required': 'a new subject needs nameKk or nameRu',
  'case.subject_already_linked': 'the person %{personId} is already a subject of this case',
  'case.exception_not_subject': 'exceptions: %{subjectId} is not a subject of this case',
  'case.exception_same_outcome': 'exceptions: %{subjectId} is decided like the case; leave it out',
  'case.exceptions_all_subjects': 'exceptions: at least one person must follow the decision of the case',
  'case.mentions_unknown': 'No active user has the e-mail %{emails}: check the @mentions.',
  'case.assignee_cannot_see': 'The assignee may not see this case: give the task to someone who works it.',
  'case.source_application': 'case application',

  'archive_request.due_before_sent': 'dueDate must not be before the day the request is sent',

  'conclusion.none': 'The case has no conclusion yet.',
  'conclusion.version_required': 'version is required to change an existing conclusion',
  'conclusion.cites_unverified': 'The conclusion cites evidence that is no longer verified (%{evidence}): the author cites verified evidence only, then it can be signed.',
  'conclusion.citation_not_of_case': 'citations[%{index}].evidenceId %{evidenceId} is not evidence of this case',
  'conclusion.citation_unverified': 'citations[%{index}]: only verified evidence can be cited; %{name} is %{verification}. A member other than its uploader verifies it first.',
  'conclusion.citation_page_order': 'citations[%{index}]: pageTo %{pageTo} is before pageFrom %{pageFrom}',
  'conclusion.citation_page_missing': 'citations[%{index}]: %{name} has %{pages} page(s); page %{page} does not exist',

  'commission.session_number_taken': 'A session numbered %{number} exists already.',
  'commission.not_members': 'present: %{ids} are not commission members',
  'commission.not_on_this_agenda': "The case is not awaiting a decision on this session's agenda.",
  'commission.vote_not_present': 'Only members recorded as present vote; ask the secretary to record your attendance.',
  'commission.vote_closed': 'The case was decided meanwhile; the vote is closed.',
  'commission.certificate_unknown': 'No certificate has the code %{code}. Check the code printed on the certificate.',
  'quorum.no_members': 'the commission has no members',
  'quorum.too_few_present': '%{present} of %{total} members present, %{required} needed',
  'quorum.too_few_votes': '%{votes} of %{present} members present voted, %{required} needed',
  'quorum.reached': '%{present} of %{total} present, %{votes} voted',

  'evidence.mime_not_accepted': 'file %{fileName} is declared as %{declared}; accepted are PDF, JPEG, PNG and TIFF',
  'evidence.mime_mismatch': 'file %{fileName} is declared as %{declared} but its content is %{detected}',
  'evidence.mime_unrecognised': 'file %{fileName} is declared as %{declared} but its content is not a recognised file type',
  'evidence.request_not_of_case': 'archiveRequestId %{id} is not a request of this case',
  'evidence.not_of_case': '%{field} %{id} is not evidence of this case',
  'evidence.archive_request_required': 'archiveRequestId is required: an archive liaison uploads the answer to a request addressed to their archive',
  'evidence.quarantined_admin_only': 'There is no quarantined evidence %{id}; an admin may download quarantined files only.',
  'evidence.quarantined_download': 'This file is quarantined by a safety check; only an admin may download it.',
  'evidence.checks_pending': 'The safety checks of this file have not finished yet; it can be opened once they have (usually within a minute).',
  'evidence.safety_check_failed': 'A safety check of this file could not be completed (%{checks}); it opens once the file is checked again and passes.',
  'evidence.reject_reason_required': 'reason is required when evidence is rejected',
  'evidence.checks_unfinished': 'The checks %{checks} are not finished; verify once they are.',
  'evidence.checks_not_passed': 'The checks %{checks} did not pass; such evidence can be rejected, not verified.',
  'evidence.checks_changed': 'The checks changed meanwhile (a recheck runs): verify once they have passed.',
  'evidence.no_thumbnail': 'Evidence %{id} has no thumbnail yet: the checks make one.',
  'evidence.thumbnail_quarantined': 'Evidence %{id} has no thumbnail: it is quarantined.',
  'evidence.proposal_already': 'This proposal was already %{status}.',
  'evidence.person_required': 'personId is required: no registry person matched this name; choose one in the registry',
  'evidence.person_only_for_names': 'personId is given only to confirm a name',
  'evidence.rejected_not_citable': 'The evidence %{id} was rejected by the working group and cannot be cited; cite a verified or yet unverified document.',
  'evidence.quarantined_not_citable': 'The evidence %{id} is quarantined by a safety check and cannot be cited; cite it once an administrator has examined it and it has been checked again.',
  'evidence.release_admin_only': 'Only an administrator may release a file flagged for active content.',
  'evidence.release_nothing_flagged': 'Evidence %{id} has no active content waiting for release.',

  'check.skipped_quarantined': 'skipped: the file is quarantined',
  'check.will_retry': 'will retry: %{message}',
  'check.error': '%{message}',
  'check.sniff_mismatch': 'declared %{declared}, but the content is %{detected}',
  'check.sniff_unrecognised': 'declared %{declared}, but the content is not a recognised file type',
  'check.sniff_passed': 'content is %{detected}',
  'check.checksum_mismatch': 'stored content has SHA-256 %{actual}, expected %{expected}',
  'check.checksum_verified': 'SHA-256 verified',
  'check.checksum_duplicate': 'SHA-256 verified; the same file is already evidence %{evidenceId} of this case (duplicate)',
  'check.malware_not_configured': 'no malware scanner is configured (CLAMAV_HOST)',
  'check.malware_found': 'ClamAV found %{signature}',
  'check.malware_clean': 'ClamAV found no known signature',
  'check.text_layer': '%{pages} page(s), text layer of %{characters} characters',
  'check.text_ocr': '%{pages} page(s) without a text layer; OCR of %{ocrPages} page(s) read %{characters} characters',
  'check.ocr_read': 'OCR read %{characters} characters',
  'check.ocr_empty': 'OCR found no text',
  'check.thumbnail_made': 'thumbnail of %{bytes} bytes',
  'check.proposals_found': 'found %{references} reference(s), %{dates} date(s), %{names} name(s); %{added} new proposal(s)',
  'check.resource_limit_pages': 'stopped: %{pages} pages, more than the %{max} a check reads',
  'check.resource_limit_pixels': 'stopped: page %{page} would be %{megapixels} megapixels when rendered, more than %{max}',
  'check.resource_limit_time': 'stopped: %{tool} ran longer than %{seconds} s',
  'check.resource_limit_memory': 'stopped: %{tool} needed more than %{megabytes} MB of memory',
  'check.skipped_resource_limit': 'skipped: the file is over the limits of the checks',
  'check.active_content_found': 'active content found: %{features}; an administrator must release the file before it is verified or downloaded',
  'check.active_content_none': 'no JavaScript, launch actions, embedded files or other formats inside',
  'check.active_content_released': 'active content (%{features}) released by the administrator %{releasedBy}',
  'check.job_failed': 'the check job failed: %{message}; run the checks again',
  'check.job_stalled': 'the check job stalled twice (its worker stopped); run the checks again',

  'registry.search_no_name': 'q must contain a name to search for',
  'registry.birth_year_filter': 'filter.birthYear must be a year from 1800 to 2100 and filter.tolerance 0 to 50 years, e.g. {"birthYear":1890,"tolerance":2}',
  'registry.merged_meanwhile': 'One of the two records has been merged into a third meanwhile: unmerge it first or review that pair.',
  'registry.proposal_status': 'The proposal is %{status}; this needs one that is %{expected}.',
  'registry.person_needs_name': 'a person needs at least one name',
  'registry.unknown_person': '%{field} %{id} is not a person of the registry',
  'registry.date_range_reversed': 'filter.dateFrom (%{from}) is after filter.dateTo (%{to})',
  'registry.person_merged': 'The person %{personId} is merged into %{mergedInto}: add facts to that record, or unmerge first.',
  'fact.episode_kind_required': 'episodeKind is required for an episode: one of %{values}',
  'fact.episode_kind_not_allowed': 'episodeKind belongs to an episode; a %{kind} fact has none',
  'fact.episode_fields': '%{fields} belongs to an episode, not to a %{kind} fact',
  'fact.value_required': 'value is required for a %{kind} fact: what the source states',
  'fact.birth_year_date_required': 'date is required for a birth_year fact, e.g. "1890" or "1890 или 1891"',
  'fact.birthplace_place_required': 'a birthplace fact needs placeId (a place of the gazetteer) or placeText (as the source writes it), or both',
  'fact.related_person_only_family': 'relatedPersonId belongs to a family_link fact',
  'fact.related_person_self': 'relatedPersonId cannot be the person themselves',
  'fact.source_fields_foreign': '%{fields}: not part of a source of kind %{kind}',
  'fact.source_reference_required': "source.reference is required for an archival source, e.g. 'ЦГА РК, ф. 141, оп. 1, д. 1234, л. 5–7'",
  'fact.source_book_title_required': 'source.bookTitle is required for a book of memory',
  'fact.source_book_page_required': 'source.bookPage is required for a book of memory: the page the person is on',
  'fact.source_evidence_required': 'source.evidenceId is required for an evidence source',
  'fact.source_page_from_required': 'source.pageFrom is required for an evidence source: the first page that supports the fact',
  'fact.source_page_beyond': "source.pageTo %{pageTo} is beyond the evidence's last page: it has %{pages} pages",
  'place.unknown': '%{field} %{id} is not a place of the gazetteer (find one with GET /api/places?q=…)',
  'place.name_exists': 'the place already has the %{language} name «%{name}»',
  'place.name_no_letters': '«%{name}» has no letters to search by',
  'place.own_parent': 'a place cannot be its own parent',
  'place.search_no_name': 'q must contain a place name to search for, in any script',
  'dictionary.unknown': 'There is no such dictionary of entries by code; there are %{values}.',
  'dictionary.entry_fields_missing': 'a new entry of %{dictionaryLabel} (%{dictionary}) needs %{fields}',
  'dictionary.entry_exists': 'The dictionary of %{dictionaryLabel} (%{dictionary}) has an entry %{code} already: change it instead.',
  'dictionary.fields_foreign': '%{fields} are not a field of the dictionary of %{dictionaryLabel} (%{dictionary})',

  'match.nothing_to_compare': 'nothing to compare',
  'match.same_skeleton': 'same skeleton',
  'match.compound_split': 'compound name written as two words on one side',
  'match.stem_matches': '%{part} stem matches',
  'match.sounds_alike': '%{part} sounds alike',
  'match.spelled_similarly': '%{part} spelled similarly',
  'match.initial_matches': 'initial matches %{part}',
  'match.initials_match': 'initials match',
  'match.differs': '%{part} differs',
  'match.patronymic_mismatch': 'a patronymic on one side is not a patronymic on the other',
  'match.missing_on_one_side': '%{part} missing on one side',
  'match.single_word': 'only one word to compare',
  'match.gender_differs': 'gender differs',
  'match.birth_year_agrees': 'birth years agree',
  'match.birth_year_differs': 'birth years differ',
  'match.birthplace_agrees': 'birthplaces agree',
  'match.birthplace_differs': 'birthplaces differ',
  'match.initials_out_of_order': 'initials in another order',
  'match.unconfirmed': 'names alike, but no birth year or birthplace confirms it',

  'import.file_format': 'file %{fileName} is neither CSV (.csv) nor XLSX (.xlsx)',
  'import.mapping_name_missing': 'mapping must name the column of the full name (fullName) or of the surname (surname)',
  'import.columns_missing': 'the file has no column for %{missing}; its columns are %{columns}',
  'import.rows_invalid': '%{count} row(s) cannot be imported; nothing was imported. Fix them and import again.',
  'import.file_unreadable': 'the file cannot be read as %{format}: %{message}',
  'import.row_full_name_empty': 'the full name (column "%{column}") is empty',
  'import.row_surname_empty': 'the surname (column "%{column}") is empty',
  'import.row_birth_year_unreadable': 'the birth year "%{value}" cannot be read: %{message}',
  'import.row_person_id_invalid': 'the person id "%{value}" is not an id of the registry',
  'import.row_external_id_too_long': 'the source\'s id is %{length} characters long; at most %{max}',
  'import.row_external_id_repeated': 'the source\'s id "%{value}" is already on line %{line}: one person per id in a list',
  'event.name_required': 'an event needs a name in Kazakh or Russian (nameKk or nameRu)',
  'event.region_not_yours': 'You work the events of region %{userRegion}; this event lies in %{regions}: name a place of your region, or ask the secretary.',
  'event.participant_exists': 'The person %{personId} already takes part in this event as %{role}.',
  'relation.self': 'a person cannot be related to themselves',
  'relation.exists': 'A relation of this kind between %{personId} and %{relativeId} is already recorded (from one side or the other).',
  'case.group_source_required': 'name exactly one list of subjects: eventId, personIds or importId (or upload a file)',
  'case.group_empty': 'the list names no person: a group case needs at least one subject',
  'case.group_import_not_done': 'The import %{importId} is %{status}: a group case is made from a finished import.',
  'case.subjects_unknown': 'subjectIds %{ids} are not subjects of this case',
  'case.subjects_remove_all': 'A case keeps at least one subject: removing all of them is refused.',
  'case.subject_link_target': 'The person %{personId} is already a subject of this case (or is not in the registry).',
  'case.bulk_fields': 'The action %{action} needs %{fields}.',
  'public_application.field_required': 'Fill in %{field}.',
  'public_application.field_invalid': '%{field} is not valid.',
  'public_application.consent_required': 'Your consent to the processing of personal data (text version %{version}) is required to apply.',
  'public_application.person_not_published': 'The person %{personId} is not in the published registry: enter the name as a new person.',
  'public_application.too_many': 'Too many applications from this address or e-mail: try again in %{retryAfterSeconds} seconds.',
  'public_application.not_found': 'There is no application with this tracking code.',
  'public_application.not_awaiting_documents': 'The application awaits no documents from you now (its status: %{status}).',
  'public_application.documents_required': 'Attach at least one document.',
  'public_application.too_many_files': 'Attach at most %{max} files.',
  'retention.rule_unknown': 'There is no retention rule for %{category}; the rules are %{known}.',
  'letter.template_unknown': 'There is no letter template %{kind} in %{language}.',
  'letter.not_found': 'There is no letter %{id} in the cases you may see.',
  'letter.not_rendered': 'Letter %{number} is being rendered; its PDF is not ready yet.',
  'letter.evidence_not_of_case': 'The scan %{id} is not evidence of this case.',
  'letter.batch_nothing_to_print': 'Session %{sessionNumber} has no certificate or decision letter to print yet.',
  'letter.batch_not_ready': 'The batch print of session %{sessionNumber} is still being put together; try again in a moment.',
  'letter.batch_none': 'Session %{sessionNumber} has no batch print yet: start one first.',
  'letter.template_placeholder_unknown': 'The template uses {%{name}}, which no case fills; the placeholders are %{known}.',
  'inventory.archive_not_yours': 'You keep the inventory of %{userArchive}; this is the inventory of %{archive}.',
  'inventory.entry_exists': 'The inventory already lists %{reference}.',
  'inventory.entry_other_archive': '%{reference} is a file of %{archive}, not of the archive this request is addressed to.',
  'inventory.mapping_missing': 'mapping must name the columns of %{fields}',
  'inventory.row_field_empty': 'line %{line}: the column "%{column}" is empty',
  'inventory.row_status': 'line %{line}: "%{value}" is not a declassification status (%{values})',
  'inventory.row_date': 'line %{line}: "%{value}" is not a date (YYYY-MM-DD)',
  'calendar.holiday_exists': 'The calendar has a holiday on %{date} already: change it instead.',
  'calendar.holiday_not_found': 'The calendar has no holiday on %{date}.',
  'calendar.year_out_of_range': 'A year of the calendar lies between %{from} and %{to}.',
  'calendar.ends_soon': 'The holiday calendar ends on %{lastDate}, within %{months} months: add the next year\'s holidays, or deadlines after it count no holidays.',
  'calendar.empty': 'The holiday calendar holds no holidays: deadlines count no holidays until an administrator adds them.',
  'search.query_length': 'A search needs %{min} to %{max} characters.',
  'contribution.not_found': 'There is no contribution %{id}.',
  'contribution.already_decided': 'Contribution %{id} was decided already (%{status}).',
  'contribution.source_required': 'To accept it, give the source as an archival reference (archive, fond, opis, delo) or a book with its page; the contributor wrote: %{source}',
  'contribution.scan_unchecked': 'The scan of contribution %{id} has not been checked yet.',
  'contribution.rejected_no_source': 'The source given cannot be found or was not named.',
  'contribution.rejected_contradicts_records': 'The archival records say otherwise.',
  'contribution.rejected_other_person': 'It is about another person.',
  'contribution.rejected_already_known': 'The Book of Memory already has it.',
  'contribution.rejected_unverifiable': 'It could not be verified.',
  'contribution.rejected_scan_unsafe': 'The attached scan could not be accepted safely.',
  'stats.period_range': 'The period from %{from} to %{to} is not a range of dates (from ≤ to, YYYY-MM-DD, at most 20 years).',
} as const satisfies Record<Code, string>;

/** Every code, in catalogue order. */
export const codes = Object.keys(codeTemplatesEn) as Code[];

export function isCode(value: unknown): value is Code {
  return typeof value === 'string' && Object.hasOwn(codeTemplatesEn, value);
}

/** English words for the values of some params, where the English template needs them. */
const englishValues: Partial<Record<string, Record<string, string>>> = {
  part: { surname: 'surname', given: 'given name', patronymic: 'patronymic' },
  entity: { archive_request: 'archive request', commission_session: 'commission session', duplicate_proposal: 'duplicate proposal', evidence_proposal: 'proposal', dictionary_entry: 'dictionary entry', audit_entry: 'audit entry', victim_category: 'victim category', legal_article: 'legal article' },
};

/** Fills `%{param}` placeholders; an array reads as a list joined by ", ", a missing param stays visible. */
export function fillTemplate(template: string, params: Record<string, unknown>, word: (name: string, value: string) => string = (_, value) => value): string {
  return template.replace(/%\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    return Array.isArray(value) ? value.map((item) => word(name, String(item))).join(', ') : word(name, String(value));
  });
}

/** The English text of a code: the `detail` of a problem answer, the stored text beside a reason code. */
export function renderCode<C extends Code>(code: C, params: CodeParams[C]): string {
  return fillTemplate(codeTemplatesEn[code], params as Record<string, unknown>, (name, value) => englishValues[name]?.[value] ?? value);
}

/** Field-level problem of a 400, with its code. */
export interface FieldProblem {
  field: string;
  message: string;
  code?: Code;
  params?: Record<string, unknown>;
}
