import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE, except the one-time seal) and hash-chained:
 * entries are inserted concurrently without chain columns, and the sealer (`audit-sealer.ts`) later gives
 * each committed entry its place in the chain (`chainSeq`, in commit order) and a hash covering the
 * previous entry's hash and its own content. Partitioned by month of `occurredAt` (migration
 * AuditSealedChain). No foreign keys: the log outlives what it describes.
 */
@Entity({ name: 'audit_log' })
@Check(
  'ck_audit_log_sealed_together',
  `(chain_seq IS NULL) = (hash IS NULL) AND (hash IS NULL) = (previous_hash IS NULL) AND (hash IS NULL) = (sealed_at IS NULL)`,
)
@Index('ix_audit_log_entity', ['entityType', 'entityId'])
@Index('ix_audit_log_actor', ['actorId', 'occurredAt'])
@Index('ix_audit_log_occurred_at', ['occurredAt'])
@Index('ix_audit_log_action', ['action'])
@Index('ix_audit_log_chain', ['chainSeq'], { where: 'chain_seq IS NOT NULL' })
@Index('ix_audit_log_unsealed', ['id'], { where: 'hash IS NULL' })
export class AuditLogEntity {
  /** Taken at insert, in no particular commit order: the chain's order is `chainSeq`. */
  @PrimaryColumn({ type: 'bigint', default: () => "nextval('audit_log_entry_id_seq')", primaryKeyConstraintName: 'pk_audit_log' })
  id!: string;

  /** The partition key, hence part of the primary key; milliseconds, as hashed. */
  @PrimaryColumn({ name: 'occurred_at', type: 'timestamptz', precision: 3, primaryKeyConstraintName: 'pk_audit_log' })
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

  /** Position in the chain; null until sealed. */
  @Column({ name: 'chain_seq', type: 'bigint', nullable: true })
  chainSeq!: string | null;

  @Column({ name: 'previous_hash', type: 'char', length: 64, nullable: true })
  previousHash!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  hash!: string | null;

  @Column({ name: 'sealed_at', type: 'timestamptz', nullable: true })
  sealedAt!: Date | null;
}
