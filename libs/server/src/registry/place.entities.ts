import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PlaceKind, PlaceNameLanguage } from '@aqtalu/contracts';
import { RegionEntity } from '../identity/region.entity.js';

const values = (e: object) => Object.values(e).map((v) => `'${v}'`).join(',');

/**
 * A unit of the historical gazetteer (guberniya, okrug, uezd, raion, aul soviet, a town under any of its
 * names), mapped to today's region so cases are routed and statistics counted by it.
 */
@Entity({ name: 'places' })
@Index('uq_places_code', ['code'], { unique: true })
@Index('ix_places_region', ['regionId'])
@Check('ck_places_kind', `kind IN (${values(PlaceKind)})`)
@Check('ck_places_years', `valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to`)
export class PlaceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stable key of a seeded place (e.g. `akmolinsk`), so seeding is idempotent; null for places added by hand. */
  @Column({ type: 'varchar', length: 64, nullable: true }) code!: string | null;
  @Column({ type: 'varchar', length: 16 }) kind!: PlaceKind;
  /** Today's region the unit lies in (its larger part, when it straddles several). */
  @Column({ name: 'region_id', type: 'uuid', nullable: true }) regionId!: string | null;
  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_places_region' })
  region?: RegionEntity | null;
  /** The larger historical unit this one belonged to (an uezd of a guberniya). */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @ManyToOne(() => PlaceEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_places_parent' })
  parent?: PlaceEntity | null;
  @Column({ name: 'name_kk', type: 'text' }) nameKk!: string;
  @Column({ name: 'name_ru', type: 'text' }) nameRu!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
  /** Years the unit existed, where known. */
  @Column({ name: 'valid_from', type: 'integer', nullable: true }) validFrom!: number | null;
  @Column({ name: 'valid_to', type: 'integer', nullable: true }) validTo!: number | null;
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/**
 * Every name a place was known by (Verny, Alma-Ata, Almaty …) in kk / ru / Latin, with the years it was used
 * where known, and a script-independent search key (libs/domain name folding). The trigram index on
 * `search_key` is written by hand in the migration.
 */
@Entity({ name: 'place_names' })
@Index('ix_place_names_place', ['placeId'])
@Index('ix_place_names_search_key_trgm', { synchronize: false })
@Check('ck_place_names_language', `language IN (${values(PlaceNameLanguage)})`)
export class PlaceNameEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'place_id', type: 'uuid' }) placeId!: string;
  @ManyToOne(() => PlaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'place_id', foreignKeyConstraintName: 'fk_place_names_place' })
  place?: PlaceEntity;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'varchar', length: 8 }) language!: PlaceNameLanguage;
  @Column({ name: 'valid_from', type: 'integer', nullable: true }) validFrom!: number | null;
  @Column({ name: 'valid_to', type: 'integer', nullable: true }) validTo!: number | null;
  @Column({ name: 'search_key', type: 'text' }) searchKey!: string;
}
