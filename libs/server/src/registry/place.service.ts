import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { placeSearchKey } from '@aqtalu/domain';
import { DataSource, type EntityManager } from 'typeorm';

export interface PlaceView {
  id: string;
  code: string | null;
  kind: string;
  regionCode: string | null;
  parentId: string | null;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  validFrom: number | null;
  validTo: number | null;
  latitude: number | null;
  longitude: number | null;
  names: Array<{ name: string; language: string; validFrom: number | null; validTo: number | null }>;
}

export interface PlaceHit extends PlaceView {
  /** The name of the place that matched the query best, and how well (0–1). */
  matchedName: string;
  score: number;
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

const placeColumns = `p.id, p.code, p.kind, r.code AS "regionCode", p.parent_id AS "parentId", p.name_kk AS "nameKk", p.name_ru AS "nameRu",
  p.name_en AS "nameEn", p.valid_from AS "validFrom", p.valid_to AS "validTo", p.latitude, p.longitude`;

/**
 * The historical gazetteer: places under every name they had, found in any script (the names are keyed by
 * libs/domain's folding, as persons' names are), each mapped to today's region.
 */
@Injectable()
export class PlaceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Places any of whose names is like `q`: an exact name first, then names that begin with it, then similar ones. */
  async search(q: string, page: { offset: number; limit: number; regionCode?: string; kind?: string }): Promise<{ rows: PlaceHit[]; total: number }> {
    const key = placeSearchKey(q);
    if (!key) throw new BadRequestException('q must contain a place name to search for, in any script');
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

  async get(id: string): Promise<PlaceView> {
    const [place]: PlaceView[] = isUuid(id)
      ? await this.dataSource.query(`SELECT ${placeColumns} FROM places p LEFT JOIN regions r ON r.id = p.region_id WHERE p.id = $1`, [id])
      : [];
    if (!place) throw new NotFoundException(`There is no place ${id} in the gazetteer.`);
    await this.attachNames([place]);
    return place;
  }

  /** Checks that a place a caller names exists: a wrong id is the caller's mistake (400), not a missing page. */
  static async requireExisting(manager: EntityManager | DataSource, placeId: string, field: string): Promise<{ id: string; regionCode: string | null }> {
    const [place] = isUuid(placeId)
      ? await manager.query(`SELECT p.id, r.code AS "regionCode" FROM places p LEFT JOIN regions r ON r.id = p.region_id WHERE p.id = $1`, [placeId])
      : [];
    if (!place) throw new BadRequestException(`${field} ${placeId} is not a place of the gazetteer (find one with GET /api/places?q=…)`);
    return place;
  }

  private async attachNames(places: PlaceView[]): Promise<void> {
    if (places.length === 0) return;
    const names: Array<PlaceView['names'][number] & { placeId: string }> = await this.dataSource.query(
      `SELECT place_id AS "placeId", name, language, valid_from AS "validFrom", valid_to AS "validTo" FROM place_names
       WHERE place_id = ANY($1) ORDER BY valid_from NULLS LAST, language, name`,
      [places.map((place) => place.id)],
    );
    for (const place of places) {
      place.names = names.filter((name) => name.placeId === place.id).map(({ placeId: _placeId, ...name }) => name);
    }
  }
}
