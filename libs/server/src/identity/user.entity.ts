import { Role } from '@aqtalu/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { ArchiveEntity } from './archive.entity.js';
import { RegionEntity } from './region.entity.js';

/** A person who signs in. Working-group users belong to a region, liaisons to an archive (checked by the database). */
@Entity({ name: 'users' })
@Index('uq_users_email', ['email'], { unique: true })
@Check('ck_users_role', `role IN ('admin','secretary','wg_member','wg_lead','archive_liaison','commission_member','chair','auditor')`)
@Check('ck_users_region_scope', `role NOT IN ('wg_member','wg_lead') OR region_id IS NOT NULL`)
@Check('ck_users_archive_scope', `role <> 'archive_liaison' OR archive_id IS NOT NULL`)
@Check('ck_users_email_lowercase', `email = lower(email)`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case: e-mail addresses are compared case-insensitively. */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId!: string | null;

  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_users_region' })
  region?: RegionEntity | null;

  @Column({ name: 'archive_id', type: 'uuid', nullable: true })
  archiveId!: string | null;

  @ManyToOne(() => ArchiveEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'archive_id', foreignKeyConstraintName: 'fk_users_archive' })
  archive?: ArchiveEntity | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  /** TOTP secret, encrypted (AES-256-GCM) with a key derived from TOTP_ENCRYPTION_KEY. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true })
  totpSecret!: string | null;

  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
