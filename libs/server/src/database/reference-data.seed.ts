import type { DataSource } from 'typeorm';
import { archives, holidays, legalArticles, regions, victimCategories } from './reference-data/index.js';

/**
 * Adds the regions, archives, holidays, victim categories and legal articles Aqtalu ships with. Rows that exist are left alone, so
 * an administrator's later corrections survive every restart.
 */
export async function seedReferenceData(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    for (const region of regions) {
      await manager.query(
        `INSERT INTO regions (code, kind, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO NOTHING`,
        [region.code, region.kind, region.names.kk, region.names.ru, region.names.en],
      );
    }
    for (const archive of archives) {
      await manager.query(
        `INSERT INTO archives (code, kind, region_id, name_kk, name_ru, name_en)
         VALUES ($1, $2, (SELECT id FROM regions WHERE code = $3), $4, $5, $6)
         ON CONFLICT (code) DO NOTHING`,
        [archive.code, archive.kind, archive.regionCode, archive.names.kk, archive.names.ru, archive.names.en],
      );
    }
    for (const category of victimCategories) {
      await manager.query(
        `INSERT INTO victim_categories (code, name_kk, name_ru, name_en, criterion_kk, criterion_ru, criterion_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING`,
        [category.code, category.names.kk, category.names.ru, category.names.en, category.criterion.kk, category.criterion.ru, category.criterion.en],
      );
    }
    for (const article of legalArticles) {
      await manager.query(
        `INSERT INTO legal_articles (code, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`,
        [article.code, article.names.kk, article.names.ru, article.names.en],
      );
    }
    for (const holiday of holidays) {
      await manager.query(
        `INSERT INTO holidays (date, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $4) ON CONFLICT (date) DO NOTHING`,
        [holiday.date, holiday.names.kk, holiday.names.ru, holiday.names.en],
      );
    }
  });
}
