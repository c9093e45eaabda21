import { EvidenceCheckName, EvidenceCheckState, EvidenceKind, EvidenceVerification } from '@aqtalu/contracts';
import type { SheetRange } from '@aqtalu/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ArchiveRequestEntity, CaseEntity } from '../cases/case.entities.js';
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
@Check('ck_evidence_checks_check', `"check" IN (${values(EvidenceCheckName)})`)
@Check('ck_evidence_checks_state', `state IN (${values(EvidenceCheckState)})`)
export class EvidenceCheckEntity {
  @PrimaryColumn({ name: 'evidence_id', type: 'uuid' }) evidenceId!: string;
  @ManyToOne(() => EvidenceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_evidence_checks_evidence' })
  evidence?: EvidenceEntity;
  @PrimaryColumn({ type: 'varchar', length: 16 }) check!: EvidenceCheckName;
  @Column({ type: 'varchar', length: 16, default: EvidenceCheckState.Pending }) state!: EvidenceCheckState;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
