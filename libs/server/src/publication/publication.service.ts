import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DecisionOutcome, type SessionUser } from '@aqtalu/contracts';
import type { Redis } from 'ioredis';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CodedException } from '../errors/coded.exception.js';
import { REDIS } from '../queue/redis.module.js';
import { RegistryService } from '../registry/registry.service.js';

/** The fields of a person that may be published, each decided on its own (the migration's CHECK lists the same). */
export const publicFields = [
  'names', 'birth_year', 'birthplace', 'nationality', 'occupation', 'arrest', 'sentencing_body', 'articles', 'sentence', 'camp', 'death', 'rehabilitation', 'sources',
] as const;
export type PublicField = (typeof publicFields)[number];

/** Why a record is in the Book of Memory: its reliability, shown on the page. */
export const publicationBases = ['commission', 'book', 'contributed'] as const;
export type PublicationBasis = (typeof publicationBases)[number];

export type PublicLanguage = 'kk' | 'ru' | 'en';

/** A published person as the public sees it: only the fields published, nothing else. */
export interface PublicPerson {
  id: string;
  basis: PublicationBasis;
  names?: string[];
  birthYear?: string | null;
  birthplace?: string | null;
  nationality?: string | null;
  occupation?: string | null;
  arrest?: { date: string | null; place: string | null } | null;
  sentencingBody?: string | null;
  articles?: string[];
  sentence?: { kind: string | null; term: string | null } | null;
  camp?: string | null;
  death?: { date: string | null; place: string | null } | null;
  rehabilitation?: { date: string | null; decisionNumber: string | null } | null;
  sources?: string[];
}

export interface PublicSearchHit {
  id: string;
  name: string;
  birthYear: string | null;
  basis: PublicationBasis;
}

/**
 * Filters of the public search. Each looks only at what the person's publication shows (a region through the
 * published birthplace, years through published episodes, and so on), so a filter never tells an unpublished fact.
 */
export interface PublicSearchFilters {
  /** Today's region of the published birthplace (regions.code). */
  region?: string;
  /** Years of repression: an accepted, published arrest, sentence or execution/death within [yearFrom, yearTo]. */
  yearFrom?: number;
  yearTo?: number;
  /** A published sentence of this kind (sentence_kinds.code). */
  sentenceKind?: string;
  /** A published camp (camps.code). */
  camp?: string;
  /** Taking part in this event (events.id), for persons whose repression (arrest, sentence or death) is published. */
  event?: string;
}

/** The choices of the search form's filters, in the page's language. */
export interface PublicSearchOptions {
  regions: Array<{ code: string; name: string }>;
  sentenceKinds: Array<{ code: string; name: string }>;
  camps: Array<{ code: string; name: string }>;
  events: Array<{ code: string; name: string }>;
}

const hasFilters = (filters: PublicSearchFilters) => Object.values(filters).some((value) => value !== undefined);

/** The SQL conditions of the filters over `p` (persons) and `pub` (published_persons), adding their params. */
function publicFilterConditions(filters: PublicSearchFilters, params: unknown[]): string[] {
  const conditions: string[] = [];
  if (filters.region !== undefined) {
    conditions.push(`'birthplace' = ANY(pub.fields) AND EXISTS (SELECT 1 FROM places pl JOIN regions rg ON rg.id = pl.region_id WHERE pl.id = p.birthplace_place_id AND rg.code = $${params.push(filters.region)})`);
  }
  if (filters.yearFrom !== undefined || filters.yearTo !== undefined) {
    const from = params.push(filters.yearFrom ?? 1);
    const to = params.push(filters.yearTo ?? 9999);
    conditions.push(`EXISTS (SELECT 1 FROM person_facts f WHERE f.person_id = p.id AND f.accepted AND f.kind = 'episode'
      AND ((f.episode_kind IN ('arrest', 're_arrest') AND 'arrest' = ANY(pub.fields)) OR (f.episode_kind = 'sentence' AND 'sentence' = ANY(pub.fields))
        OR (f.episode_kind IN ('execution', 'death') AND 'death' = ANY(pub.fields)))
      AND f.date_latest >= make_date($${from}::int, 1, 1) AND f.date_earliest <= make_date($${to}::int, 12, 31))`);
  }
  if (filters.sentenceKind !== undefined) {
    conditions.push(`'sentence' = ANY(pub.fields) AND EXISTS (SELECT 1 FROM person_facts f WHERE f.person_id = p.id AND f.accepted AND f.episode_kind = 'sentence' AND f.sentence_kind_code = $${params.push(filters.sentenceKind)})`);
  }
  if (filters.camp !== undefined) {
    conditions.push(`'camp' = ANY(pub.fields) AND EXISTS (SELECT 1 FROM person_facts f WHERE f.person_id = p.id AND f.accepted AND f.camp_code = $${params.push(filters.camp)})`);
  }
  if (filters.event !== undefined) {
    conditions.push(`pub.fields && ARRAY['arrest', 'sentence', 'death']::varchar[] AND EXISTS (SELECT 1 FROM event_participants ep WHERE ep.person_id = p.id AND ep.event_id::text = $${params.push(filters.event)})`);
  }
  return conditions;
}

