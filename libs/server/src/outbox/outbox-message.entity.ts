import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job waiting to be handed to BullMQ. It is written in the same transaction as the data it is
 * about, so a job is never lost when Redis is down and never sent for data that was rolled back.
 */
@Entity({ name: 'outbox_messages' })
@Index('ix_outbox_messages_pending', ['id'], { where: 'dispatched_at IS NULL' })
// check-evidence rows by evidence (which job belongs to an evidence): an expression index, written by hand in the migration.
@Index('ix_outbox_messages_evidence', { synchronize: false })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'job_name', type: 'varchar', length: 100 })
  jobName!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
