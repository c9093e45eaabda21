import { RetentionAction, RetentionCategory } from '@aqtalu/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity.js';

const values = (e: object) => Object.values(e).map((v) => `'${v}'`).join(',');

/** How long records of a category are kept, and what happens to them then; seeded by migration, edited by an administrator. */
@Entity({ name: 'retention_rules' })
@Check('ck_retention_rules_category', `category IN (${values(RetentionCategory)})`)
@Check('ck_retention_rules_action', `action IN (${values(RetentionAction)})`)
@Check('ck_retention_rules_keep_days', `keep_days BETWEEN 1 AND 36500`)
export class RetentionRuleEntity {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_retention_rules' }) category!: RetentionCategory;
  @Column({ name: 'keep_days', type: 'integer' }) keepDays!: number;
  @Column({ type: 'varchar', length: 16 }) action!: RetentionAction;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'fk_retention_rules_updated_by' })
  updater?: UserEntity | null;
}
