import { ApplicantKind, ArchiveRequestStatus, CaseStatus, ConclusionRecommendation, DecisionOutcome } from '@aqtalu/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ArchiveEntity } from '../identity/archive.entity.js';
import { InventoryEntryEntity } from '../inventory/inventory.entities.js';
import { RegionEntity } from '../identity/region.entity.js';
import { UserEntity } from '../identity/user.entity.js';
import { PersonEntity } from '../registry/person.entity.js';
import { LegalArticleEntity, VictimCategoryEntity } from '../reference/dictionary.entities.js';

const values = (e: object) => Object.values(e).map((v) => `'${v}'`).join(',');

/** The unit of work: one person, or a group decided together (DESIGN.md §1). `status` moves only by transitions. */
@Entity({ name: 'cases' })
@Index('uq_cases_number', ['number'], { unique: true })
@Index('ix_cases_region_status', ['regionId', 'status'])
@Check('ck_cases_status', `status IN (${values(CaseStatus)})`)
@Check('ck_cases_applicant_kind', `applicant_kind IN (${values(ApplicantKind)})`)
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  /** e.g. ALM-2026-000123 */
  @Column({ type: 'varchar', length: 20 }) number!: string;

  @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_cases_region' })
  region?: RegionEntity;

  @Column({ name: 'category_code', type: 'varchar', length: 48 }) categoryCode!: string;
  @ManyToOne(() => VictimCategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'fk_cases_category' })
  category?: VictimCategoryEntity;

  @Column({ type: 'varchar', length: 32 }) status!: CaseStatus;
  @Column({ type: 'text', default: '' }) summary!: string;
  @Column({ name: 'is_group', type: 'boolean', default: false }) isGroup!: boolean;

  @Column({ name: 'applicant_kind', type: 'varchar', length: 20 }) applicantKind!: ApplicantKind;
  @Column({ name: 'applicant_name', type: 'text' }) applicantName!: string;
  /** For a relative: the stated kinship ("granddaughter") and what proves it. */
  @Column({ name: 'applicant_kinship', type: 'text', nullable: true }) applicantKinship!: string | null;
  @Column({ name: 'applicant_kinship_proof', type: 'text', nullable: true }) applicantKinshipProof!: string | null;
  @Column({ name: 'applicant_email', type: 'varchar', length: 320, nullable: true }) applicantEmail!: string | null;
  @Column({ name: 'applicant_phone', type: 'varchar', length: 40, nullable: true }) applicantPhone!: string | null;
  @Column({ name: 'applicant_address', type: 'text', nullable: true }) applicantAddress!: string | null;

  /** The case this one was split from (a person excepted from a group decision). */
  @Column({ name: 'parent_case_id', type: 'uuid', nullable: true }) parentCaseId!: string | null;
  @ManyToOne(() => CaseEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_case_id', foreignKeyConstraintName: 'fk_cases_parent' })
  parentCase?: CaseEntity | null;

  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_cases_created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'integer', default: 1 }) version!: number;
  /** Bumped by changes to the case's file only (not by transitions): a signature binds to it. */
  @Column({ name: 'content_version', type: 'integer', default: 1 }) contentVersion!: number;
}

/** Allocates case numbers per region and year without gaps from concurrent inserts racing. */
@Entity({ name: 'case_number_counters' })
export class CaseNumberCounterEntity {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @Column({ name: 'last_sequence', type: 'integer' }) lastSequence!: number;
}

