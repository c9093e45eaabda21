import { FactSourceKind } from '@aqtalu/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EvidenceEntity } from '../evidence/evidence.entities.js';
import { PlaceEntity } from '../registry/place.entities.js';
import { CitedSourceColumns } from './event.entities.js';

const values = (e: object) => Object.values(e).map((v) => `'${v}'`).join(',');

/** What a place of the gazetteer is known from — above all an execution or burial site and its coordinates. */
@Entity({ name: 'place_sources' })
@Index('ix_place_sources_place', ['placeId'])
@Check('ck_place_sources_source_kind', `source_kind IN (${values(FactSourceKind)})`)
@Check(
  'ck_place_sources_source',
  `(source_kind = 'archival' AND reference_text IS NOT NULL AND evidence_id IS NULL AND book_title IS NULL)
   OR (source_kind = 'book' AND book_title IS NOT NULL AND book_page IS NOT NULL AND evidence_id IS NULL AND reference_text IS NULL)
   OR (source_kind = 'evidence' AND evidence_id IS NOT NULL AND page_from IS NOT NULL AND page_to IS NOT NULL AND book_title IS NULL AND reference_text IS NULL)`,
)
export class PlaceSourceEntity extends CitedSourceColumns {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ManyToOne(() => EvidenceEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_place_sources_evidence' })
  evidence?: EvidenceEntity | null;
  @Column({ name: 'place_id', type: 'uuid' }) placeId!: string;
  @ManyToOne(() => PlaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'place_id', foreignKeyConstraintName: 'fk_place_sources_place' })
  place?: PlaceEntity;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
