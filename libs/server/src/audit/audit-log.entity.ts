import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained: each row's hash covers
 * the previous row's hash and its own content. No foreign keys: the log outlives what it describes.
 */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_entity', ['entityType', 'entityId'])
@Index('ix_audit_log_actor', ['actorId', 'occurredAt'])
@Index('ix_audit_log_occurred_at', ['occurredAt'])
@Index('ix_audit_log_action', ['action'])
@Index('uq_audit_log_hash', ['hash'], { unique: true })
export class AuditLogEntity {
  /** Taken under the chain lock, so id order is chain order. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole!: string | null;

  /** `<entity>.<verb>`, e.g. `user.create`, `case.read`, `auth.login_failed`, `access.denied`. */
  @Column({ type: 'varchar', length: 100 })
  action!: string;

  @Column({ type: 'varchar', length: 16 })
  outcome!: 'allowed' | 'denied' | 'failed';

  @Column({ name: 'entity_type', type: 'varchar', length: 50, nullable: true })
  entityType!: string | null;

  @Column({ name: 'entity_id', type: 'varchar', length: 100, nullable: true })
  entityId!: string | null;

  /** `{ before, after }` of a write, changed fields only. */
  @Column({ type: 'jsonb', nullable: true })
  diff!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  details!: unknown;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'previous_hash', type: 'char', length: 64 })
  previousHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
