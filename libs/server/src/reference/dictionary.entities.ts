import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The commission's victim categories; each carries the criterion its conclusions cite. */
@Entity({ name: 'victim_categories' })
export class VictimCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  code!: string;

  @Column({ name: 'name_kk', type: 'text' }) nameKk!: string;
  @Column({ name: 'name_ru', type: 'text' }) nameRu!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;

  @Column({ name: 'criterion_kk', type: 'text' }) criterionKk!: string;
  @Column({ name: 'criterion_ru', type: 'text' }) criterionRu!: string;
  @Column({ name: 'criterion_en', type: 'text' }) criterionEn!: string;
}

/** Articles of the 1993 Law on the rehabilitation of victims of mass political repressions. */
@Entity({ name: 'legal_articles' })
export class LegalArticleEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ name: 'name_kk', type: 'text' }) nameKk!: string;
  @Column({ name: 'name_ru', type: 'text' }) nameRu!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
}
