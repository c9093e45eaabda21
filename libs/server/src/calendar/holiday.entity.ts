import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A public holiday: deadlines count business days against this calendar, kept as data. */
@Entity({ name: 'holidays' })
export class HolidayEntity {
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk!: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;
}
