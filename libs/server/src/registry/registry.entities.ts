import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity.js';
import { PersonEntity } from './person.entity.js';

/**
 * One spelling of a person's name, as a source wrote it, with the search keys computed once at write
 * time (libs/domain names). The trigram index on `skeleton` is created by the migration.
 */
@Entity({ name: 'person_name_variants' })
@Index('ix_person_name_variants_person', ['personId'])
// a GIN index on the skeleton's words is written by hand in the migration (one-word searches)
@Index('ix_person_name_variants_words', { synchronize: false })
// its words with its initials ("abai|a.o.", "A. Baitursynov" searches) are rows of name_initial_keys, which
// triggers of the migration keep (1796192000000-NameInitialKeys): no write path writes them
@Index('ix_person_name_variants_key_version', ['keyVersion', 'id'])
@Check('ck_person_name_variants_script', `script IN ('kk-cyrl','ru-cyrl','latin','other')`)
export class PersonNameVariantEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId!: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_person_name_variants_person' })
  person?: PersonEntity;
  /** The person this spelling was recorded for; differs from person_id while merged, so a merge can be undone. */
  @Column({ name: 'recorded_for_id', type: 'uuid' }) recordedForId!: string;
  @Column({ name: 'full_name', type: 'text' }) fullName!: string;
  @Column({ type: 'varchar', length: 16 }) script!: string;
  /** Where the spelling comes from: an archive reference, a book of memory and page, a case. */
  @Column({ type: 'text', nullable: true }) source!: string | null;
  @Column({ type: 'text' }) skeleton!: string;
  @Column({ name: 'phonetic_tokens', type: 'text', array: true }) phoneticTokens!: string[];
  @Column({ type: 'varchar', length: 64 }) initials!: string;
  /** The folding version the keys were computed with (libs/domain nameKeyVersion); `npm run registry:reindex` brings older ones up. */
  @Column({ name: 'key_version', type: 'smallint', default: 2 }) keyVersion!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/**
 * Every word (stem) that occurs in a skeleton, once: the vocabulary a misspelled query word is matched
 * against by trigram similarity and by phonetic code. It stays small (hundreds of thousands of words for
 * millions of persons), so the fuzzy part of a search runs over it, and spellings are then found through exact word pairs (NameWordPairEntity).
 */
@Entity({ name: 'name_words' })
// trigram GIN index on `word`, written by hand in the migration
@Index('ix_name_words_trgm', { synchronize: false })
@Index('ix_name_words_code', ['code'])
export class NameWordEntity {
  @PrimaryColumn({ type: 'text' }) word!: string;
  /** The word's phonetic code (libs/domain phoneticCode, as the SQL function name_word_code), computed by the database. */
  @Column({ type: 'text', generatedType: 'STORED', asExpression: 'name_word_code("word")', nullable: true, insert: false, update: false }) code!: string | null;
}

/**
 * Every two words of a spelling's skeleton ("kunanbai saken"), with the skeleton itself: the search looks
 * pairs up in the primary key, which carries the skeleton (INCLUDE, written by hand in the migration), so
 * finding and ranking the spellings of a common name reads a few index pages, not thousands of table rows.
 * Written with each spelling (`name_word_pairs(skeleton)`, a SQL function of the migration).
 */