export interface PublicationView {
  personId: string;
  basis: PublicationBasis;
  fields: PublicField[];
  publishedAt: Date;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  publicReads: number;
}

/** The Redis hash counting public reads of person pages until the worker adds them to the database. */
const publicReadsKey = 'book-of-memory:public-reads';

/** Published and not withdrawn: the only persons any public query may see. */
export const publishedPersonCondition = `EXISTS (SELECT 1 FROM published_persons pub WHERE pub.person_id = p.id AND pub.withdrawn_at IS NULL)`;

const nameColumn: Record<PublicLanguage, string> = { kk: 'name_kk', ru: 'name_ru', en: 'name_en' };

/**
 * The Book of Memory as data: who is published, on what basis and which fields; withdrawal at once. The public
 * reads select only the fields a person's publication names, and count the reads instead of auditing each.
 */
@Injectable()
export class PublicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly registry: RegistryService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Called where the commission's decision rehabilitates a person: published with every field, unless already published. */
  static async publishOnRehabilitation(manager: EntityManager, personId: string, userId: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO published_persons (person_id, basis, fields, published_by) VALUES ($1, 'commission', $2, $3) ON CONFLICT (person_id) DO NOTHING`,
      [personId, [...publicFields], userId],
    );
  }

  /** An editor publishes a registry person (again, after a withdrawal), with the fields chosen. Audited. */
  async publish(user: SessionUser, personId: string, input: { basis: PublicationBasis; fields: PublicField[] }): Promise<PublicationView> {
    await this.dataSource.transaction(async (manager) => {
      const [person] = await manager.query(`SELECT id, merged_into_id FROM persons WHERE id = $1`, [personId]);
      if (!person || person.merged_into_id) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'person', id: personId });
      const [before] = await manager.query(`SELECT basis, fields, withdrawn_at FROM published_persons WHERE person_id = $1 FOR UPDATE`, [personId]);
      const fields = publicFields.filter((field) => input.fields.includes(field));
      await manager.query(
        `INSERT INTO published_persons (person_id, basis, fields, published_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (person_id) DO UPDATE SET basis = $2, fields = $3, published_by = $4, published_at = now(),
           withdrawn_at = NULL, withdrawn_by = NULL, withdrawal_reason = NULL`,
        [personId, input.basis, fields, user.id],
      );
      await this.audit.record(
        { action: 'publication.publish', entityType: 'person', entityId: personId, before: before ?? null, after: { basis: input.basis, fields } },
        manager,
      );
    });
    return this.get(personId);
  }

  /** Withdrawal on request: the page disappears at once. Audited with its reason. */
  async withdraw(user: SessionUser, personId: string, reason: string): Promise<PublicationView> {
    await this.dataSource.transaction(async (manager) => {
      const [, affected] = await manager.query(
        `UPDATE published_persons SET withdrawn_at = now(), withdrawn_by = $2, withdrawal_reason = $3 WHERE person_id = $1 AND withdrawn_at IS NULL`,
        [personId, user.id, reason],
      );
      if (!affected) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'person', id: personId });
      await this.audit.record({ action: 'publication.withdraw', entityType: 'person', entityId: personId, after: { reason } }, manager);
    });
    return this.get(personId);
  }

  async get(personId: string): Promise<PublicationView> {
    const [row] = await this.dataSource.query(
      `SELECT person_id, basis, fields, published_at, withdrawn_at, withdrawal_reason, public_reads FROM published_persons WHERE person_id = $1`,
      [personId],
    );
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'person', id: personId });
    return {
      personId: row.person_id, basis: row.basis, fields: row.fields, publishedAt: row.published_at, withdrawnAt: row.withdrawn_at,
      withdrawalReason: row.withdrawal_reason, publicReads: Number(row.public_reads),
    };
  }

  /**
   * The registry's name search in any script over published persons only, narrowed by the filters; without a name,
   * the published persons the filters select, by name. Answers names and birth years only where published.
   */
  async search(query: string, limit = 25, filters: PublicSearchFilters = {}): Promise<PublicSearchHit[]> {
    const params: unknown[] = [];
    const conditions = publicFilterConditions(filters, params);
    const filterSql = conditions.map((condition) => `AND ${condition}`).join(' ');
    if (!query.trim()) {
      if (!hasFilters(filters)) return [];
      const rows: Array<{ id: string; basis: PublicationBasis; birth_year: string | null; name: string }> = await this.dataSource.query(
        `SELECT pub.person_id AS id, pub.basis, CASE WHEN 'birth_year' = ANY(pub.fields) THEN p.birth_year END AS birth_year,
                (SELECT min(v.full_name) FROM person_name_variants v WHERE v.person_id = p.id) AS name
         FROM published_persons pub JOIN persons p ON p.id = pub.person_id
         WHERE pub.withdrawn_at IS NULL AND 'names' = ANY(pub.fields) AND p.merged_into_id IS NULL ${filterSql}
         ORDER BY name, pub.person_id LIMIT $${params.length + 1}`,
        [...params, limit],
      );
      return rows.map((row) => ({ id: row.id, name: row.name, birthYear: row.birth_year, basis: row.basis }));
    }
    // with filters, more name matches are read so that enough of them pass the filters
    const hits = await this.registry.search(query, { limit: conditions.length ? 200 : limit, publishedOnly: true });
    if (hits.length === 0) return [];
    const rows: Array<{ id: string; basis: PublicationBasis; fields: string[]; birth_year: string | null }> = await this.dataSource.query(
      `SELECT pub.person_id AS id, pub.basis, pub.fields, CASE WHEN 'birth_year' = ANY(pub.fields) THEN p.birth_year END AS birth_year
       FROM published_persons pub JOIN persons p ON p.id = pub.person_id
       WHERE pub.person_id = ANY($${params.length + 1}::uuid[]) AND pub.withdrawn_at IS NULL AND 'names' = ANY(pub.fields) ${filterSql}`,
      [...params, hits.map((hit) => hit.personId)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return hits
      .flatMap((hit) => {
        const row = byId.get(hit.personId);
        return row ? [{ id: row.id, name: hit.matchedVariant, birthYear: row.birth_year, basis: row.basis }] : [];
      })
      .slice(0, limit);
  }

  /** The choices of the search form: every region, the sentence kinds and camps, and the events with a published participant. */
  async searchOptions(language: PublicLanguage): Promise<PublicSearchOptions> {
    const name = nameColumn[language];
    const list = (sql: string) => this.dataSource.query(sql) as Promise<Array<{ code: string; name: string }>>;
    const [regions, sentenceKinds, camps, events] = await Promise.all([
      list(`SELECT code, ${name} AS name FROM regions ORDER BY ${name}`),
      list(`SELECT code, ${name} AS name FROM sentence_kinds ORDER BY ${name}`),
      list(`SELECT code, ${name} AS name FROM camps ORDER BY ${name}`),
      list(`SELECT e.id::text AS code, coalesce(nullif(e.${name}, ''), nullif(e.name_kk, ''), e.name_ru) AS name FROM events e
            WHERE EXISTS (SELECT 1 FROM event_participants ep JOIN published_persons pub ON pub.person_id = ep.person_id
                          WHERE ep.event_id = e.id AND pub.withdrawn_at IS NULL AND pub.fields && ARRAY['arrest', 'sentence', 'death']::varchar[])
            ORDER BY 2`),
    ]);
    return { regions, sentenceKinds, camps, events };
  }

  /**
   * One public read of a person, counted. `withdrawn` when the record was withdrawn, null when it was never
   * published. Each field is read only when its publication says so.
   */
  async readPublic(personId: string, language: PublicLanguage): Promise<PublicPerson | 'withdrawn' | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(personId)) return null;
    const [publication]: Array<{ basis: PublicationBasis; fields: PublicField[]; withdrawn: boolean }> = await this.dataSource.query(
      `SELECT basis, fields, withdrawn_at IS NOT NULL AS withdrawn FROM published_persons WHERE person_id = $1`,
      [personId],
    );
    if (!publication) return null;
    if (publication.withdrawn) return 'withdrawn';
    // counted in Redis (no write transaction per page read); the worker adds the counts to public_reads every minute
    // a read that cannot be counted (Redis away) is still served
    await this.redis.hincrby(publicReadsKey, personId, 1).catch(() => undefined);
    return this.publishedFields(personId, publication, language);
  }

  /**
   * Adds the reads counted in Redis since the last flush to `published_persons.public_reads`. The hash is renamed
   * first, so reads counted meanwhile go to a fresh one; answers how many persons' counts were added. One flush at
   * a time: the worker's repeatable job (BullMQ runs each tick once).
   */
  async flushPublicReads(): Promise<number> {
    const flushing = `${publicReadsKey}:flushing`;
    // a flush that died after the rename left its hash: it is added now (HINCRBY meanwhile would only grow it)
    if (!(await this.redis.exists(flushing))) {
      try {
        await this.redis.rename(publicReadsKey, flushing);
      } catch {
        return 0; // nothing counted since the last flush
      }
    }
    const counts = await this.redis.hgetall(flushing);
    const ids = Object.keys(counts);
    if (ids.length) {
      await this.dataSource.query(
        `UPDATE published_persons pub SET public_reads = pub.public_reads + c.reads
         FROM unnest($1::uuid[], $2::bigint[]) AS c(person_id, reads) WHERE pub.person_id = c.person_id`,
        [ids, ids.map((id) => counts[id])],
      );
    }
    await this.redis.del(flushing);
    return ids.length;
  }

  /**
   * The fields a publication names, in one query, each column read only when its field is published (no read
   * counted: the open-data dump and the regional books read this way). Only accepted facts; archival and book
   * sources only (a case's evidence is not a public source).
   */
  async publishedFields(personId: string, publication: { basis: PublicationBasis; fields: PublicField[] }, language: PublicLanguage): Promise<PublicPerson> {
    const has = (field: PublicField) => publication.fields.includes(field);
    const name = nameColumn[language];
    const published = (field: PublicField) => `'${field}' = ANY($2::varchar[])`;
    const fact = (kind: string) => `(SELECT value FROM person_facts WHERE person_id = $1 AND kind = '${kind}' AND accepted LIMIT 1)`;
    const episode = (kind: string) =>
      `(SELECT jsonb_build_object('date', date_text, 'place', place_text) FROM person_facts WHERE person_id = $1 AND kind = 'episode' AND episode_kind = '${kind}' AND accepted LIMIT 1)`;
    const [row] = await this.dataSource.query(
      `SELECT
         CASE WHEN ${published('names')} THEN (SELECT array_agg(v.full_name ORDER BY v.full_name) FROM (SELECT DISTINCT full_name FROM person_name_variants WHERE person_id = $1) v) END AS names,
         CASE WHEN ${published('birth_year')} THEN p.birth_year END AS birth_year,
         CASE WHEN ${published('birthplace')} THEN p.birthplace END AS birthplace,
         CASE WHEN ${published('nationality')} THEN ${fact('nationality')} END AS nationality,
         CASE WHEN ${published('occupation')} THEN ${fact('occupation')} END AS occupation,
         CASE WHEN ${published('arrest')} THEN ${episode('arrest')} END AS arrest,
         CASE WHEN ${published('death')} THEN coalesce(${episode('death')}, ${episode('execution')}) END AS death,
         CASE WHEN ${published('sentencing_body')} THEN (SELECT sb.${name} FROM sentencing_bodies sb WHERE sb.code = f.sentencing_body_code) END AS body,
         CASE WHEN ${published('articles')} THEN (SELECT array_agg(a.article ORDER BY a.article) FROM criminal_articles a WHERE a.code = ANY(f.article_codes)) END AS articles,
         CASE WHEN ${published('sentence')} THEN (SELECT k.${name} FROM sentence_kinds k WHERE k.code = f.sentence_kind_code) END AS sentence_kind,
         CASE WHEN ${published('sentence')} THEN f.sentence_term END AS sentence_term,
         CASE WHEN ${published('camp')} THEN (SELECT c.${name} FROM camps c WHERE c.code = coalesce(f.camp_code,
           (SELECT cf.camp_code FROM person_facts cf WHERE cf.person_id = $1 AND cf.episode_kind = 'camp' AND cf.accepted LIMIT 1))) END AS camp,
         CASE WHEN ${published('rehabilitation')} THEN p.rehabilitated_on::text END AS rehabilitation_date,
         CASE WHEN ${published('rehabilitation')} THEN (SELECT d.number FROM certificates c JOIN decisions d ON d.id = c.decision_id
           WHERE c.person_id = p.id AND d.outcome = $3 ORDER BY c.created_at DESC LIMIT 1) END AS rehabilitation_number,
         CASE WHEN ${published('sources')} THEN (SELECT array_agg(x.source ORDER BY x.source) FROM (
           SELECT DISTINCT CASE WHEN source_kind = 'book' THEN book_title || coalesce(', ' || book_volume, '') || ', p. ' || book_page
                                ELSE concat_ws(', ', archive, 'ф. ' || fond, 'оп. ' || opis, 'д. ' || delo) END AS source
           FROM person_facts WHERE person_id = $1 AND accepted AND source_kind IN ('archival', 'book')) x WHERE x.source IS NOT NULL AND x.source <> '') END AS sources
       FROM persons p
       LEFT JOIN LATERAL (SELECT sentencing_body_code, article_codes, sentence_kind_code, sentence_term, camp_code FROM person_facts
                          WHERE person_id = $1 AND kind = 'episode' AND episode_kind = 'sentence' AND accepted LIMIT 1) f ON true
       WHERE p.id = $1`,
      [personId, publication.fields, DecisionOutcome.Rehabilitated],
    );
    const person: PublicPerson = { id: personId, basis: publication.basis };
    if (!row) return person;
    const datePlace = (value: { date: string | null; place: string | null } | null) => (value ? { date: value.date ?? null, place: value.place ?? null } : null);
    if (has('names')) person.names = row.names ?? [];
    if (has('birth_year')) person.birthYear = row.birth_year ?? null;
    if (has('birthplace')) person.birthplace = row.birthplace ?? null;
    if (has('nationality')) person.nationality = row.nationality ?? null;
    if (has('occupation')) person.occupation = row.occupation ?? null;
    if (has('arrest')) person.arrest = datePlace(row.arrest);
    if (has('death')) person.death = datePlace(row.death);
    if (has('sentencing_body')) person.sentencingBody = row.body ?? null;
    if (has('articles')) person.articles = row.articles ?? [];
    if (has('sentence')) person.sentence = row.sentence_kind || row.sentence_term ? { kind: row.sentence_kind ?? null, term: row.sentence_term ?? null } : null;
    if (has('camp')) person.camp = row.camp ?? null;
    if (has('rehabilitation')) {
      person.rehabilitation = row.rehabilitation_date || row.rehabilitation_number ? { date: row.rehabilitation_date ?? null, decisionNumber: row.rehabilitation_number ?? null } : null;
    }
    if (has('sources')) person.sources = row.sources ?? [];
    return person;
  }
}