/** A person the case is about; a group case has many, and its decision may treat one differently. */
@Entity({ name: 'case_subjects' })
@Index('uq_case_subjects_person', ['caseId', 'personId'], { unique: true })
@Check('ck_case_subjects_outcome', `outcome IS NULL OR outcome IN (${values(DecisionOutcome)})`)
@Check('ck_case_subjects_exception_outcome', `exception_outcome IS NULL OR exception_outcome IN (${values(DecisionOutcome)})`)
export class CaseSubjectEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_subjects_case' })
  case?: CaseEntity;

  @Column({ name: 'person_id', type: 'uuid' }) personId!: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_case_subjects_person' })
  person?: PersonEntity;

  @Column({ type: 'integer' }) position!: number;
  /** Set by the decision, for this person. */
  @Column({ type: 'varchar', length: 32, nullable: true }) outcome!: DecisionOutcome | null;
  /** Marked before the decision (a bulk action): this person is to be decided otherwise, for this reason. */
  @Column({ name: 'exception_outcome', type: 'varchar', length: 32, nullable: true }) exceptionOutcome!: DecisionOutcome | null;
  @Column({ name: 'exception_reason', type: 'text', nullable: true }) exceptionReason!: string | null;
}

/** The case's history: every transition and notable change, in order. */
@Entity({ name: 'case_events' })
@Index('ix_case_events_case', ['caseId', 'id'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_events_case' })
  case?: CaseEntity;
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'varchar', length: 64 }) kind!: string;
  @Column({ type: 'jsonb', nullable: true }) data!: Record<string, unknown> | null;
}

/** A question to an archive; its liaisons see it in their inbox. */
@Entity({ name: 'archive_requests' })
@Index('ix_archive_requests_archive_status', ['archiveId', 'status'])
@Index('ix_archive_requests_case', ['caseId'])
@Check('ck_archive_requests_status', `status IN (${values(ArchiveRequestStatus)})`)
export class ArchiveRequestEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_archive_requests_case' })
  case?: CaseEntity;

  @Column({ name: 'archive_id', type: 'uuid' }) archiveId!: string;
  @ManyToOne(() => ArchiveEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'archive_id', foreignKeyConstraintName: 'fk_archive_requests_archive' })
  archive?: ArchiveEntity;

  /** What is sought: the investigation file, the troika protocol, … */
  @Column({ type: 'text' }) sought!: string;
  /** The file of the archive's inventory the request asks for, when the inventory lists it. */
  @Column({ name: 'inventory_entry_id', type: 'uuid', nullable: true }) inventoryEntryId!: string | null;
  @ManyToOne(() => InventoryEntryEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inventory_entry_id', foreignKeyConstraintName: 'fk_archive_requests_inventory_entry' })
  inventoryEntry?: InventoryEntryEntity | null;
  @Column({ type: 'varchar', length: 20 }) status!: ArchiveRequestStatus;
  @Column({ name: 'sent_on', type: 'date' }) sentOn!: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  /** Set by the overdue job the first day after the due date without an answer. */
  @Column({ name: 'overdue_since', type: 'date', nullable: true }) overdueSince!: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ name: 'answer_note', type: 'text', nullable: true }) answerNote!: string | null;
  @Column({ name: 'answered_by', type: 'uuid', nullable: true }) answeredBy!: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'integer', default: 1 }) version!: number;
}

/** The working group's conclusion; signing binds it to the case's version at that moment. */
@Entity({ name: 'conclusions' })
@Index('uq_conclusions_case', ['caseId'], { unique: true })
@Check('ck_conclusions_recommendation', `recommendation IN (${values(ConclusionRecommendation)})`)
export class ConclusionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_conclusions_case' })
  case?: CaseEntity;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @Column({ type: 'varchar', length: 32 }) recommendation!: ConclusionRecommendation;
  @Column({ type: 'text' }) reasoning!: string;
  @Column({ name: 'legal_article_code', type: 'varchar', length: 32 }) legalArticleCode!: string;
  @ManyToOne(() => LegalArticleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'legal_article_code', foreignKeyConstraintName: 'fk_conclusions_legal_article' })
  legalArticle?: LegalArticleEntity;
  @Column({ name: 'signed_by', type: 'uuid', nullable: true }) signedBy!: string | null;
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true }) signedAt!: Date | null;
  @Column({ name: 'signed_case_version', type: 'integer', nullable: true }) signedCaseVersion!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'integer', default: 1 }) version!: number;
}
