import { EvidenceCheckName, EvidenceCheckState, EvidenceKind, EvidenceProposalKind, EvidenceProposalStatus, EvidenceVerification } from '@aqtalu/contracts';
import type { SheetRange } from '@aqtalu/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ArchiveRequestEntity, CaseEntity, ConclusionEntity } from '../cases/case.entities.js';
import { PersonEntity } from '../registry/person.entity.js';
import { UserEntity } from '../identity/user.entity.js';

const values = (e: object) => Object.values(e).map((v) => `'${v}'`).join(',');

/**
 * A file given to a case: a scan or PDF with what its uploader declared about it and what the checks
 * found. The bytes live in FileStorage under `sha256`; a new upload of the same document is a new row
 * (`previous_id`, `version_no`), never an overwrite.
 */
@Entity({ name: 'evidence' })
@Index('ix_evidence_case', ['caseId', 'createdAt'])
@Index('ix_evidence_case_sha256', ['caseId', 'sha256'])
// The GIN index on `tsv` (full-text search of extracted text) is written by hand in the migration.
@Index('ix_evidence_tsv', { synchronize: false })
@Check('ck_evidence_kind', `kind IN (${values(EvidenceKind)})`)
@Check('ck_evidence_verification', `verification IN (${values(EvidenceVerification)})`)
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_evidence_case' })
  case?: CaseEntity;

  @Column({ name: 'archive_request_id', type: 'uuid', nullable: true }) archiveRequestId!: string | null;
  @ManyToOne(() => ArchiveRequestEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'archive_request_id', foreignKeyConstraintName: 'fk_evidence_archive_request' })
  archiveRequest?: ArchiveRequestEntity | null;

  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'fk_evidence_uploaded_by' })
  uploader?: UserEntity;

  @Column({ type: 'varchar', length: 32 }) kind!: EvidenceKind;
  @Column({ name: 'declared_mime', type: 'varchar', length: 100 }) declaredMime!: string;
  @Column({ name: 'detected_mime', type: 'varchar', length: 100, nullable: true }) detectedMime!: string | null;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'bigint' }) size!: string;
  @Column({ name: 'original_name', type: 'text' }) originalName!: string;

  @Column({ name: 'version_no', type: 'integer', default: 1 }) versionNo!: number;
  /** The earlier version of the same document that this upload replaces. */
  @Column({ name: 'previous_id', type: 'uuid', nullable: true }) previousId!: string | null;
  @ManyToOne(() => EvidenceEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'previous_id', foreignKeyConstraintName: 'fk_evidence_previous' })
  previous?: EvidenceEntity | null;
  /** The earlier evidence of the same case with the same bytes, found by the checksum check. */
  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true }) duplicateOf!: string | null;
  @ManyToOne(() => EvidenceEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'duplicate_of', foreignKeyConstraintName: 'fk_evidence_duplicate_of' })
  duplicate?: EvidenceEntity | null;

  /** As written on the document; may be uncertain ("1937?", "осень 1937"). */
  @Column({ name: 'document_date', type: 'text', nullable: true }) documentDate!: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) language!: string | null;

  @Column({ name: 'archive_code', type: 'text', nullable: true }) archiveCode!: string | null;
  @Column({ type: 'text', nullable: true }) fond!: string | null;
  @Column({ type: 'text', nullable: true }) opis!: string | null;
  @Column({ type: 'text', nullable: true }) delo!: string | null;
  @Column({ type: 'jsonb', nullable: true }) sheets!: SheetRange[] | null;
  /** The reference's canonical text (libs/domain archival-reference). */
  @Column({ name: 'reference_text', type: 'text', nullable: true }) referenceText!: string | null;

  @Column({ type: 'integer', nullable: true }) pages!: number | null;
  @Column({ name: 'text_content', type: 'text', nullable: true }) textContent!: string | null;
  @Column({ type: 'tsvector', nullable: true, select: false }) tsv!: string | null;
  /** A small PNG of the image or the first PDF page, stored in FileStorage like the file itself. */
  @Column({ name: 'thumbnail_sha256', type: 'char', length: 64, nullable: true }) thumbnailSha256!: string | null;

  @Column({ type: 'varchar', length: 16, default: EvidenceVerification.Unverified }) verification!: EvidenceVerification;
  @Column({ name: 'verified_by', type: 'uuid', nullable: true }) verifiedBy!: string | null;
  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'verified_by', foreignKeyConstraintName: 'fk_evidence_verified_by' })
  verifier?: UserEntity | null;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;
  @Column({ name: 'verification_reason', type: 'text', nullable: true }) verificationReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** One background check of one evidence; its state and reason are shown as they are. */
