import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The columns every repression dictionary has: a stable code, names in kk/ru/en, a version for optimistic locking. */
abstract class DictionaryEntry {
  @PrimaryColumn({ type: 'varchar', length: 48 }) code!: string;
  @Column({ name: 'name_kk', type: 'text' }) nameKk!: string;
  @Column({ name: 'name_ru', type: 'text' }) nameRu!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** Bodies that passed sentences: OGPU and NKVD troikas, the "dvoika", the Special Council, courts. */
@Entity({ name: 'sentencing_bodies' })
export class SentencingBodyEntity extends DictionaryEntry {}

/** Articles of the criminal codes the repressed were charged under (RSFSR Criminal Code art. 58 and others). */
@Entity({ name: 'criminal_articles' })
export class CriminalArticleEntity extends DictionaryEntry {
  /** The code the article belongs to, e.g. `RSFSR-1926`. */
  @Column({ name: 'criminal_code', type: 'varchar', length: 32 }) criminalCode!: string;
  /** The article as cited, e.g. `58-10`. */
  @Column({ type: 'varchar', length: 32 }) article!: string;
}

/** Kinds of sentence: the 1st category (shooting), a camp term, exile, deportation, confiscation. */
@Entity({ name: 'sentence_kinds' })
export class SentenceKindEntity extends DictionaryEntry {}

/** Camps of the Gulag (Karlag, Steplag, ALZHIR …), with coordinates where they are known for sure. */
@Entity({ name: 'camps' })
export class CampEntity extends DictionaryEntry {
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Column({ name: 'opened_year', type: 'integer', nullable: true }) openedYear!: number | null;
  @Column({ name: 'closed_year', type: 'integer', nullable: true }) closedYear!: number | null;
}
