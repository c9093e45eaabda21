import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity.js';
import { CaseEntity } from './case.entities.js';

/** A remark on a case; `@name@example.kz` mentions notify the people named, if they may see the case. */
@Entity({ name: 'case_comments' })
@Index('ix_case_comments_case', ['caseId', 'createdAt'])
export class CaseCommentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_comments_case' })
  case?: CaseEntity;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_case_comments_author' })
  author?: UserEntity;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'uuid', array: true }) mentions!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A piece of work on a case for one person, with a due date. */
@Entity({ name: 'case_tasks' })
@Index('ix_case_tasks_assignee', ['assigneeId', 'doneAt'])
export class CaseTaskEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_tasks_case' })
  case?: CaseEntity;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'assignee_id', type: 'uuid' }) assigneeId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'fk_case_tasks_assignee' })
  assignee?: UserEntity;
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate!: string | null;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'integer', default: 1 }) version!: number;
}

/** Someone who follows a case: told of each of its transitions while they may still see it. */
@Entity({ name: 'case_watchers' })
@Index('ix_case_watchers_user', ['userId'])
export class CaseWatcherEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'pk_case_watchers' }) caseId!: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_watchers_case' })
  case?: CaseEntity;
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_case_watchers' }) userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_case_watchers_user' })
  user?: UserEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
