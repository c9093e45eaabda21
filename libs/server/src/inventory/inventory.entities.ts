import { DeclassificationStatus } from '@aqtalu/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ArchiveEntity } from '../identity/archive.entity.js';
import { PersonEntity } from '../registry/person.entity.js';

const values = (e: object) => Object.values(e).map((v) => `'${v}'`).join(',');

/**
 * A file (дело) of an archive's inventory, under its fond and opis (the structured parts of an archival reference),
 * with its declassification as the archive records it. Its liaisons keep it.
 */
@Entity({ name: 'archive_inventory_entries' })
@Index('uq_archive_inventory_entries_file', ['archiveId', 'fond', 'opis', 'delo'], { unique: true })
@Check('ck_archive_inventory_entries_status', `status IN (${values(DeclassificationStatus)})`)
export class InventoryEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'archive_id', type: 'uuid' }) archiveId!: string;
  @ManyToOne(() => ArchiveEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'archive_id', foreignKeyConstraintName: 'fk_archive_inventory_entries_archive' })
  archive?: ArchiveEntity;
  @Column({ type: 'text' }) fond!: string;
  @Column({ type: 'text' }) opis!: string;
  @Column({ type: 'text' }) delo!: string;
  @Column({ type: 'text', default: '' }) title!: string;
  /** The years the file covers, as the inventory writes them. */
  @Column({ name: 'years_text', type: 'text', nullable: true }) yearsText!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: DeclassificationStatus;
  @Column({ name: 'declassified_on', type: 'date', nullable: true }) declassifiedOn!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'integer', default: 1 }) version!: number;
}

/** A registry person a file mentions (the registry shows which files mention a person). */
@Entity({ name: 'archive_inventory_mentions' })
@Index('ix_archive_inventory_mentions_person', ['personId'])
export class InventoryMentionEntity {
  @PrimaryColumn({ name: 'entry_id', type: 'uuid' }) entryId!: string;
  @ManyToOne(() => InventoryEntryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'fk_archive_inventory_mentions_entry' })
  entry?: InventoryEntryEntity;
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId!: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_archive_inventory_mentions_person' })
  person?: PersonEntity;
  /** The sheets where the person is named, as written («л. 5–7»). */
  @Column({ type: 'text', nullable: true }) sheets!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
