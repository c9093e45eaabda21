import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, type SessionUser } from '@aqtalu/contracts';
import { actorOf, caseScopeCondition } from '../cases/case-scope.js';
import { autoMatchThreshold, compareNames, normaliseName, parseUncertainDate, spellingKeys, type MatchReason, type NameKeys } from '@aqtalu/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { sqlRows } from '../database/sql.js';
import { StaleVersionException } from '../database/stale-version.exception.js';
import { CodedException } from '../errors/coded.exception.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { DuplicateDetectionService, duplicateReasonOf } from './duplicate-detection.service.js';
import { PlaceService } from './place.service.js';
import { findSpellings, maxCandidates, maxFilteredCandidates, maxQueryWords, similarWords } from './registry-search.js';

export type Script = 'kk-cyrl' | 'ru-cyrl' | 'latin' | 'other';

export interface NameInput {
  fullName: string;
  script?: Script;
  source?: string | null;
}

export interface NewPerson {
  names: NameInput[];
  birthYear?: string | null;
  birthplace?: string | null;
  /** The birthplace in the historical gazetteer; routes the person's cases to today's region. */
  birthplacePlaceId?: string | null;
}

export interface PersonChanges {
  version: number;
  birthYear?: string | null;
  birthplace?: string | null;
  birthplacePlaceId?: string | null;
}

/** Filters of the registry search, on top of the name. */
export interface SearchFilters {
  birthYear?: number;
  tolerance?: number;
  /** Today's region of the birthplace, through the gazetteer. */
  regionCode?: string;
  /** A sentence kind of any of the person's episodes. */
  sentenceKind?: string;
  /** Whether the person (or a record merged into them) is a subject of a case the caller may see. */
  hasCase?: boolean;
  /** The user searching: `hasCase` looks at their cases only (unset for the system's own searches). */
  caller?: SessionUser;
  /** Only persons published in the Book of Memory and not withdrawn (the public search). */
  publishedOnly?: boolean;
}

export interface SearchHit {
  personId: string;
  score: number;
  /** The spelling that matched best, and why. */
  matchedVariant: string;
  /** In English; `reasonCodes` says the same as codes of the catalogue. */
  reasons: string[];
  reasonCodes: MatchReason[];
  nameKk: string | null;
  nameRu: string | null;
  birthYear: string | null;
}

/** A pair's reasons (stored as English text) also as codes of the catalogue; null for a text of no known form. */
const withReasonCodes = <T extends { reasons: string[] }>(row: T): T & { reasonCodes: Array<MatchReason | null> } => ({ ...row, reasonCodes: row.reasons.map(duplicateReasonOf) });

const candidateColumns = (threshold: string) => `d.id, d.person_a_id AS "personAId", d.person_b_id AS "personBId", d.score, d.reasons, d.status,
  coalesce(a.name_kk, a.name_ru) AS "nameA", coalesce(b.name_kk, b.name_ru) AS "nameB",
  a.birth_year AS "birthYearA", b.birth_year AS "birthYearB", (d.score >= ${threshold}) AS "strong"`;
const candidateFrom = 'FROM duplicate_candidates d JOIN persons a ON a.id = d.person_a_id JOIN persons b ON b.id = d.person_b_id';

/** What a browse of the registry sorts by: never the caller's text (typeorm#7978). */
export const personSortColumns = { id: 'p.id', nameKk: 'p.name_kk', nameRu: 'p.name_ru', birthYear: 'p.birth_year' } as const;

/** Vocabulary words a query word may mean in other lists' name filters (the case list), the best first. */
const similarWordsPerQueryWord = 6;

/**
 * The name keys of candidate spellings, kept across searches: the same spellings come up again and again
 * (common names), and normalising them is most of a search's own time.
 */
const candidateKeyCache = new Map<string, NameKeys>();
const candidateKeyCacheSize = 50_000;
function candidateKeys(fullName: string): NameKeys {
  let keys = candidateKeyCache.get(fullName);
  if (keys) {
    // least recently used goes first: re-insert on a hit
    candidateKeyCache.delete(fullName);
  } else {
    keys = normaliseName(fullName);
    if (candidateKeyCache.size >= candidateKeyCacheSize) candidateKeyCache.delete(candidateKeyCache.keys().next().value!);
  }
  candidateKeyCache.set(fullName, keys);
  return keys;
}

/** Pairs scoring at least this are proposed for review; nothing is ever merged without a person. */
export const duplicateProposalThreshold = 0.7;

