import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type RegionKind = 'region' | 'city';

/** Today's regions and cities of republican significance: cases are routed to their working groups. */
@Entity({ name: 'regions' })
@Index('uq_regions_code', ['code'], { unique: true })
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 8 })
  code!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: RegionKind;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk!: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
