import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A repressed person of the registry of names. This is the part cases need; the registry feature adds
 * name variants, episodes and sources around it.
 */
@Entity({ name: 'persons' })
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

  @Column({ name: 'rehabilitated_on', type: 'date', nullable: true })
  rehabilitatedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}
