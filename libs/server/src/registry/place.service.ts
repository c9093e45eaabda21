import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlaceNameLanguage, type PlaceKind } from '@aqtalu/contracts';
import { placeSearchKey } from '@aqtalu/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { sqlRows } from '../database/sql.js';
import { StaleVersionException } from '../database/stale-version.exception.js';
import { CodedException } from '../errors/coded.exception.js';

export interface PlaceNameInput {
  name: string;
  language: PlaceNameLanguage;
  validFrom?: number;
  validTo?: number;
}

export interface PlaceFields {
  kind?: PlaceKind;
  /** Today's region; null for a unit that spreads over several, or lies outside Kazakhstan. */
  regionCode?: string | null;
  parentId?: string | null;
  nameKk?: string;
  nameRu?: string;
  nameEn?: string;
  validFrom?: number | null;
  validTo?: number | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface NewPlace extends PlaceFields {
  kind: PlaceKind;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  /** Other names than the three above (former names, other spellings), with their years where known. */
  otherNames?: PlaceNameInput[];
}

export interface PlaceView {
  id: string;
  code: string | null;
  kind: PlaceKind;
  regionCode: string | null;
  parentId: string | null;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  validFrom: number | null;
  validTo: number | null;
  latitude: number | null;
  longitude: number | null;
  version: number;
  names: Array<{ id: string; name: string; language: string; validFrom: number | null; validTo: number | null }>;
}

export interface PlaceHit extends PlaceView {
  /** The name of the place that matched the query best, and how well (0–1). */
  matchedName: string;
  score: number;
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

const placeColumns = `p.id, p.code, p.kind, r.code AS "regionCode", p.parent_id AS "parentId", p.name_kk AS "nameKk", p.name_ru AS "nameRu",
  p.name_en AS "nameEn", p.valid_from AS "validFrom", p.valid_to AS "validTo", p.latitude, p.longitude, p.version`;

/** What a browse of the gazetteer sorts by: never the caller's text (typeorm#7978). */
export const placeSortColumns = { id: 'p.id', nameEn: 'p.name_en', nameKk: 'p.name_kk', nameRu: 'p.name_ru', kind: 'p.kind', regionCode: 'r.code', validFrom: 'p.valid_from' } as const;

const placeColumn = {
  kind: 'kind', parentId: 'parent_id', nameKk: 'name_kk', nameRu: 'name_ru', nameEn: 'name_en', validFrom: 'valid_from', validTo: 'valid_to',
  latitude: 'latitude', longitude: 'longitude',
} as const;

/**
 * The historical gazetteer: places under every name they had, found in any script (the names are keyed by
 * libs/domain's folding, as persons' names are), each mapped to today's region.
 */
@Injectable()
export class PlaceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Adds a place with its names (administrators); its three main names are searchable like the others. */
  async create(input: NewPlace): Promise<PlaceView> {
    await this.check(input);
    const id = await this.dataSource.transaction(async (manager) => {
      const [created]: Array<{ id: string }> = await manager.query(
        `INSERT INTO places (kind, region_id, parent_id, name_kk, name_ru, name_en, valid_from, valid_to, latitude, longitude)
         VALUES ($1, (SELECT id FROM regions WHERE code = $2), $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [input.kind, input.regionCode ?? null, input.parentId ?? null, input.nameKk.trim(), input.nameRu.trim(), input.nameEn.trim(), input.validFrom ?? null,
          input.validTo ?? null, input.latitude ?? null, input.longitude ?? null],
      );
      const names: PlaceNameInput[] = [
        { name: input.nameKk, language: PlaceNameLanguage.Kk }, { name: input.nameRu, language: PlaceNameLanguage.Ru },
        { name: input.nameEn, language: PlaceNameLanguage.Lat }, ...(input.otherNames ?? []),
      ];
      const seen = new Set<string>();
      for (const name of names) {
        const key = `${name.language}:${name.name.trim()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        await this.insertName(manager, created!.id, name);
      }
      await this.audit.record({ action: 'place.create', entityType: 'place', entityId: created!.id, before: null, after: { ...input } }, manager);
      return created!.id;
    });
    return this.get(id);
  }

  /** Changes a place (administrators); `version` is the one the caller read (optimistic locking). */
  async update(id: string, version: number, changes: PlaceFields): Promise<PlaceView> {
    const before = await this.get(id);
    await this.check({ ...before, ...changes }, id);
    const fields = (Object.keys(placeColumn) as Array<keyof typeof placeColumn>).filter((field) => changes[field] !== undefined);
    const sets = fields.map((field, i) => `${placeColumn[field]} = $${i + 3}`);
    const params: unknown[] = [id, version, ...fields.map((field) => changes[field])];
    if (changes.regionCode !== undefined) sets.push(`region_id = (SELECT id FROM regions WHERE code = $${params.push(changes.regionCode)})`);
    await this.dataSource.transaction(async (manager) => {
      const updated = await sqlRows<{ id: string }>(manager, `UPDATE places SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`, params);
      if (updated.length === 0) throw new StaleVersionException({ entity: 'place', currentVersion: before.version });
      const changed = [...fields, ...(changes.regionCode !== undefined ? ['regionCode' as const] : [])];
      await this.audit.record({ action: 'place.update', entityType: 'place', entityId: id, before: Object.fromEntries(changed.map((f) => [f, before[f]])), after: { ...changes } }, manager);
    });
    return this.get(id);
  }

  /** Adds a name the place was known by (administrators). */
  async addName(id: string, name: PlaceNameInput): Promise<PlaceView> {
    await this.get(id);
    if (name.validFrom !== undefined && name.validTo !== undefined && name.validFrom > name.validTo) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.order', { first: 'validFrom', firstValue: String(name.validFrom), second: 'validTo', secondValue: String(name.validTo) });
    await this.dataSource.transaction(async (manager) => {
      const [existing] = await manager.query(`SELECT 1 FROM place_names WHERE place_id = $1 AND language = $2 AND name = $3`, [id, name.language, name.name.trim()]);
      if (existing) throw new CodedException(HttpStatus.BAD_REQUEST, 'place.name_exists', { language: name.language, name: name.name.trim() });
      await this.insertName(manager, id, name);
      await this.audit.record({ action: 'place.add_name', entityType: 'place', entityId: id, after: { ...name } }, manager);
    });
    return this.get(id);
  }

  private async insertName(manager: EntityManager, placeId: string, name: PlaceNameInput): Promise<void> {
    const key = placeSearchKey(name.name);
    if (!key) throw new CodedException(HttpStatus.BAD_REQUEST, 'place.name_no_letters', { name: name.name });
    await manager.query(`INSERT INTO place_names (place_id, name, language, valid_from, valid_to, search_key) VALUES ($1, $2, $3, $4, $5, $6)`, [
      placeId, name.name.trim(), name.language, name.validFrom ?? null, name.validTo ?? null, key,
    ]);
  }

  private async check(place: PlaceFields, id?: string): Promise<void> {
    if (place.regionCode) {
      const [region] = await this.dataSource.query(`SELECT 1 FROM regions WHERE code = $1`, [place.regionCode]);
      if (!region) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.unknown_code', { field: 'regionCode', value: place.regionCode });
    }
    if (place.parentId) {
      if (place.parentId === id) throw new CodedException(HttpStatus.BAD_REQUEST, 'place.own_parent');
      await PlaceService.requireExisting(this.dataSource, place.parentId, 'parentId');
    }
    if (place.validFrom != null && place.validTo != null && place.validFrom > place.validTo) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.order', { first: 'validFrom', firstValue: String(place.validFrom), second: 'validTo', secondValue: String(place.validTo) });
    if ((place.latitude == null) !== (place.longitude == null)) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.together', { fields: ['latitude', 'longitude'] });
  }

  /** Places any of whose names is like `q`: an exact name first, then names that begin with it, then similar ones. */
  async search(q: string, page: { offset: number; limit: number; regionCode?: string; kind?: string }): Promise<{ rows: PlaceHit[]; total: number }> {
    const key = placeSearchKey(q);
    if (!key) throw new CodedException(HttpStatus.BAD_REQUEST, 'place.search_no_name');
    const params: unknown[] = [key, `${key.replace(/[\\%_]/g, '\\$&')}%`, q.trim().toLowerCase()];
    const filters: string[] = [];
    if (page.regionCode) filters.push(`r.code = $${params.push(page.regionCode)}`);
    if (page.kind) filters.push(`p.kind = $${params.push(page.kind)}`);
    const matches = `
      WITH matched AS (
        SELECT n.place_id, n.name,
               CASE WHEN n.search_key = $1 THEN 1
                    WHEN n.search_key LIKE $2 THEN 0.8 + 0.2 * similarity(n.search_key, $1)
                    ELSE 0.8 * greatest(similarity(n.search_key, $1), word_similarity($1, n.search_key)) END AS score
        FROM place_names n
        WHERE n.search_key % $1 OR $1 <% n.search_key OR n.search_key LIKE $2
      ), best AS (
        SELECT DISTINCT ON (m.place_id) m.place_id, m.name, m.score FROM matched m
        -- of names keyed alike («Верный», "Verny"), the one written as the query was
        ORDER BY m.place_id, m.score DESC, (lower(m.name) = $3) DESC, m.name
      )
      SELECT ${placeColumns}, b.name AS "matchedName", round(b.score::numeric, 3)::float8 AS score
      FROM best b JOIN places p ON p.id = b.place_id LEFT JOIN regions r ON r.id = p.region_id
      ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${matches}) found`, params);
    const rows: PlaceHit[] = await this.dataSource.query(
      `${matches} ORDER BY score DESC, p.name_en, p.id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    await this.attachNames(rows);
    return { rows, total: total as number };
  }

  /**
   * The gazetteer without a search: places in the order asked (a getMany's `ids`, or a browse by name),
   * narrowed by region, kind or parent (the targets a client may follow).
   */
  async list(page: { offset: number; limit: number; sort: keyof typeof placeSortColumns; order: 'ASC' | 'DESC'; ids?: string[]; regionCode?: string; kind?: string; parentId?: string }): Promise<{ rows: PlaceView[]; total: number }> {
    const params: unknown[] = [];
    const filters: string[] = [];
    if (page.ids) filters.push(`p.id = ANY($${params.push(page.ids)}::uuid[])`);
    if (page.regionCode) filters.push(`r.code = $${params.push(page.regionCode)}`);
    if (page.kind) filters.push(`p.kind = $${params.push(page.kind)}`);
    if (page.parentId) filters.push(`p.parent_id = $${params.push(page.parentId)}`);
    const from = `places p LEFT JOIN regions r ON r.id = p.region_id ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM ${from}`, params);
    const rows: PlaceView[] = await this.dataSource.query(
      `SELECT ${placeColumns} FROM ${from} ORDER BY ${placeSortColumns[page.sort]} ${page.order === 'DESC' ? 'DESC' : 'ASC'}, p.id
       OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    await this.attachNames(rows);
    return { rows, total: total as number };
  }

  async get(id: string): Promise<PlaceView> {
    const [place]: PlaceView[] = isUuid(id)
      ? await this.dataSource.query(`SELECT ${placeColumns} FROM places p LEFT JOIN regions r ON r.id = p.region_id WHERE p.id = $1`, [id])
      : [];
    if (!place) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'place', id });
    await this.attachNames([place]);
    return place;
  }

  /** Checks that a place a caller names exists: a wrong id is the caller's mistake (400), not a missing page. */
  static async requireExisting(manager: EntityManager | DataSource, placeId: string, field: string): Promise<{ id: string; regionCode: string | null }> {
    const [place] = isUuid(placeId)
      ? await manager.query(`SELECT p.id, r.code AS "regionCode" FROM places p LEFT JOIN regions r ON r.id = p.region_id WHERE p.id = $1`, [placeId])
      : [];
    if (!place) throw new CodedException(HttpStatus.BAD_REQUEST, 'place.unknown', { field, id: placeId });
    return place;
  }

  private async attachNames(places: PlaceView[]): Promise<void> {
    if (places.length === 0) return;
    const names: Array<PlaceView['names'][number] & { placeId: string }> = await this.dataSource.query(
      `SELECT place_id AS "placeId", id, name, language, valid_from AS "validFrom", valid_to AS "validTo" FROM place_names
       WHERE place_id = ANY($1) ORDER BY valid_from NULLS LAST, language, name`,
      [places.map((place) => place.id)],
    );
    for (const place of places) {
      place.names = names.filter((name) => name.placeId === place.id).map(({ placeId: _placeId, ...name }) => name);
    }
  }
}