const kazakhLetters = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
const cyrillic = /[\u0400-\u04FF]/;

export function detectScript(name: string): Script {
  if (kazakhLetters.test(name)) return 'kk-cyrl';
  if (cyrillic.test(name)) return 'ru-cyrl';
  if (/[A-Za-z]/.test(name)) return 'latin';
  return 'other';
}

/**
 * The registry of names: persons, every spelling with its search keys, transliteration-aware search
 * that says why each result matched, and duplicate proposals that a person reviews.
 */
/** A case of a registry person, as the person page lists it. */
export interface PersonCaseView {
  id: string;
  number: string;
  status: string;
  regionCode: string;
  categoryCode: string;
  /** The person's own outcome where a group decision set one apart. */
  outcome: string | null;
  updatedAt: Date;
}

@Injectable()
export class RegistryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  createPerson(manager: EntityManager, input: NewPerson): Promise<string> {
    return insertPerson(manager, input);
  }

  /** A person added by hand: audited, and matched against the registry by the duplicate detection. */
  async create(user: SessionUser, input: NewPerson) {
    const personId = await this.dataSource.transaction(async (manager) => {
      const created = await insertPerson(manager, input);
      await this.audit.record(
        { action: 'person.create', entityType: 'person', entityId: created, after: { names: input.names.map((name) => name.fullName), birthYear: input.birthYear ?? null } },
        manager,
      );
      await this.outbox.enqueue(manager, JobName.DetectDuplicates, {});
      return created;
    });
    return this.get(user, personId, { audited: false });
  }

  async addVariant(user: SessionUser, personId: string, input: NameInput) {
    await this.requirePerson(personId);
    await this.dataSource.transaction(async (manager) => {
      await insertVariant(manager, personId, input);
      await manager.query(`UPDATE persons SET duplicates_checked_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [personId]);
      await this.audit.record({ action: 'person.add_variant', entityType: 'person', entityId: personId, after: { fullName: input.fullName, source: input.source ?? null } }, manager);
    });
    return this.get(user, personId, { audited: false });
  }

  /** Changes the person's own birth year and birthplace; `version` is the one the caller read (optimistic locking). */
  async update(user: SessionUser, personId: string, changes: PersonChanges) {
    const before = await this.requirePerson(personId);
    if (changes.birthYear) {
      const parsed = parseUncertainDate(changes.birthYear, { today: new Date().toISOString().slice(0, 10) });
      if (!parsed.ok) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.date', { field: 'birthYear', reason: parsed.error.code, message: parsed.error.message });
    }
    if (changes.birthplacePlaceId) await PlaceService.requireExisting(this.dataSource, changes.birthplacePlaceId, 'birthplacePlaceId');
    const fields = (['birthYear', 'birthplace', 'birthplacePlaceId'] as const).filter((field) => changes[field] !== undefined);
    const column = { birthYear: 'birth_year', birthplace: 'birthplace', birthplacePlaceId: 'birthplace_place_id' } as const;
    await this.dataSource.transaction(async (manager) => {
      const updated = await sqlRows<{ id: string }>(
        manager,
        `UPDATE persons SET ${[...fields.map((field, i) => `${column[field]} = $${i + 3}`), 'version = version + 1', 'updated_at = now()'].join(', ')}
         WHERE id = $1 AND version = $2 RETURNING id`,
        [personId, changes.version, ...fields.map((field) => (typeof changes[field] === 'string' ? changes[field].trim() || null : changes[field]))],
      );
      if (updated.length === 0) throw new StaleVersionException({ entity: 'person', currentVersion: before.version });
      await this.audit.record(
        { action: 'person.update', entityType: 'person', entityId: personId, before: Object.fromEntries(fields.map((field) => [field, before[field]])), after: Object.fromEntries(fields.map((field) => [field, changes[field]])) },
        manager,
      );
    });
    return this.get(user, personId, { audited: false });
  }

  /** A person with every spelling; a read of personal data, so audited. */
  async get(_user: SessionUser, personId: string, options: { audited?: boolean } = {}) {
    const person = await this.requirePerson(personId);
    const variants = await this.dataSource.query(
      `SELECT id, full_name AS "fullName", script, source, recorded_for_id AS "recordedForId", created_at AS "createdAt"
       FROM person_name_variants WHERE person_id = $1 ORDER BY created_at, id`,
      [personId],
    );
    if (options.audited !== false) await this.audit.record({ action: 'person.read', entityType: 'person', entityId: personId });
    return { ...person, variants };
  }

  /**
   * The cases the person is a subject of (also through a record merged into it), only those the caller may
   * see: a case of another region is not told to exist. Audited as a read of the person.
   */
  async casesOf(user: SessionUser, personId: string): Promise<PersonCaseView[]> {
    await this.requirePerson(personId);
    const params: unknown[] = [personId];
    const scope = caseScopeCondition(actorOf(user), params);
    const rows: PersonCaseView[] = await this.dataSource.query(
      `SELECT c.id, c.number, c.status, r.code AS "regionCode", c.category_code AS "categoryCode", cs.outcome, c.updated_at AS "updatedAt"
       FROM case_subjects cs JOIN persons sp ON sp.id = cs.person_id JOIN cases c ON c.id = cs.case_id JOIN regions r ON r.id = c.region_id
       WHERE (sp.id = $1 OR sp.merged_into_id = $1) AND ${scope}
       ORDER BY c.created_at, c.id`,
      params,
    );
    await this.audit.record({ action: 'person.read_cases', entityType: 'person', entityId: personId, details: { returned: rows.length } });
    return rows;
  }

  /**
   * The registry's words a name query may mean, one list per word of the query (its stem first, then the
   * closest stems of the vocabulary), folded as the registry folds names, so "Seifullin" and "Сейфуллин"
   * give the same list. Empty when the query holds no name word. Other lists filter by it (the case list).
   */
  async nameWordsOf(query: string): Promise<string[][]> {
    const stems = normaliseName(query).parts.filter((part) => !part.initial && part.stem.length > 1).map((part) => part.stem).slice(0, maxQueryWords);
    const lists = await similarWords(this.dataSource, stems);
    return lists.map((words, i) => [...new Set([stems[i]!, ...words.slice(0, similarWordsPerQueryWord).map((entry) => entry.word)])]);
  }


  /**
   * Ranked search in any script. Each query word (its stem, libs/domain names) is matched against the
   * vocabulary of name words by trigram similarity and by phonetic code; spellings are then found through
   * exact pairs of those words and through a word joined with a given initial (registry-search.ts), ranked
   * by how well their words agree, and the closest are scored by comparing names word by word. Every step
   * uses an index, so the time depends on how many persons share a name, not on the size of the registry.
   */
  async search(query: string, options: { limit: number; offset?: number } & SearchFilters = { limit: 25 }): Promise<SearchHit[]> {
    const normalised = normaliseName(query);
    const stems = normalised.parts.filter((part) => !part.initial).map((part) => part.stem).slice(0, maxQueryWords);
    if (stems.length === 0) throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.search_no_name');
    const params: unknown[] = [];
    const filters: string[] = [];
    if (options.birthYear !== undefined) {
      const from = params.push(options.birthYear - (options.tolerance ?? 0));
      const to = params.push(options.birthYear + (options.tolerance ?? 0));
      filters.push(`(p.birth_year IS NULL OR substring(p.birth_year from '\\d{4}')::int BETWEEN $${from} AND $${to})`);
    }
    if (options.regionCode !== undefined) {
      filters.push(`EXISTS (SELECT 1 FROM places pl JOIN regions rg ON rg.id = pl.region_id WHERE pl.id = p.birthplace_place_id AND rg.code = $${params.push(options.regionCode)})`);
    }
    if (options.sentenceKind !== undefined) {
      filters.push(`EXISTS (SELECT 1 FROM person_facts f WHERE f.person_id = p.id AND f.sentence_kind_code = $${params.push(options.sentenceKind)})`);
    }
    if (options.hasCase !== undefined) {
      // a record merged into this one brings its cases along
      // only cases the caller may see: the filter must not tell that a case of another region exists
      const scope = options.caller ? `AND ${caseScopeCondition(actorOf(options.caller), params)}` : '';
      filters.push(
        `${options.hasCase ? '' : 'NOT '}EXISTS (SELECT 1 FROM case_subjects cs JOIN persons sp ON sp.id = cs.person_id
           JOIN cases c ON c.id = cs.case_id JOIN regions r ON r.id = c.region_id
           WHERE (sp.id = p.id OR sp.merged_into_id = p.id) ${scope})`,
      );
    }
    if (options.publishedOnly) {
      filters.push(`EXISTS (SELECT 1 FROM published_persons pub WHERE pub.person_id = p.id AND pub.withdrawn_at IS NULL)`);
    }
    const filterSql = filters.map((filter) => `AND ${filter}`).join(' ');

    const candidates = await findSpellings(this.dataSource, normalised, { filterSql, params, take: filters.length ? maxFilteredCandidates : maxCandidates });
    // the comparison is kept, not its reasons: their texts are made for the page only
    const best = new Map<string, { personId: string; score: number; matchedVariant: string; comparison: ReturnType<typeof compareNames> }>();
    // common names bring the same spelling many times: each is compared once
    const compared = new Map<string, ReturnType<typeof compareNames>>();
    for (const candidate of candidates) {
      let comparison = compared.get(candidate.full_name);
      if (!comparison) compared.set(candidate.full_name, (comparison = compareNames(normalised, candidateKeys(candidate.full_name))));
      const current = best.get(candidate.person_id);
      if (!current || comparison.score > current.score) {
        best.set(candidate.person_id, { personId: candidate.person_id, score: Math.round(comparison.score * 1000) / 1000, matchedVariant: candidate.full_name, comparison });
      }
    }
    const offset = options.offset ?? 0;
    const page = [...best.values()].sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId)).slice(offset, offset + options.limit);
    if (page.length === 0) return [];
    // the persons of the page only (a spelling always belongs to a person not merged away; checked anyway)
    const persons: Array<{ id: string; name_kk: string | null; name_ru: string | null; birth_year: string | null }> = await this.dataSource.query(
      `SELECT id, name_kk, name_ru, birth_year FROM persons WHERE id = ANY($1::uuid[]) AND merged_into_id IS NULL`,
      [page.map((hit) => hit.personId)],
    );
    const byId = new Map(persons.map((person) => [person.id, person]));
    return page.flatMap(({ comparison, ...hit }) => {
      const person = byId.get(hit.personId);
      return person ? [{ ...hit, reasons: comparison.reasons, reasonCodes: comparison.codes, nameKk: person.name_kk, nameRu: person.name_ru, birthYear: person.birth_year }] : [];
    });
  }

  /**
   * Looks at persons not yet checked and proposes pairs (DuplicateDetectionService, set-based). Proposals
   * only: merging is a person's decision. Returns the number of new proposals.
   */
  async detectDuplicates(batchSize = 1000): Promise<{ checked: number; proposed: number }> {
    return new DuplicateDetectionService(this.dataSource).detect(batchSize);
  }

  /**
   * The registry without a search: persons (not merged into another) in the order asked, or exactly `ids`
   * (react-admin's getMany, merged ones included so a link to them still shows a name).
   */
  async list(page: { offset: number; limit: number; sort: keyof typeof personSortColumns; order: 'ASC' | 'DESC'; ids?: string[] }) {
    const params: unknown[] = [];
    const where = page.ids ? `p.id = ANY($${params.push(page.ids)}::uuid[])` : 'p.merged_into_id IS NULL';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM persons p WHERE ${where}`, params);
    const rows = await this.dataSource.query(
      `SELECT p.id, p.id AS "personId", p.name_kk AS "nameKk", p.name_ru AS "nameRu", p.birth_year AS "birthYear", p.birthplace,
              p.merged_into_id AS "mergedIntoId", p.rehabilitated_on AS "rehabilitatedOn", p.version
       FROM persons p WHERE ${where}
       ORDER BY ${personSortColumns[page.sort]} ${page.order === 'DESC' ? 'DESC' : 'ASC'} NULLS LAST, p.id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    return { rows: rows as Array<Record<string, unknown> & { id: string }>, total: total as number };
  }

  /** Proposed (or decided) duplicate pairs, strongest first; `ids` picks pairs whatever their status. */
  async candidates(page: { offset: number; limit: number; status?: string; ids?: string[]; personId?: string; sort?: 'score' | 'id'; order?: 'ASC' | 'DESC' }) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (page.ids) where.push(`d.id = ANY($${params.push(page.ids)}::uuid[])`);
    const status = page.status ?? (page.ids ? undefined : 'proposed');
    if (status) where.push(`d.status = $${params.push(status)}`);
    if (page.personId) where.push(`$${params.push(page.personId)}::uuid IN (d.person_a_id, d.person_b_id)`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = page.order === 'ASC' ? 'ASC' : 'DESC';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM duplicate_candidates d ${whereSql}`, params);
    const rows = await this.dataSource.query(
      `SELECT ${candidateColumns(`$${params.length + 3}`)} ${candidateFrom} ${whereSql}
       ORDER BY ${page.sort === 'id' ? `d.id ${order}` : `d.score ${order}, d.id`} OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit, autoMatchThreshold],
    );
    return { rows: rows.map(withReasonCodes), total: total as number };
  }

  /** One pair, whatever its status. */
  async candidate(id: string) {
    const [row] = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.dataSource.query(`SELECT ${candidateColumns('$1')} ${candidateFrom} WHERE d.id = $2`, [autoMatchThreshold, id])
      : [];
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'duplicate_proposal', id });
    return withReasonCodes(row);
  }

  /** Merges B into A: B's spellings move to A and keep where they came from, so the merge can be undone. */
  async merge(user: SessionUser, candidateId: string) {
    return this.dataSource.transaction(async (manager) => {
      const candidate = await this.lockCandidate(manager, candidateId, 'proposed');
      const persons: Array<{ id: string; merged_into_id: string | null }> = await manager.query(
        `SELECT id, merged_into_id FROM persons WHERE id = ANY($1) ORDER BY id FOR UPDATE`,
        [[candidate.person_a_id, candidate.person_b_id]],
      );
      if (persons.some((person) => person.merged_into_id)) {
        throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.merged_meanwhile');
      }
      await manager.query(`UPDATE persons SET merged_into_id = $2, version = version + 1, updated_at = now() WHERE id = $1`, [candidate.person_b_id, candidate.person_a_id]);
      await manager.query(`UPDATE person_name_variants SET person_id = $2 WHERE person_id = $1`, [candidate.person_b_id, candidate.person_a_id]);
      // B's facts move too, keeping whom they were recorded for; where both accepted a value, A's stays accepted and B's is set aside until an unmerge
      const setAside = await sqlRows<{ id: string }>(
        manager,
        `UPDATE person_facts b SET accepted = false, accepted_before_merge = true
         WHERE b.person_id = $1 AND b.accepted AND EXISTS (SELECT 1 FROM person_facts a WHERE a.person_id = $2 AND a.accepted AND a.accept_key = b.accept_key)
         RETURNING b.id`,
        [candidate.person_b_id, candidate.person_a_id],
      );
      const movedFacts = await sqlRows<{ id: string }>(manager, `UPDATE person_facts SET person_id = $2 WHERE person_id = $1 RETURNING id`, [candidate.person_b_id, candidate.person_a_id]);
      await manager.query(`UPDATE duplicate_candidates SET status = 'merged', decided_by = $2, decided_at = now() WHERE id = $1`, [candidateId, user.id]);
      await this.audit.record({ action: 'person.merge', entityType: 'person', entityId: candidate.person_a_id, details: { merged: candidate.person_b_id, candidateId, movedFacts: movedFacts.length, acceptanceSetAside: setAside.map((fact) => fact.id) } }, manager);
      return { survivorId: candidate.person_a_id as string, mergedId: candidate.person_b_id as string };
    });
  }

  async unmerge(user: SessionUser, candidateId: string) {
    return this.dataSource.transaction(async (manager) => {
      const candidate = await this.lockCandidate(manager, candidateId, 'merged');
      await manager.query(`UPDATE person_name_variants SET person_id = recorded_for_id WHERE recorded_for_id = $1`, [candidate.person_b_id]);
      await manager.query(`UPDATE person_facts SET person_id = recorded_for_id WHERE recorded_for_id = $1`, [candidate.person_b_id]);
      // what B had accepted before the merge is accepted again, unless another of B's facts was accepted for that key meanwhile
      await manager.query(
        `UPDATE person_facts f SET accepted = true, accepted_before_merge = false
         WHERE f.recorded_for_id = $1 AND f.accepted_before_merge
           AND NOT EXISTS (SELECT 1 FROM person_facts o WHERE o.person_id = $1 AND o.accepted AND o.accept_key = f.accept_key)`,
        [candidate.person_b_id],
      );
      await manager.query(`UPDATE person_facts SET accepted_before_merge = false WHERE recorded_for_id = $1 AND accepted_before_merge`, [candidate.person_b_id]);
      await manager.query(`UPDATE persons SET merged_into_id = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [candidate.person_b_id]);
      await manager.query(`UPDATE duplicate_candidates SET status = 'proposed', decided_by = $2, decided_at = now() WHERE id = $1`, [candidateId, user.id]);
      await this.audit.record({ action: 'person.unmerge', entityType: 'person', entityId: candidate.person_a_id, details: { restored: candidate.person_b_id, candidateId } }, manager);
      return { restoredId: candidate.person_b_id as string };
    });
  }

  /** Two different people (brothers sharing a surname): never proposed again. */
  async markDifferent(user: SessionUser, candidateId: string) {
    return this.dataSource.transaction(async (manager) => {
      const candidate = await this.lockCandidate(manager, candidateId, 'proposed');
      await manager.query(`UPDATE duplicate_candidates SET status = 'different', decided_by = $2, decided_at = now() WHERE id = $1`, [candidateId, user.id]);
      await this.audit.record({ action: 'person.mark_different', entityType: 'person', entityId: candidate.person_a_id, details: { other: candidate.person_b_id, candidateId } }, manager);
      return { status: 'different' as const };
    });
  }

  private async lockCandidate(manager: EntityManager, candidateId: string, expected: string) {
    const [candidate] = /^[0-9a-f-]{36}$/i.test(candidateId)
      ? await manager.query(`SELECT * FROM duplicate_candidates WHERE id = $1 FOR UPDATE`, [candidateId])
      : [];
    if (!candidate) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'duplicate_proposal', id: candidateId });
    if (candidate.status !== expected) throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.proposal_status', { status: candidate.status, expected });
    return candidate;
  }

  private async requirePerson(personId: string) {
    const [person] = /^[0-9a-f-]{36}$/i.test(personId)
      ? await this.dataSource.query(
          `SELECT p.id, p.name_kk AS "nameKk", p.name_ru AS "nameRu", p.birth_year AS "birthYear", p.birthplace, p.birthplace_place_id AS "birthplacePlaceId",
                  CASE WHEN pl.id IS NULL THEN NULL ELSE jsonb_build_object('id', pl.id, 'nameKk', pl.name_kk, 'nameRu', pl.name_ru, 'nameEn', pl.name_en, 'regionCode', rg.code) END AS "birthplacePlace",
                  p.merged_into_id AS "mergedIntoId", p.rehabilitated_on AS "rehabilitatedOn", p.version
           FROM persons p LEFT JOIN places pl ON pl.id = p.birthplace_place_id LEFT JOIN regions rg ON rg.id = pl.region_id WHERE p.id = $1`,
          [personId],
        )
      : [];
    if (!person) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'person', id: personId });
    return person;
  }


}

