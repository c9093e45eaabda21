import { EventKind, EventRole, FactSourceKind, RelationKind } from '@aqtalu/contracts';
import type { SheetRange } from '@aqtalu/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EvidenceEntity } from '../evidence/evidence.entities.js';
import { UserEntity } from '../identity/user.entity.js';
import { PersonEntity } from '../registry/person.entity.js';
import { PlaceEntity } from '../registry/place.entities.js';
import { SentenceKindEntity } from '../registry/repression-dictionary.entities.js';

const values = (e: object) => Object.values(e).map((v) => `'${v}'`).join(',');

/** The source rule of person_facts, for any table that cites a source the same way. */
const sourceRule = `(source_kind = 'archival' AND reference_text IS NOT NULL AND evidence_id IS NULL AND book_title IS NULL)
   OR (source_kind = 'book' AND book_title IS NOT NULL AND book_page IS NOT NULL AND evidence_id IS NULL AND reference_text IS NULL)
   OR (source_kind = 'evidence' AND evidence_id IS NOT NULL AND page_from IS NOT NULL AND page_to IS NOT NULL AND book_title IS NULL AND reference_text IS NULL)`;

/**
 * A source as person facts cite it (person-fact.entity.ts): an archival reference kept structured, a book of
 * memory and page, or pages of a case's evidence. Shared by the tables of events and relations.
 */
export abstract class CitedSourceColumns {
  @Column({ name: 'source_kind', type: 'varchar', length: 16 }) sourceKind!: FactSourceKind;
  @Column({ type: 'text', nullable: true }) archive!: string | null;
  @Column({ type: 'text', nullable: true }) fond!: string | null;
  @Column({ type: 'text', nullable: true }) opis!: string | null;
  @Column({ type: 'text', nullable: true }) delo!: string | null;
  @Column({ type: 'jsonb', nullable: true }) sheets!: SheetRange[] | null;
  @Column({ name: 'reference_text', type: 'text', nullable: true }) referenceText!: string | null;
  @Column({ name: 'book_title', type: 'text', nullable: true }) bookTitle!: string | null;
  @Column({ name: 'book_volume', type: 'text', nullable: true }) bookVolume!: string | null;
  @Column({ name: 'book_page', type: 'integer', nullable: true }) bookPage!: number | null;
  /** A document of a case (checked readable by the writer when cited). */
  @Column({ name: 'evidence_id', type: 'uuid', nullable: true }) evidenceId!: string | null;
  @Column({ name: 'page_from', type: 'integer', nullable: true }) pageFrom!: number | null;
  @Column({ name: 'page_to', type: 'integer', nullable: true }) pageTo!: number | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}

/** An uprising, a mass operation, a group trial, a deportation echelon, a confiscation campaign (DESIGN.md §3a). */
@Entity({ name: 'events' })
@Index('ix_events_kind', ['kind'])
@Index('ix_events_dates', ['dateEarliest', 'dateLatest'])
@Check('ck_events_kind', `kind IN (${values(EventKind)})`)
@Check('ck_events_dates', `date_earliest IS NULL OR date_earliest <= date_latest`)
@Check('ck_events_name', `name_kk <> '' OR name_ru <> ''`)
export class EventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 32 }) kind!: EventKind;
  @Column({ name: 'name_kk', type: 'text', default: '' }) nameKk!: string;
  @Column({ name: 'name_ru', type: 'text', default: '' }) nameRu!: string;
  @Column({ name: 'name_en', type: 'text', default: '' }) nameEn!: string;
  /** An uncertain date (libs/domain): the wording and the interval it allows. */
  @Column({ name: 'date_text', type: 'text', nullable: true }) dateText!: string | null;
  @Column({ name: 'date_earliest', type: 'date', nullable: true }) dateEarliest!: string | null;
  @Column({ name: 'date_latest', type: 'date', nullable: true }) dateLatest!: string | null;
  @Column({ name: 'date_precision', type: 'varchar', length: 16, nullable: true }) datePrecision!: string | null;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_events_created_by' })
  creator?: UserEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'integer', default: 1 }) version!: number;
}

