import {
  publicApplicationLanguages,
  PublicApplicationMailKind,
  ApplicantKind,
  ArchiveRequestStatus,
  CaseStatus,
  ConclusionRecommendation,
  DecisionOutcome,
  DeclassificationStatus,
  DuplicateStatus,
  EpisodeKind,
  EvidenceCheckName,
  EvidenceCheckState,
  EvidenceKind,
  EvidenceProposalKind,
  EvidenceProposalStatus,
  EvidenceVerification,
  EventKind,
  EventRole,
  FactKind,
  FactSourceKind,
  LetterDirection,
  LetterKind,
  LetterLanguage,
  LetterStatus,
  PrintBatchStatus,
  NameScript,
  PlaceKind,
  PlaceNameLanguage,
  RegistryImportStatus,
  RetentionAction,
  RetentionCategory,
  RelationKind,
  Role,
  VoteChoice,
} from '@aqtalu/contracts';
import { createTestEnvironment, type TestEnvironment } from '@aqtalu/testing';
import pg from 'pg';
import { publicationBases } from '../publication/publication.service.js';
import { contributionLanguages, contributionRejections, contributionScanStates, contributionStatuses, contributionSubjects } from '@aqtalu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every column the database restricts to a list of values, and the enum in contracts that list must equal.
 * A new enum-backed column (or a new value) fails here until its migration and its enum agree.
 */
const enumColumns: Record<string, readonly string[]> = {
  'users.role': Object.values(Role),
  'cases.status': Object.values(CaseStatus),
  'cases.applicant_kind': Object.values(ApplicantKind),
  'case_subjects.outcome': Object.values(DecisionOutcome),
  'archive_requests.status': Object.values(ArchiveRequestStatus),
  'conclusions.recommendation': Object.values(ConclusionRecommendation),
  'votes.choice': Object.values(VoteChoice),
  'decisions.outcome': Object.values(DecisionOutcome),
  'decision_exceptions.outcome': Object.values(DecisionOutcome),
  'person_name_variants.script': Object.values(NameScript),
  'duplicate_candidates.status': Object.values(DuplicateStatus),
  'registry_imports.status': Object.values(RegistryImportStatus),
  'evidence.verification': Object.values(EvidenceVerification),
  'evidence.kind': Object.values(EvidenceKind),
  'evidence_checks.state': Object.values(EvidenceCheckState),
  'evidence_checks.check': Object.values(EvidenceCheckName),
  'evidence_proposals.status': Object.values(EvidenceProposalStatus),
  'evidence_proposals.kind': Object.values(EvidenceProposalKind),
  'places.kind': Object.values(PlaceKind),
  'place_names.language': Object.values(PlaceNameLanguage),
  'person_facts.source_kind': Object.values(FactSourceKind),
  'person_facts.kind': Object.values(FactKind),
  'person_facts.episode_kind': Object.values(EpisodeKind),
  'retention_rules.category': Object.values(RetentionCategory),
  'retention_rules.action': Object.values(RetentionAction),
  'case_subjects.exception_outcome': Object.values(DecisionOutcome),
  'events.kind': Object.values(EventKind),
  'event_sources.source_kind': Object.values(FactSourceKind),
  'event_participants.role': Object.values(EventRole),
  'event_participants.source_kind': Object.values(FactSourceKind),
  'person_relations.kind': Object.values(RelationKind),
  'person_relations.source_kind': Object.values(FactSourceKind),
  'archive_inventory_entries.status': Object.values(DeclassificationStatus),
  'place_sources.source_kind': Object.values(FactSourceKind),
  'published_persons.basis': publicationBases,
  'contributions.subject': contributionSubjects,
  'contributions.status': contributionStatuses,
  'contributions.scan_state': contributionScanStates,
  'contributions.rejection': contributionRejections,
  'contributions.language': contributionLanguages,
  'public_applications.language': publicApplicationLanguages,
  'public_application_mails.kind': Object.values(PublicApplicationMailKind),
  'letter_templates.kind': Object.values(LetterKind),
  'letter_templates.language': Object.values(LetterLanguage),
  'letter_counters.kind': Object.values(LetterKind),
  'letters.direction': Object.values(LetterDirection),
  'letters.kind': Object.values(LetterKind),
  'letters.status': Object.values(LetterStatus),
  'session_print_batches.status': Object.values(PrintBatchStatus),
};

/** Columns a CHECK limits to listed values for another reason than an enum (a scope rule, not a domain). */
const notEnums = new Set(['ck_users_region_scope', 'ck_users_archive_scope']);

describe('enum-backed columns', () => {
  let environment: TestEnvironment;
  let db: pg.Client;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    db = new pg.Client({ connectionString: environment.ownerDatabaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await environment?.dispose();
  });

  it('restrict each column, after all migrations, to exactly the values of its enum in contracts', async () => {
    const rows: Array<{ table: string; name: string; definition: string }> = (
      await db.query(
        `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
         WHERE c.contype = 'c' AND n.nspname = 'public' AND pg_get_constraintdef(c.oid) LIKE '%= ANY%'`,
      )
    ).rows;
    const found: Record<string, string[]> = {};
    for (const row of rows) {
      if (notEnums.has(row.name)) continue;
      // CHECK ((((role)::text = ANY ((ARRAY['admin'::character varying, …])::text[]))))
      const column = /\(+"?([a-z_]+)"?\)?(?:::text)? = ANY/.exec(row.definition)?.[1];
      const list = /ARRAY\[([^\]]*)\]/.exec(row.definition)?.[1] ?? '';
      const values = [...list.matchAll(/'([^']*)'::/g)].map((match) => match[1]!);
      expect(column, `cannot read the column of ${row.name}: ${row.definition}`).toBeDefined();
      found[`${row.table}.${column}`] = values.sort();
    }
    const declared = Object.fromEntries(Object.entries(enumColumns).map(([key, values]) => [key, [...values].sort()]));
    expect(found).toEqual(declared);
  });
});
