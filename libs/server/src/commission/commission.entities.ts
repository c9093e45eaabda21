import { DecisionOutcome, VoteChoice } from '@aqtalu/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity, CaseSubjectEntity } from '../cases/case.entities.js';
import { UserEntity } from '../identity/user.entity.js';
import { PersonEntity } from '../registry/person.entity.js';

const values = (e: object) => Object.values(e).map((v) => `'${v}'`).join(',');

/** A sitting of the commission: its date, who attended, and the cases on its agenda. */
@Entity({ name: 'commission_sessions' })
@Index('uq_commission_sessions_number', ['number'], { unique: true })
export class CommissionSessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 32 }) number!: string;
  @Column({ name: 'session_date', type: 'date' }) sessionDate!: string;
  @Column({ type: 'text', nullable: true }) place!: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'integer', default: 1 }) version!: number;
}

/** Attendance as the secretary records it; only members present vote. */
@Entity({ name: 'session_attendance' })
export class SessionAttendanceEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @ManyToOne(() => CommissionSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_session_attendance_session' })
  session?: CommissionSessionEntity;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_session_attendance_user' })
  user?: UserEntity;
  @Column({ type: 'boolean' }) present!: boolean;
}

@Entity({ name: 'agenda_items' })
@Index('uq_agenda_items_case', ['sessionId', 'caseId'], { unique: true })
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @ManyToOne(() => CommissionSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_agenda_items_session' })
  session?: CommissionSessionEntity;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_agenda_items_case' })
  case?: CaseEntity;
  @Column({ type: 'integer' }) position!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'votes' })
@Index('uq_votes_member', ['agendaItemId', 'memberId'], { unique: true })
@Check('ck_votes_choice', `choice IN (${values(VoteChoice)})`)
export class VoteEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agenda_item_id', type: 'uuid' }) agendaItemId!: string;
  @ManyToOne(() => AgendaItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'fk_votes_agenda_item' })
  agendaItem?: AgendaItemEntity;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'fk_votes_member' })
  member?: UserEntity;
  @Column({ type: 'varchar', length: 16 }) choice!: VoteChoice;
  @Column({ name: 'dissenting_opinion', type: 'text', nullable: true }) dissentingOpinion!: string | null;
  @CreateDateColumn({ name: 'cast_at', type: 'timestamptz' }) castAt!: Date;
}

/** What the chair recorded for a case, with reasons, and per-person exceptions of a group case. */
@Entity({ name: 'decisions' })
@Index('uq_decisions_number', ['number'], { unique: true })
@Check('ck_decisions_outcome', `outcome IN (${values(DecisionOutcome)})`)
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 32 }) number!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_decisions_case' })
  case?: CaseEntity;
  @Column({ name: 'agenda_item_id', type: 'uuid' }) agendaItemId!: string;
  @ManyToOne(() => AgendaItemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'fk_decisions_agenda_item' })
  agendaItem?: AgendaItemEntity;
  @Column({ type: 'varchar', length: 32 }) outcome!: DecisionOutcome;
  @Column({ type: 'text' }) reasons!: string;
  @Column({ name: 'decided_by', type: 'uuid' }) decidedBy!: string;
  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' }) decidedAt!: Date;
}

@Entity({ name: 'decision_exceptions' })
@Check('ck_decision_exceptions_outcome', `outcome IN (${values(DecisionOutcome)})`)
export class DecisionExceptionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'decision_id', type: 'uuid' }) decisionId!: string;
  @ManyToOne(() => DecisionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'fk_decision_exceptions_decision' })
  decision?: DecisionEntity;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  @ManyToOne(() => CaseSubjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_id', foreignKeyConstraintName: 'fk_decision_exceptions_subject' })
  subject?: CaseSubjectEntity;
  @Column({ type: 'varchar', length: 32 }) outcome!: DecisionOutcome;
  @Column({ type: 'text' }) reason!: string;
  /** The new case opened for a person returned for more evidence. */
  @Column({ name: 'spun_off_case_id', type: 'uuid', nullable: true }) spunOffCaseId!: string | null;
}

/** A certificate of rehabilitation for one person; the worker renders its PDF. */
@Entity({ name: 'certificates' })
@Index('uq_certificates_code', ['verificationCode'], { unique: true })
@Index('uq_certificates_number', ['number'], { unique: true })
@Index('uq_certificates_person_decision', ['decisionId', 'personId'], { unique: true })
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 32 }) number!: string;
  @Column({ name: 'verification_code', type: 'varchar', length: 32 }) verificationCode!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_certificates_case' })
  case?: CaseEntity;
  @Column({ name: 'person_id', type: 'uuid' }) personId!: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_certificates_person' })
  person?: PersonEntity;
  @Column({ name: 'decision_id', type: 'uuid' }) decisionId!: string;
  @ManyToOne(() => DecisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'fk_certificates_decision' })
  decision?: DecisionEntity;
  @Column({ type: 'bytea', nullable: true }) pdf!: Buffer | null;
  @Column({ name: 'rendered_at', type: 'timestamptz', nullable: true }) renderedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
