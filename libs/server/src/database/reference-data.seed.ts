import { PlaceNameLanguage } from '@aqtalu/contracts';
import { placeSearchKey } from '@aqtalu/domain';
import type { DataSource, EntityManager } from 'typeorm';
import {
  archives, camps, criminalArticles, holidays, legalArticles, places, regions, sentenceKinds, sentencingBodies, victimCategories,
  type PlaceNameSeed,
} from './reference-data/index.js';

/**
 * Adds the regions, archives, holidays, victim categories, legal articles, repression dictionaries and the
 * historical gazetteer Aqtalu ships with. Rows that exist are left alone, so
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
    await seedRepressionDictionaries(manager);
    await seedPlaces(manager);
  });
}

async function seedRepressionDictionaries(manager: EntityManager): Promise<void> {
  for (const [table, entries] of [['sentencing_bodies', sentencingBodies], ['sentence_kinds', sentenceKinds]] as const) {
    for (const entry of entries) {
      await manager.query(`INSERT INTO ${table} (code, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`, [
        entry.code, entry.names.kk, entry.names.ru, entry.names.en,
      ]);
    }
  }
  for (const article of criminalArticles) {
    await manager.query(
      `INSERT INTO criminal_articles (code, criminal_code, article, name_kk, name_ru, name_en) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING`,
      [article.code, article.criminalCode, article.article, article.names.kk, article.names.ru, article.names.en],
    );
  }
  for (const camp of camps) {
    await manager.query(
      `INSERT INTO camps (code, name_kk, name_ru, name_en, latitude, longitude, opened_year, closed_year) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (code) DO NOTHING`,
      [camp.code, camp.names.kk, camp.names.ru, camp.names.en, camp.latitude, camp.longitude, camp.openedYear, camp.closedYear],
    );
  }
}

/** A place's names are added with the place only, so names an administrator removed stay removed. */
async function seedPlaces(manager: EntityManager): Promise<void> {
  for (const place of places) {
    const [created]: Array<{ id: string }> = await manager.query(
      `INSERT INTO places (code, kind, region_id, parent_id, name_kk, name_ru, name_en, valid_from, valid_to, latitude, longitude)
       VALUES ($1, $2, (SELECT id FROM regions WHERE code = $3), (SELECT id FROM places WHERE code = $4), $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [place.code, place.kind, place.regionCode, place.parentCode ?? null, place.names.kk, place.names.ru, place.names.en, place.validFrom ?? null,
        place.validTo ?? null, place.latitude ?? null, place.longitude ?? null],
    );
    if (!created) continue;
    const names: PlaceNameSeed[] = [
      { name: place.names.kk, language: PlaceNameLanguage.Kk },
      { name: place.names.ru, language: PlaceNameLanguage.Ru },
      { name: place.names.en, language: PlaceNameLanguage.Lat },
      ...(place.otherNames ?? []),
    ];
    const seen = new Set<string>();
    for (const name of names) {
      const key = `${name.language}:${name.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await manager.query(
        `INSERT INTO place_names (place_id, name, language, valid_from, valid_to, search_key) VALUES ($1, $2, $3, $4, $5, $6)`,
        [created.id, name.name, name.language, name.from ?? null, name.to ?? null, placeSearchKey(name.name)],
      );
    }
  }
}
