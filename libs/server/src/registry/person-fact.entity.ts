import { EpisodeKind, FactKind, FactSourceKind } from '@aqtalu/contracts';
import type { SheetRange } from '@aqtalu/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EvidenceEntity } from '../evidence/evidence.entities.js';
import { UserEntity } from '../identity/user.entity.js';
import { PlaceEntity } from './place.entities.js';
import { PersonEntity } from './person.entity.js';
import { CampEntity, SentenceKindEntity, SentencingBodyEntity } from './repression-dictionary.entities.js';

const values = (e: object) => Object.values(e).map((v) => `'${v}'`).join(',');

/**
 * One fact of a registry person as one source states it: birth year, birthplace, nationality … or a dated
 * repression episode (arrest, sentence by which body under which articles, camp, exile …). Sources that
 * disagree each get their row; a person marks one per `accept_key` as accepted. Every row cites exactly one
 * source: an archival reference (structured), a book of memory and page, or pages of a case's evidence.
 */
@Entity({ name: 'person_facts' })
@Index('ix_person_facts_person', ['personId', 'dateEarliest', 'dateLatest'])
// GiST on daterange(date_earliest, date_latest, '[]'), written by hand in the migration: date-range filters
@Index('ix_person_facts_date_range', { synchronize: false })
@Index('ix_person_facts_recorded_for', ['recordedForId'])
@Index('ix_person_facts_evidence', ['evidenceId'], { where: 'evidence_id IS NOT NULL' })
@Index('ix_person_facts_sentence_kind', ['sentenceKindCode', 'personId'], { where: 'sentence_kind_code IS NOT NULL' })
@Index('uq_person_facts_accepted', ['personId', 'acceptKey'], { unique: true, where: 'accepted' })
@Check('ck_person_facts_kind', `kind IN (${values(FactKind)})`)
@Check('ck_person_facts_episode_kind', `(kind = 'episode') = (episode_kind IS NOT NULL) AND (episode_kind IS NULL OR episode_kind IN (${values(EpisodeKind)}))`)
@Check('ck_person_facts_source_kind', `source_kind IN (${values(FactSourceKind)})`)
@Check(
  'ck_person_facts_source',
  `(source_kind = 'archival' AND reference_text IS NOT NULL AND evidence_id IS NULL AND book_title IS NULL)
   OR (source_kind = 'book' AND book_title IS NOT NULL AND book_page IS NOT NULL AND evidence_id IS NULL AND reference_text IS NULL)
   OR (source_kind = 'evidence' AND evidence_id IS NOT NULL AND page_from IS NOT NULL AND page_to IS NOT NULL AND book_title IS NULL AND reference_text IS NULL)`,
)
@Check('ck_person_facts_pages', `page_from IS NULL OR (page_from >= 1 AND page_to >= page_from)`)
@Check('ck_person_facts_book_page', `book_page IS NULL OR book_page >= 1`)
@Check('ck_person_facts_dates', `date_earliest IS NULL OR date_earliest <= date_latest`)
export class PersonFactEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'person_id', type: 'uuid' }) personId!: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_person_facts_person' })
  person?: PersonEntity;
  /** The person the fact was recorded for; differs from person_id while merged, so a merge can be undone. */
  @Column({ name: 'recorded_for_id', type: 'uuid' }) recordedForId!: string;

  @Column({ type: 'varchar', length: 32 }) kind!: FactKind;
  @Column({ name: 'episode_kind', type: 'varchar', length: 32, nullable: true }) episodeKind!: EpisodeKind | null;
  /** Facts sharing it compete: one of them is accepted (the kind; `episode:<kind>` for episodes; the fact itself for relatives and events). */
  @Column({ name: 'accept_key', type: 'varchar', length: 80 }) acceptKey!: string;
  /** The value as the source states it (a nationality, an occupation, a relation, an event). */
  @Column({ type: 'text', nullable: true }) value!: string | null;

  /** An uncertain date (libs/domain): the wording and the interval it allows, for sorting and searching. */
  @Column({ name: 'date_text', type: 'text', nullable: true }) dateText!: string | null;
  @Column({ name: 'date_earliest', type: 'date', nullable: true }) dateEarliest!: string | null;
  @Column({ name: 'date_latest', type: 'date', nullable: true }) dateLatest!: string | null;
  @Column({ name: 'date_precision', type: 'varchar', length: 16, nullable: true }) datePrecision!: string | null;

  @Column({ name: 'place_id', type: 'uuid', nullable: true }) placeId!: string | null;
  @ManyToOne(() => PlaceEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'place_id', foreignKeyConstraintName: 'fk_person_facts_place' })
  place?: PlaceEntity | null;
  /** The place as the source writes it, e.g. «Каркаралинский уезд, аул № 5». */
  @Column({ name: 'place_text', type: 'text', nullable: true }) placeText!: string | null;
  /** For a family link: the relative, when they are in the registry too. */
  @Column({ name: 'related_person_id', type: 'uuid', nullable: true }) relatedPersonId!: string | null;
  @ManyToOne(() => PersonEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'related_person_id', foreignKeyConstraintName: 'fk_person_facts_related_person' })
  relatedPerson?: PersonEntity | null;

  @Column({ name: 'sentencing_body_code', type: 'varchar', length: 48, nullable: true }) sentencingBodyCode!: string | null;
  @ManyToOne(() => SentencingBodyEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sentencing_body_code', foreignKeyConstraintName: 'fk_person_facts_sentencing_body' })
  sentencingBody?: SentencingBodyEntity | null;
  /** Codes of criminal_articles (checked on write; the dictionary's codes never change). */
  @Column({ name: 'article_codes', type: 'varchar', length: 48, array: true, default: () => "'{}'" }) articleCodes!: string[];
  @Column({ name: 'sentence_kind_code', type: 'varchar', length: 48, nullable: true }) sentenceKindCode!: string | null;
  @ManyToOne(() => SentenceKindEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sentence_kind_code', foreignKeyConstraintName: 'fk_person_facts_sentence_kind' })
  sentenceKind?: SentenceKindEntity | null;
  /** The term as written, e.g. «10 лет ИТЛ». */
  @Column({ name: 'sentence_term', type: 'text', nullable: true }) sentenceTerm!: string | null;
  @Column({ name: 'camp_code', type: 'varchar', length: 48, nullable: true }) campCode!: string | null;
  @ManyToOne(() => CampEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'camp_code', foreignKeyConstraintName: 'fk_person_facts_camp' })
  camp?: CampEntity | null;

  @Column({ name: 'source_kind', type: 'varchar', length: 16 }) sourceKind!: FactSourceKind;
  /** Archival reference (libs/domain archival-reference), kept structured. */
  @Column({ type: 'text', nullable: true }) archive!: string | null;
  @Column({ type: 'text', nullable: true }) fond!: string | null;
  @Column({ type: 'text', nullable: true }) opis!: string | null;
  @Column({ type: 'text', nullable: true }) delo!: string | null;
  @Column({ type: 'jsonb', nullable: true }) sheets!: SheetRange[] | null;
  @Column({ name: 'reference_text', type: 'text', nullable: true }) referenceText!: string | null;
  /** A book of memory and page. */
  @Column({ name: 'book_title', type: 'text', nullable: true }) bookTitle!: string | null;
  @Column({ name: 'book_volume', type: 'text', nullable: true }) bookVolume!: string | null;
  @Column({ name: 'book_page', type: 'integer', nullable: true }) bookPage!: number | null;
  /** Pages of a case's evidence that support the fact. */
  @Column({ name: 'evidence_id', type: 'uuid', nullable: true }) evidenceId!: string | null;
  @ManyToOne(() => EvidenceEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_person_facts_evidence' })
  evidence?: EvidenceEntity | null;
  @Column({ name: 'page_from', type: 'integer', nullable: true }) pageFrom!: number | null;
  @Column({ name: 'page_to', type: 'integer', nullable: true }) pageTo!: number | null;

  @Column({ type: 'text', nullable: true }) note!: string | null;

  @Column({ type: 'boolean', default: false }) accepted!: boolean;
  @Column({ name: 'accepted_by', type: 'uuid', nullable: true }) acceptedBy!: string | null;
  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'accepted_by', foreignKeyConstraintName: 'fk_person_facts_accepted_by' })
  acceptor?: UserEntity | null;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  /** Accepted for its own person, set aside while merged into a person that accepted another value; unmerge restores it. */
  @Column({ name: 'accepted_before_merge', type: 'boolean', default: false }) acceptedBeforeMerge!: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_person_facts_created_by' })
  creator?: UserEntity | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'integer', default: 1 }) version!: number;
}