@Entity({ name: 'evidence_checks' })
// Unfinished checks by age (health, the reconciler): a partial index, written by hand in the migration.
@Index('ix_evidence_checks_unfinished', { synchronize: false })
@Check('ck_evidence_checks_check', `"check" IN (${values(EvidenceCheckName)})`)
@Check('ck_evidence_checks_state', `state IN (${values(EvidenceCheckState)})`)
export class EvidenceCheckEntity {
  @PrimaryColumn({ name: 'evidence_id', type: 'uuid' }) evidenceId!: string;
  @ManyToOne(() => EvidenceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_evidence_checks_evidence' })
  evidence?: EvidenceEntity;
  @PrimaryColumn({ type: 'varchar', length: 16 }) check!: EvidenceCheckName;
  @Column({ type: 'varchar', length: 16, default: EvidenceCheckState.Pending }) state!: EvidenceCheckState;
  /** English, beside its code and params. */
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  /** A code of the catalogue in contracts (`check.*`), for a screen to say the reason in its language. */
  @Column({ name: 'reason_code', type: 'varchar', length: 64, nullable: true }) reasonCode!: string | null;
  @Column({ name: 'reason_params', type: 'jsonb', nullable: true }) reasonParams!: Record<string, unknown> | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/**
 * "Pages 5–7 of this evidence" cited by a statement of the working group's conclusion. Only verified
 * evidence of the conclusion's own case can be cited; a rewritten draft replaces its citations.
 */
@Entity({ name: 'conclusion_citations' })
@Index('ix_conclusion_citations_conclusion', ['conclusionId'])
@Index('ix_conclusion_citations_evidence', ['evidenceId'])
@Check('ck_conclusion_citations_pages', `page_from >= 1 AND page_to >= page_from`)
export class ConclusionCitationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'conclusion_id', type: 'uuid' }) conclusionId!: string;
  @ManyToOne(() => ConclusionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conclusion_id', foreignKeyConstraintName: 'fk_conclusion_citations_conclusion' })
  conclusion?: ConclusionEntity;
  @Column({ name: 'evidence_id', type: 'uuid' }) evidenceId!: string;
  @ManyToOne(() => EvidenceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_conclusion_citations_evidence' })
  evidence?: EvidenceEntity;
  @Column({ name: 'page_from', type: 'integer' }) pageFrom!: number;
  @Column({ name: 'page_to', type: 'integer' }) pageTo!: number;
  /** What these pages prove, e.g. "the date of arrest", "the troika's sentence". */
  @Column({ type: 'text' }) statement!: string;
  @Column({ type: 'integer' }) position!: number;
}

/**
 * A reference, date or name the proposals check found in an evidence's text: shown to the working group,
 * which confirms (the link is made) or dismisses it. Nothing is linked without a person's decision.
 */
@Entity({ name: 'evidence_proposals' })
@Index('uq_evidence_proposals_finding', ['evidenceId', 'kind', 'key'], { unique: true })
@Check('ck_evidence_proposals_kind', `kind IN (${values(EvidenceProposalKind)})`)
@Check('ck_evidence_proposals_status', `status IN (${values(EvidenceProposalStatus)})`)
export class EvidenceProposalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'evidence_id', type: 'uuid' }) evidenceId!: string;
  @ManyToOne(() => EvidenceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_evidence_proposals_evidence' })
  evidence?: EvidenceEntity;
  @Column({ type: 'varchar', length: 16 }) kind!: EvidenceProposalKind;
  /** What identifies the finding within its evidence (a re-run of the check finds the same proposals). */
  @Column({ type: 'text' }) key!: string;
  /** As written in the text. */
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'integer' }) page!: number;
  /** The parsed reference or date. */
  @Column({ type: 'jsonb', nullable: true }) value!: unknown;
  /** For a name: the registry person it matches best, if any. */
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId!: string | null;
  @ManyToOne(() => PersonEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_evidence_proposals_person' })
  person?: PersonEntity | null;
  @Column({ type: 'real', nullable: true }) score!: number | null;
  @Column({ type: 'varchar', length: 16, default: EvidenceProposalStatus.Proposed }) status!: EvidenceProposalStatus;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'fk_evidence_proposals_decided_by' })
  decider?: UserEntity | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
