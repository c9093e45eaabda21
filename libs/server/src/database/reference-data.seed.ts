import type { DataSource } from 'typeorm';
import { archives, holidays, regions } from './reference-data/index.js';

/**
 * Adds the regions, archives and holidays Aqtalu ships with. Rows that exist are left alone, so
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
    for (const holiday of holidays) {
      await manager.query(
        `INSERT INTO holidays (date, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $4) ON CONFLICT (date) DO NOTHING`,
        [holiday.date, holiday.names.kk, holiday.names.ru, holiday.names.en],
      );
    }
  });
}
