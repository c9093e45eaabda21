import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PersonEntity } from './person.entity.js';
import { PersonNameVariantEntity, RegistryImportEntity } from './registry.entities.js';

/**
 * A person as a source numbers them (`source` + `externalId`, e.g. a book of memory and its entry number):
 * a corrected list imported again updates these persons instead of adding them again. Keeps the values the
 * source gave last time, so an import can tell new, changed and unchanged rows apart.
 */
@Entity({ name: 'person_external_ids' })
@Index('ix_person_external_ids_person', ['personId'])
export class PersonExternalIdEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_person_external_ids' }) source!: string;
  @PrimaryColumn({ name: 'external_id', type: 'text', primaryKeyConstraintName: 'PK_person_external_ids' }) externalId!: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId!: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_person_external_ids_person' })
  person?: PersonEntity;
  /** The spelling this source gave: corrected in place when the source corrects it. */
  @Column({ name: 'variant_id', type: 'uuid', nullable: true }) variantId!: string | null;
  @ManyToOne(() => PersonNameVariantEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_person_external_ids_variant' })
  variant?: PersonNameVariantEntity | null;
  @Column({ name: 'full_name', type: 'text' }) fullName!: string;
  @Column({ name: 'birth_year', type: 'text', nullable: true }) birthYear!: string | null;
  @Column({ type: 'text', nullable: true }) birthplace!: string | null;
  /** The import that last wrote these values. */
  @Column({ name: 'import_id', type: 'uuid', nullable: true }) importId!: string | null;
  @ManyToOne(() => RegistryImportEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_person_external_ids_import' })
  registryImport?: RegistryImportEntity | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