/** Where an event happened: places of the gazetteer, in the order given. */
@Entity({ name: 'event_places' })
@Index('ix_event_places_place', ['placeId'])
export class EventPlaceEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_event_places_event' })
  event?: EventEntity;
  @PrimaryColumn({ name: 'place_id', type: 'uuid' }) placeId!: string;
  @ManyToOne(() => PlaceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'place_id', foreignKeyConstraintName: 'fk_event_places_place' })
  place?: PlaceEntity;
  @Column({ type: 'integer' }) position!: number;
}

/** What an event is known from. */
@Entity({ name: 'event_sources' })
@Index('ix_event_sources_event', ['eventId'])
@Check('ck_event_sources_source_kind', `source_kind IN (${values(FactSourceKind)})`)
@Check('ck_event_sources_source', sourceRule)
export class EventSourceEntity extends CitedSourceColumns {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ManyToOne(() => EvidenceEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_event_sources_evidence' })
  evidence?: EvidenceEntity | null;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_event_sources_event' })
  event?: EventEntity;
  @Column({ type: 'integer' }) position!: number;
}

/** A person took part in an event with a role, as a source states; the sentence, where the source gives it. */
@Entity({ name: 'event_participants' })
@Index('uq_event_participants_person_role', ['eventId', 'personId', 'role'], { unique: true })
@Index('ix_event_participants_person', ['personId'])
@Check('ck_event_participants_role', `role IN (${values(EventRole)})`)
@Check('ck_event_participants_source_kind', `source_kind IN (${values(FactSourceKind)})`)
@Check('ck_event_participants_source', sourceRule)
export class EventParticipantEntity extends CitedSourceColumns {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ManyToOne(() => EvidenceEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_event_participants_evidence' })
  evidence?: EvidenceEntity | null;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_event_participants_event' })
  event?: EventEntity;
  @Column({ name: 'person_id', type: 'uuid' }) personId!: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_event_participants_person' })
  person?: PersonEntity;
  @Column({ type: 'varchar', length: 16 }) role!: EventRole;
  @Column({ name: 'sentence_kind_code', type: 'varchar', length: 48, nullable: true }) sentenceKindCode!: string | null;
  @ManyToOne(() => SentenceKindEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sentence_kind_code', foreignKeyConstraintName: 'fk_event_participants_sentence_kind' })
  sentenceKind?: SentenceKindEntity | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/**
 * A typed relation between two registry persons, stored once: "relative is person's <kind>" (the relative is the
 * person's father). The other side is computed; a pair has at most one family relation, one co-defendant and one
 * same-list relation, whichever side they were stored from (a unique index on the unordered pair, by hand in
 * the migration).
 */
@Entity({ name: 'person_relations' })
@Index('ix_person_relations_person', ['personId'])
@Index('ix_person_relations_relative', ['relativeId'])
@Index('uq_person_relations_pair', { synchronize: false })
@Check('ck_person_relations_kind', `kind IN (${values(RelationKind)})`)
@Check('ck_person_relations_not_self', `person_id <> relative_id`)
@Check('ck_person_relations_source_kind', `source_kind IN (${values(FactSourceKind)})`)
@Check('ck_person_relations_source', sourceRule)
export class PersonRelationEntity extends CitedSourceColumns {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ManyToOne(() => EvidenceEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_person_relations_evidence' })
  evidence?: EvidenceEntity | null;
  @Column({ name: 'person_id', type: 'uuid' }) personId!: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_person_relations_person' })
  person?: PersonEntity;
  @Column({ name: 'relative_id', type: 'uuid' }) relativeId!: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'relative_id', foreignKeyConstraintName: 'fk_person_relations_relative' })
  relative?: PersonEntity;
  @Column({ type: 'varchar', length: 16 }) kind!: RelationKind;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