/** A person with their spellings, each with its search keys; in the caller's transaction. */
export async function insertPerson(manager: EntityManager, input: NewPerson): Promise<string> {
  const names = input.names.map((name) => ({ ...name, fullName: name.fullName.trim() })).filter((name) => name.fullName.length > 0);
  if (names.length === 0) throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.person_needs_name');
  const kk = names.find((name) => (name.script ?? detectScript(name.fullName)) === 'kk-cyrl')?.fullName ?? null;
  const ru = names.find((name) => (name.script ?? detectScript(name.fullName)) === 'ru-cyrl')?.fullName ?? null;
  if (input.birthplacePlaceId) await PlaceService.requireExisting(manager, input.birthplacePlaceId, 'birthplacePlaceId');
  const [person] = await manager.query(
    `INSERT INTO persons (name_kk, name_ru, birth_year, birthplace, birthplace_place_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [kk ?? (ru ? null : names[0]!.fullName), ru, input.birthYear ?? null, input.birthplace ?? null, input.birthplacePlaceId ?? null],
  );
  for (const name of names) await insertVariant(manager, person.id, name);
  return person.id as string;
}

async function insertVariant(manager: EntityManager, personId: string, input: NameInput): Promise<void> {
  const keys = spellingKeys(input.fullName);
  const [variant]: Array<{ id: string }> = await manager.query(
    `INSERT INTO person_name_variants (person_id, recorded_for_id, full_name, script, source, skeleton, phonetic_tokens, initials, key_version)
     VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [personId, input.fullName.trim(), input.script ?? detectScript(input.fullName), input.source ?? null, keys.skeleton, keys.phoneticTokens, keys.initials, keys.keyVersion],
  );
  await indexSpelling(manager, variant!.id, keys.skeleton);
}

/** Makes a spelling findable: its words join the vocabulary, its word pairs the pair index. */
async function indexSpelling(manager: EntityManager, variantId: string, skeleton: string): Promise<void> {
  await manager.query(`INSERT INTO name_words (word) SELECT DISTINCT unnest(string_to_array($1, ' ')) ON CONFLICT DO NOTHING`, [skeleton]);
  await manager.query(`INSERT INTO name_word_pairs (pair, variant_id, skeleton) SELECT unnest(name_word_pairs($2)), $1, $2`, [variantId, skeleton]);
}
