import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RegionEntity } from './region.entity.js';

export type ArchiveKind = 'presidential' | 'central_state' | 'special' | 'security' | 'regional_state';

/** An archive institution that answers archive requests through its liaisons. */
@Entity({ name: 'archives' })
@Index('uq_archives_code', ['code'], { unique: true })
export class ArchiveEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: ArchiveKind;

  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId!: string | null;

  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_archives_region' })
  region?: RegionEntity | null;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk!: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
