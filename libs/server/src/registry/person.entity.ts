import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PlaceEntity } from './place.entities.js';

/**
 * A repressed person of the registry of names. This is the part cases need; the registry feature adds
 * name variants, episodes and sources around it.
 */
@Entity({ name: 'persons' })
// a partial index for the duplicate detection's work list, written by hand in the migration
@Index('ix_persons_duplicates_unchecked', { synchronize: false })
@Index('ix_persons_birthplace_place', ['birthplacePlaceId'], { where: 'birthplace_place_id IS NOT NULL' })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Full name as written in Kazakh (Cyrillic), e.g. «Жұмабаев Мағжан». */
  @Column({ name: 'name_kk', type: 'text', nullable: true })
  nameKk!: string | null;

  /** Full name as written in Russian, e.g. «Жумабаев Магжан». */
  @Column({ name: 'name_ru', type: 'text', nullable: true })
  nameRu!: string | null;

  @Column({ name: 'birth_year', type: 'varchar', length: 64, nullable: true })
  birthYear!: string | null;

  @Column({ type: 'text', nullable: true })
  birthplace!: string | null;

  /** The birthplace in the historical gazetteer: routes the person's cases to today's region. */
  @Column({ name: 'birthplace_place_id', type: 'uuid', nullable: true })
  birthplacePlaceId!: string | null;

  @ManyToOne(() => PlaceEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'birthplace_place_id', foreignKeyConstraintName: 'fk_persons_birthplace_place' })
  birthplacePlace?: PlaceEntity | null;

  /** Set while this record is merged into another; the merge is undone by clearing it. */
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  /** Has the duplicate detection looked at this person since its names last changed? */
  @Column({ name: 'duplicates_checked_at', type: 'timestamptz', nullable: true })
  duplicatesCheckedAt!: Date | null;

  @Column({ name: 'rehabilitated_on', type: 'date', nullable: true })
  rehabilitatedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}