@Entity({ name: 'name_word_pairs' })
export class NameWordPairEntity {
  @PrimaryColumn({ type: 'text' }) pair!: string;
  @PrimaryColumn({ name: 'variant_id', type: 'uuid' }) variantId!: string;
  @ManyToOne(() => PersonNameVariantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_name_word_pairs_variant' })
  variant?: PersonNameVariantEntity;
  @Column({ type: 'text' }) skeleton!: string;
}

/** A pair the duplicate detection proposes; only a person decides (merge, or different people). */
@Entity({ name: 'duplicate_candidates' })
@Index('uq_duplicate_candidates_pair', ['personAId', 'personBId'], { unique: true })
@Index('ix_duplicate_candidates_status', ['status', 'score'])
@Check('ck_duplicate_candidates_order', `person_a_id < person_b_id`)
@Check('ck_duplicate_candidates_status', `status IN ('proposed','merged','different')`)
export class DuplicateCandidateEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'person_a_id', type: 'uuid' }) personAId!: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_a_id', foreignKeyConstraintName: 'fk_duplicate_candidates_a' })
  personA?: PersonEntity;
  @Column({ name: 'person_b_id', type: 'uuid' }) personBId!: string;
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_b_id', foreignKeyConstraintName: 'fk_duplicate_candidates_b' })
  personB?: PersonEntity;
  @Column({ type: 'real' }) score!: number;
  @Column({ type: 'jsonb' }) reasons!: string[];
  @Column({ type: 'varchar', length: 16 }) status!: 'proposed' | 'merged' | 'different';
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'fk_duplicate_candidates_decided_by' })
  decider?: UserEntity | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A bulk import of an archival list: its source, column mapping and progress. */
@Entity({ name: 'registry_imports' })
@Check('ck_registry_imports_status', `status IN ('loaded','running','done','failed')`)
export class RegistryImportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  /** Where the list comes from: an archive reference, or a book of memory and page. */
  @Column({ type: 'text' }) source!: string;
  @Column({ type: 'jsonb' }) mapping!: Record<string, string>;
  @Column({ type: 'varchar', length: 16 }) status!: 'loaded' | 'running' | 'done' | 'failed';
  @Column({ name: 'total_rows', type: 'integer' }) totalRows!: number;
  @Column({ name: 'created_persons', type: 'integer', default: 0 }) createdPersons!: number;
  @Column({ name: 'updated_persons', type: 'integer', default: 0 }) updatedPersons!: number;
  /** Rows naming a person of the source (`externalId`) whose name, birth year and birthplace were already as listed. */
  @Column({ name: 'unchanged_rows', type: 'integer', default: 0 }) unchangedRows!: number;
  /** Rows up to this line are applied: each batch moves it in the transaction that writes its persons, so an import resumes there. */
  @Column({ name: 'applied_line', type: 'integer', default: 0 }) appliedLine!: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}

/** The staged rows of an import, loaded with COPY; applied in line order (`registry_imports.applied_line`), so a crashed import resumes. */
@Entity({ name: 'registry_import_rows' })
export class RegistryImportRowEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' }) importId!: string;
  @ManyToOne(() => RegistryImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_registry_import_rows_import' })
  registryImport?: RegistryImportEntity;
  @PrimaryColumn({ type: 'integer' }) line!: number;
  @Column({ name: 'full_name', type: 'text' }) fullName!: string;
  @Column({ name: 'birth_year', type: 'text', nullable: true }) birthYear!: string | null;
  @Column({ type: 'text', nullable: true }) birthplace!: string | null;
  /** A person's stable id: the row adds to that person instead of creating one. */
  @Column({ name: 'person_ref', type: 'uuid', nullable: true }) personRef!: string | null;
  /** The source's own id of the person (`source` + `externalId`): a re-imported list updates that person. */
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId!: string | null;
  /** The id the row's person gets if it is new: fixed at load, so a resumed apply makes the same person once. */
  @Column({ name: 'new_person_id', type: 'uuid' }) newPersonId!: string;
  /** Search keys and script, computed while loading (libs/domain names) so the apply is plain SQL. */
  @Column({ type: 'varchar', length: 16 }) script!: string;
  @Column({ type: 'text' }) skeleton!: string;
  @Column({ name: 'phonetic_tokens', type: 'text', array: true }) phoneticTokens!: string[];
  @Column({ type: 'varchar', length: 64 }) initials!: string;
  /**
   * The person the row goes to: `new_person_id` from the load, replaced when the apply finds the person the
   * registry has (by `person_ref`, or the source's own id). Rows up to `registry_imports.applied_line` are applied.
   */
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId!: string | null;
}
