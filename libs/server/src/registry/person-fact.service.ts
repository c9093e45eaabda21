import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EpisodeKind,
  FactKind,
  FactSourceKind,
  multiValuedFactKinds,
  Permission,
  RepressionDictionary,
  type SessionUser,
} from '@aqtalu/contracts';
import { parseArchivalReference, parseUncertainDate, type ArchivalReference, type SheetRange, type UncertainDate } from '@aqtalu/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseAccess } from '../cases/case-access.service.js';
import { sqlRows } from '../database/sql.js';
import { StaleVersionException } from '../database/stale-version.exception.js';
import { CodedException } from '../errors/coded.exception.js';
import { PlaceService } from './place.service.js';
import { RepressionDictionaryService } from './repression-dictionary.service.js';

export interface FactSourceInput {
  kind: FactSourceKind;
  /** Archival: the reference as written, e.g. «ЦГА РК, ф. 141, оп. 1, д. 1234, л. 5–7». */
  reference?: string;
  /** Book of memory: title, volume, page. */
  bookTitle?: string;
  bookVolume?: string;
  bookPage?: number;
  /** Evidence of a case: the document and the pages that support the fact. */
  evidenceId?: string;
  pageFrom?: number;
  pageTo?: number;
}

export interface FactInput {
  kind: FactKind;
  episodeKind?: EpisodeKind;
  value?: string;
  /** An uncertain date in ru / kk / en wording: "1937", "осень 1937", "не позднее марта 1938". */
  date?: string;
  placeId?: string;
  placeText?: string;
  relatedPersonId?: string;
  sentencingBodyCode?: string;
  articleCodes?: string[];
  sentenceKindCode?: string;
  sentenceTerm?: string;
  campCode?: string;
  note?: string;
  source: FactSourceInput;
}

/** Changes to a recorded fact; `null` clears a field. Its kind and episode kind never change (record a new fact instead). */
export type FactChanges = { [K in Exclude<keyof FactInput, 'kind' | 'episodeKind' | 'source'>]?: FactInput[K] | null } & { source?: FactSourceInput };

/** The source of a fact as stored, when a correction keeps it. */
interface KeptSource {
  reference: ArchivalReference | null;
  pageFrom: number | null;
  pageTo: number | null;
}

type DictionaryRef = { code: string; nameKk: string; nameRu: string; nameEn: string };

export interface FactView {
  id: string;
  personId: string;
  recordedForId: string;
  kind: FactKind;
  episodeKind: EpisodeKind | null;
  value: string | null;
  date: { text: string; earliest: string; latest: string; precision: string } | null;
  place: { id: string; nameKk: string; nameRu: string; nameEn: string; regionCode: string | null } | null;
  placeText: string | null;
  relatedPersonId: string | null;
  sentencingBody: DictionaryRef | null;
  articles: Array<DictionaryRef & { criminalCode: string; article: string }>;
  sentenceKind: DictionaryRef | null;
  sentenceTerm: string | null;
  camp: DictionaryRef | null;
  source:
    | { kind: FactSourceKind.Archival; reference: { archive: string | null; fond: string; opis: string; delo: string; sheets: SheetRange[]; text: string } }
    | { kind: FactSourceKind.Book; book: { title: string; volume: string | null; page: number } }
    | { kind: FactSourceKind.Evidence; evidence: { evidenceId: string; pageFrom: number; pageTo: number } };
  note: string | null;
  accepted: boolean;
  acceptedBy: string | null;
  acceptedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  version: number;
}

/** Fields only an episode has. */
const episodeFields = ['sentencingBodyCode', 'articleCodes', 'sentenceKindCode', 'sentenceTerm', 'campCode'] as const;
/** Kinds whose value is a text as the source states it. */
const valueKinds = new Set<FactKind>([
  FactKind.Nationality, FactKind.Occupation, FactKind.SocialPosition, FactKind.PartyMembership, FactKind.FamilyLink, FactKind.LinkedEvent,
]);
const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

const factColumns = `f.id, f.person_id, f.recorded_for_id, f.kind, f.episode_kind, f.value, f.date_text, f.date_earliest::text AS date_earliest,
  f.date_latest::text AS date_latest, f.date_precision, f.place_text, f.related_person_id, f.sentence_term, f.source_kind, f.archive, f.fond, f.opis,
  f.delo, f.sheets, f.reference_text, f.book_title, f.book_volume, f.book_page, f.evidence_id, f.page_from, f.page_to, f.note, f.accepted,
  f.accepted_by, f.accepted_at, f.created_by, f.created_at, f.version,
  CASE WHEN pl.id IS NULL THEN NULL ELSE jsonb_build_object('id', pl.id, 'nameKk', pl.name_kk, 'nameRu', pl.name_ru, 'nameEn', pl.name_en, 'regionCode', rg.code) END AS place,
  CASE WHEN sb.code IS NULL THEN NULL ELSE jsonb_build_object('code', sb.code, 'nameKk', sb.name_kk, 'nameRu', sb.name_ru, 'nameEn', sb.name_en) END AS sentencing_body,
  CASE WHEN sk.code IS NULL THEN NULL ELSE jsonb_build_object('code', sk.code, 'nameKk', sk.name_kk, 'nameRu', sk.name_ru, 'nameEn', sk.name_en) END AS sentence_kind,
  CASE WHEN cp.code IS NULL THEN NULL ELSE jsonb_build_object('code', cp.code, 'nameKk', cp.name_kk, 'nameRu', cp.name_ru, 'nameEn', cp.name_en) END AS camp,
  coalesce((SELECT jsonb_agg(jsonb_build_object('code', a.code, 'criminalCode', a.criminal_code, 'article', a.article, 'nameKk', a.name_kk,
      'nameRu', a.name_ru, 'nameEn', a.name_en) ORDER BY array_position(f.article_codes, a.code))
    FROM criminal_articles a WHERE a.code = ANY(f.article_codes)), '[]'::jsonb) AS articles`;
const factFrom = `person_facts f LEFT JOIN places pl ON pl.id = f.place_id LEFT JOIN regions rg ON rg.id = pl.region_id
  LEFT JOIN sentencing_bodies sb ON sb.code = f.sentencing_body_code LEFT JOIN sentence_kinds sk ON sk.code = f.sentence_kind_code
  LEFT JOIN camps cp ON cp.code = f.camp_code`;

/**
 * Facts and repression episodes of registry persons, each citing its source. Values that sources disagree on
 * are all kept; a person with registry.manage accepts one per person and `accept_key`, and the accepted birth
 * year and birthplace become the person's own.
 */
@Injectable()
export class PersonFactService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly dictionaries: RepressionDictionaryService,
    private readonly audit: AuditService,
  ) {}

  /** A person's facts with their sources: other facts first by kind, then the episodes in chronological order. Audited. */
  async list(personId: string, filter: { kind?: FactKind; episodeKind?: EpisodeKind } = {}): Promise<FactView[]> {
    await this.requirePerson(this.dataSource, personId);
    const params: unknown[] = [personId];
    const where = ['f.person_id = $1'];
    if (filter.kind) where.push(`f.kind = $${params.push(filter.kind)}`);
    if (filter.episodeKind) where.push(`f.episode_kind = $${params.push(filter.episodeKind)}`);
    const rows = await this.dataSource.query(
      `SELECT ${factColumns} FROM ${factFrom} WHERE ${where.join(' AND ')}
       ORDER BY (f.kind = 'episode'), f.kind, f.date_earliest NULLS LAST, f.date_latest NULLS LAST, f.created_at, f.id`,
      params,
    );
    await this.audit.record({ action: 'person.read_facts', entityType: 'person', entityId: personId, details: { returned: rows.length } });
    return rows.map(toView);
  }

  /**
   * Facts and episodes across the registry, for lists: by kind, episode kind, person, and an interval of
   * uncertain dates. A fact is found when the interval its date allows overlaps the one asked for, so
   * "arrested 1937–1938" finds "autumn 1937", "1937 or 1938" and "before 1938" (a GiST index on the range).
   * Audited as one read of the list.
   */
  async browse(
    filter: FactListFilter,
    page: { offset: number; limit: number; sort: 'date' | 'id'; order: 'ASC' | 'DESC'; ids?: string[] },
  ): Promise<{ rows: FactView[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (page.ids) where.push(`f.id = ANY($${params.push(page.ids)}::uuid[])`);
    if (filter.personId) where.push(`f.person_id = $${params.push(filter.personId)}`);
    if (filter.kind) where.push(`f.kind = $${params.push(filter.kind)}`);
    if (filter.episodeKind) where.push(`f.episode_kind = $${params.push(filter.episodeKind)}`);
    const from = filter.dateFrom === undefined ? undefined : factDateBound(filter.dateFrom, 'dateFrom');
    const to = filter.dateTo === undefined ? undefined : factDateBound(filter.dateTo, 'dateTo');
    if (from && to && from.earliest > to.latest) throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.date_range_reversed', { from: from.text, to: to.text });
    if (from || to) {
      where.push(
        `f.date_earliest IS NOT NULL AND daterange(f.date_earliest, f.date_latest, '[]') && daterange($${params.push(from?.earliest ?? null)}::date, $${params.push(to?.latest ?? null)}::date, '[]')`,
      );
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = page.order === 'DESC' ? 'DESC' : 'ASC';
    const orderSql = page.sort === 'id' ? `f.id ${order}` : `f.date_earliest ${order} NULLS LAST, f.date_latest ${order} NULLS LAST, f.id`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM person_facts f ${whereSql}`, params);
    const rows = await this.dataSource.query(
      `SELECT ${factColumns} FROM ${factFrom} ${whereSql} ORDER BY ${orderSql} OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    await this.audit.record({
      action: 'person.list_facts',
      details: { filter: { ...filter, dateFrom: from ? [from.earliest, from.latest] : undefined, dateTo: to ? [to.earliest, to.latest] : undefined }, returned: rows.length },
    });
    return { rows: rows.map(toView), total: total as number };
  }

  async add(user: SessionUser, personId: string, input: FactInput): Promise<FactView> {
    const person = await this.requirePerson(this.dataSource, personId);
    if (person.merged_into_id) {
      throw new CodedException(HttpStatus.CONFLICT, 'registry.person_merged', { personId, mergedInto: person.merged_into_id });
    }
    const row = await this.validate(user, personId, input);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO person_facts (id, person_id, recorded_for_id, kind, episode_kind, accept_key, value, date_text, date_earliest, date_latest, date_precision,
           place_id, place_text, related_person_id, sentencing_body_code, article_codes, sentence_kind_code, sentence_term, camp_code, source_kind,
           archive, fond, opis, delo, sheets, reference_text, book_title, book_volume, book_page, evidence_id, page_from, page_to, note, created_by)
         VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28,
           $29, $30, $31, $32, $33)`,
        [id, personId, input.kind, input.episodeKind ?? null, acceptKey(input, id), row.value, row.date?.text ?? null, row.date?.earliest ?? null,
          row.date?.latest ?? null, row.date?.precision ?? null, input.placeId ?? null, trimmed(input.placeText), input.relatedPersonId ?? null,
          input.sentencingBodyCode ?? null, input.articleCodes ?? [], input.sentenceKindCode ?? null, trimmed(input.sentenceTerm), input.campCode ?? null,
          input.source.kind, row.reference?.archive ?? null, row.reference?.fond ?? null, row.reference?.opis ?? null, row.reference?.delo ?? null,
          row.reference ? JSON.stringify(row.reference.sheets) : null, row.reference?.text ?? null, trimmed(input.source.bookTitle),
          trimmed(input.source.bookVolume), input.source.bookPage ?? null, input.source.evidenceId ?? null, row.pageFrom, row.pageTo,
          trimmed(input.note), user.id],
      );
      await manager.query(`UPDATE persons SET version = version + 1, updated_at = now() WHERE id = $1`, [personId]);
      await this.audit.record(
        {
          action: 'person.add_fact', entityType: 'person', entityId: personId, before: null,
          after: { factId: id, kind: input.kind, episodeKind: input.episodeKind ?? null, value: row.value, date: row.date?.text ?? null, source: input.source.kind,
            reference: row.reference?.text ?? null, evidenceId: input.source.evidenceId ?? null, pageFrom: row.pageFrom, pageTo: row.pageTo },
        },
        manager,
      );
    });
    return this.view(id);
  }

  /**
   * Marks a fact as the one the commission accepts; another accepted fact of the same key is un-accepted.
   * `version` is the person's as the caller read it: an acceptance changes the person (optimistic locking).
   */
  async accept(user: SessionUser, personId: string, factId: string, version: number): Promise<FactView> {
    await this.dataSource.transaction(async (manager) => {
      const person = await this.requirePerson(manager, personId, true);
      if (person.version !== version) throw new StaleVersionException({ entity: 'person', currentVersion: person.version });
      const [fact] = isUuid(factId)
        ? await manager.query(`SELECT id, kind, accept_key, accepted, value, date_text, place_id, place_text FROM person_facts WHERE id = $1 AND person_id = $2 FOR UPDATE`, [factId, personId])
        : [];
      if (!fact) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'fact', id: factId });
      if (fact.accepted) return;
      const previous: Array<{ id: string }> = await manager.query(
        `SELECT id FROM person_facts WHERE person_id = $1 AND accept_key = $2 AND accepted FOR UPDATE`,
        [personId, fact.accept_key],
      );
      if (previous.length) {
        await manager.query(`UPDATE person_facts SET accepted = false, accepted_by = NULL, accepted_at = NULL, version = version + 1 WHERE id = ANY($1)`, [previous.map((p) => p.id)]);
      }
      await manager.query(`UPDATE person_facts SET accepted = true, accepted_by = $2, accepted_at = now(), version = version + 1 WHERE id = $1`, [factId, user.id]);
      await syncAccepted(manager, personId, fact);
      await manager.query(`UPDATE persons SET version = version + 1, updated_at = now() WHERE id = $1`, [personId]);
      await this.audit.record(
        {
          action: 'person.accept_fact', entityType: 'person', entityId: personId,
          before: { acceptedFactIds: previous.map((p) => p.id) }, after: { acceptedFactId: factId },
          details: { kind: fact.kind, acceptKey: fact.accept_key },
        },
        manager,
      );
    });
    return this.view(factId);
  }

  /**
   * Corrects a recorded fact (a typo in a date, a wrong page). `version` is the fact's as the caller read it
   * (optimistic locking). Everything is checked again as for a new fact; an accepted birth year or birthplace
   * carries the correction to the person.
   */
  async update(user: SessionUser, personId: string, factId: string, version: number, changes: FactChanges): Promise<FactView> {
    const [row] = isUuid(factId) ? await this.dataSource.query(`SELECT * FROM person_facts WHERE id = $1 AND person_id = $2`, [factId, personId]) : [];
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'fact', id: factId });
    const before = await this.view(factId);
    const current: FactInput = {
      kind: row.kind, episodeKind: row.episode_kind ?? undefined, value: row.value ?? undefined, date: row.date_text ?? undefined,
      placeId: row.place_id ?? undefined, placeText: row.place_text ?? undefined, relatedPersonId: row.related_person_id ?? undefined,
      sentencingBodyCode: row.sentencing_body_code ?? undefined, articleCodes: row.article_codes, sentenceKindCode: row.sentence_kind_code ?? undefined,
      sentenceTerm: row.sentence_term ?? undefined, campCode: row.camp_code ?? undefined, note: row.note ?? undefined, source: sourceInputOf(row),
    };
    const merged: FactInput = { ...current };
    for (const [key, value] of Object.entries(changes) as Array<[keyof FactChanges, unknown]>) {
      if (value === undefined) continue;
      (merged as unknown as Record<string, unknown>)[key] = value === null ? undefined : value;
    }
    if (merged.kind === FactKind.BirthYear) merged.value = undefined;
    const kept: KeptSource | undefined = changes.source
      ? undefined
      : { reference: row.reference_text ? { archive: row.archive ?? undefined, fond: row.fond, opis: row.opis, delo: row.delo, sheets: row.sheets ?? [], text: row.reference_text } : null, pageFrom: row.page_from, pageTo: row.page_to };
    const checked = await this.validate(user, personId, merged, kept);
    await this.dataSource.transaction(async (manager) => {
      const person = await this.requirePerson(manager, personId, true);
      const updated = await sqlRows<{ id: string }>(
        manager,
        `UPDATE person_facts SET value = $3, date_text = $4, date_earliest = $5, date_latest = $6, date_precision = $7, place_id = $8, place_text = $9,
           related_person_id = $10, sentencing_body_code = $11, article_codes = $12, sentence_kind_code = $13, sentence_term = $14, camp_code = $15,
           source_kind = $16, archive = $17, fond = $18, opis = $19, delo = $20, sheets = $21, reference_text = $22, book_title = $23, book_volume = $24,
           book_page = $25, evidence_id = $26, page_from = $27, page_to = $28, note = $29, version = version + 1
         WHERE id = $1 AND version = $2 RETURNING id`,
        [factId, version, checked.value, checked.date?.text ?? null, checked.date?.earliest ?? null, checked.date?.latest ?? null, checked.date?.precision ?? null,
          merged.placeId ?? null, trimmed(merged.placeText), merged.relatedPersonId ?? null, merged.sentencingBodyCode ?? null, merged.articleCodes ?? [],
          merged.sentenceKindCode ?? null, trimmed(merged.sentenceTerm), merged.campCode ?? null, merged.source.kind, checked.reference?.archive ?? null,
          checked.reference?.fond ?? null, checked.reference?.opis ?? null, checked.reference?.delo ?? null,
          checked.reference ? JSON.stringify(checked.reference.sheets) : null, checked.reference?.text ?? null, trimmed(merged.source.bookTitle),
          trimmed(merged.source.bookVolume), merged.source.bookPage ?? null, merged.source.evidenceId ?? null, checked.pageFrom, checked.pageTo, trimmed(merged.note)],
      );
      if (updated.length === 0) throw new StaleVersionException({ entity: 'fact', currentVersion: row.version });
      if (row.accepted) await syncAccepted(manager, personId, { kind: row.kind, date_text: checked.date?.text ?? null, place_id: merged.placeId ?? null, place_text: trimmed(merged.placeText) });
      await manager.query(`UPDATE persons SET version = version + 1, updated_at = now() WHERE id = $1`, [person.id]);
      const after = await this.view(factId, manager);
      await this.audit.record({ action: 'person.update_fact', entityType: 'person', entityId: personId, before: changedOf(before, after), after: changedOf(after, before), details: { factId } }, manager);
    });
    return this.view(factId);
  }

  private async view(id: string, manager: EntityManager | DataSource = this.dataSource): Promise<FactView> {
    const [row] = await manager.query(`SELECT ${factColumns} FROM ${factFrom} WHERE f.id = $1`, [id]);
    return toView(row);
  }

  /** Checks what can be checked without writing; answers 400 naming the problem, 404 for evidence out of scope. */
  private async validate(user: SessionUser, personId: string, input: FactInput, keptSource?: KeptSource) {
    const isEpisode = input.kind === FactKind.Episode;
    if (isEpisode && !input.episodeKind) throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.episode_kind_required', { values: Object.values(EpisodeKind) });
    if (!isEpisode && input.episodeKind) throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.episode_kind_not_allowed', { kind: input.kind });
    if (!isEpisode) {
      const given = episodeFields.filter((field) => input[field] !== undefined && !(Array.isArray(input[field]) && input[field].length === 0));
      if (given.length) throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.episode_fields', { fields: given, kind: input.kind });
    }
    let value = trimmed(input.value);
    if (valueKinds.has(input.kind) && !value) throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.value_required', { kind: input.kind });
    let date: UncertainDate | null = null;
    if (input.kind === FactKind.BirthYear && !input.date?.trim()) throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.birth_year_date_required');
    if (input.date?.trim()) {
      // a fact is about the past: a date after today is a typing error
      const parsed = parseUncertainDate(input.date, { today: new Date().toISOString().slice(0, 10) });
      if (!parsed.ok) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.date', { field: 'date', reason: parsed.error.code, message: parsed.error.message });
      date = parsed.value;
      // a birth year's value is the wording of its date
      if (input.kind === FactKind.BirthYear) value = date.text;
    }
    if (input.kind === FactKind.Birthplace && !input.placeId && !trimmed(input.placeText)) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.birthplace_place_required');
    }
    if (input.placeId) await PlaceService.requireExisting(this.dataSource, input.placeId, 'placeId');
    if (input.relatedPersonId) {
      if (input.kind !== FactKind.FamilyLink) throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.related_person_only_family');
      if (input.relatedPersonId === personId) throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.related_person_self');
      const [related] = isUuid(input.relatedPersonId) ? await this.dataSource.query(`SELECT id FROM persons WHERE id = $1`, [input.relatedPersonId]) : [];
      if (!related) throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.unknown_person', { field: 'relatedPersonId', id: input.relatedPersonId });
    }
    await this.checkCodes(RepressionDictionary.SentencingBodies, 'sentencingBodyCode', input.sentencingBodyCode ? [input.sentencingBodyCode] : []);
    await this.checkCodes(RepressionDictionary.CriminalArticles, 'articleCodes', input.articleCodes ?? []);
    await this.checkCodes(RepressionDictionary.SentenceKinds, 'sentenceKindCode', input.sentenceKindCode ? [input.sentenceKindCode] : []);
    await this.checkCodes(RepressionDictionary.Camps, 'campCode', input.campCode ? [input.campCode] : []);
    // a correction that leaves the source alone does not check it again (its evidence may be out of the editor's scope)
    const source = keptSource ?? (await this.validateSource(user, input.source));
    return { value, date, ...source };
  }

  /** Checks a source as a fact cites it (also used by events and relations, which cite sources the same way). */
  async validateSource(user: SessionUser, source: FactSourceInput): Promise<{ reference: ArchivalReference | null; pageFrom: number | null; pageTo: number | null }> {
    const has = (fields: Array<keyof FactSourceInput>) => fields.filter((field) => source[field] !== undefined && source[field] !== null && source[field] !== '');
    const refuseOthers = (allowed: Array<keyof FactSourceInput>) => {
      const foreign = has(['reference', 'bookTitle', 'bookVolume', 'bookPage', 'evidenceId', 'pageFrom', 'pageTo']).filter((field) => !allowed.includes(field));
      if (foreign.length) throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.source_fields_foreign', { fields: foreign.map((field) => `source.${field}`), kind: source.kind });
    };
    switch (source.kind) {
      case FactSourceKind.Archival: {
        refuseOthers(['reference']);
        if (!source.reference?.trim()) throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.source_reference_required');
        const parsed = parseArchivalReference(source.reference);
        if (!parsed.ok) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.archival_reference', { field: 'source.reference', part: parsed.error.part, message: parsed.error.message });
        return { reference: parsed.value, pageFrom: null, pageTo: null };
      }
      case FactSourceKind.Book: {
        refuseOthers(['bookTitle', 'bookVolume', 'bookPage']);
        if (!source.bookTitle?.trim()) throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.source_book_title_required');
        if (source.bookPage === undefined) throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.source_book_page_required');
        if (!Number.isInteger(source.bookPage) || source.bookPage < 1) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.page_number', { field: 'source.bookPage', value: String(source.bookPage) });
        return { reference: null, pageFrom: null, pageTo: null };
      }
      case FactSourceKind.Evidence: {
        refuseOthers(['evidenceId', 'pageFrom', 'pageTo']);
        if (!source.evidenceId) throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.source_evidence_required');
        if (source.pageFrom === undefined) throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.source_page_from_required');
        const pageFrom = source.pageFrom;
        const pageTo = source.pageTo ?? pageFrom;
        if (!Number.isInteger(pageFrom) || pageFrom < 1) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.page_number', { field: 'source.pageFrom', value: String(pageFrom) });
        if (!Number.isInteger(pageTo) || pageTo < 1) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.page_number', { field: 'source.pageTo', value: String(pageTo) });
        if (pageFrom > pageTo) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.order', { first: 'source.pageFrom', firstValue: String(pageFrom), second: 'source.pageTo', secondValue: String(pageTo) });
        const evidence = await this.citableEvidence(user, source.evidenceId);
        if (evidence.pages !== null && pageTo > evidence.pages) {
          throw new CodedException(HttpStatus.BAD_REQUEST, 'fact.source_page_beyond', { pageTo, pages: evidence.pages });
        }
        return { reference: null, pageFrom, pageTo };
      }
      default:
        throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_one_of', { field: 'source.kind', values: Object.values(FactSourceKind) });
    }
  }

  /** Evidence the caller may read (its case in their scope, else 404) and that no check quarantined. */
  private async citableEvidence(user: SessionUser, evidenceId: string): Promise<{ pages: number | null }> {
    const [evidence] = isUuid(evidenceId)
      ? await this.dataSource.query(
          `SELECT e.case_id AS "caseId", e.pages, e.verification,
                  EXISTS (SELECT 1 FROM evidence_checks q WHERE q.evidence_id = e.id AND q.state = 'quarantined') AS quarantined
           FROM evidence e WHERE e.id = $1`,
          [evidenceId],
        )
      : [];
    if (!evidence) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found_or_hidden', { entity: 'evidence', id: evidenceId });
    try {
      await this.access.require(user, evidence.caseId, Permission.EvidenceRead);
    } catch (error) {
      // the case is named in the message of CaseAccess; the caller asked about evidence and learns nothing of the case
      if (error instanceof HttpException && error.getStatus() === HttpStatus.NOT_FOUND) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found_or_hidden', { entity: 'evidence', id: evidenceId });
      throw error;
    }
    if (evidence.verification === 'rejected') {
      throw new CodedException(HttpStatus.CONFLICT, 'evidence.rejected_not_citable', { id: evidenceId });
    }
    if (evidence.quarantined) {
      throw new CodedException(HttpStatus.CONFLICT, 'evidence.quarantined_not_citable', { id: evidenceId });
    }
    return { pages: evidence.pages };
  }

  private async checkCodes(dictionary: RepressionDictionary, field: string, codes: string[]): Promise<void> {
    const unknown = await this.dictionaries.unknownCodes(dictionary, codes);
    if (unknown.length) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.unknown_codes', { field, values: unknown, dictionary, dictionaryLabel: this.dictionaries.label(dictionary) });
    }
  }

  private async requirePerson(manager: EntityManager | DataSource, personId: string, lock = false): Promise<{ id: string; version: number; merged_into_id: string | null }> {
    const [person] = isUuid(personId)
      ? await manager.query(`SELECT id, version, merged_into_id FROM persons WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [personId])
      : [];
    if (!person) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'person', id: personId });
    return person;
  }
}

/** Filters of the registry-wide list of facts (GET /registry/facts). */
export interface FactListFilter {
  personId?: string;
  kind?: FactKind;
  episodeKind?: EpisodeKind;
  /** A year (1937) or an uncertain date ("autumn 1937", "1937-10"): facts whose date may lie on or after its start. */
  dateFrom?: number | string;
  /** Facts whose date may lie on or before its end ("1938": up to 31 December 1938). */
  dateTo?: number | string;
}

/** A bound of a date filter: a year or any uncertain date the registry reads; a 400 naming the filter otherwise. */
function factDateBound(value: number | string, field: 'dateFrom' | 'dateTo'): UncertainDate {
  const parsed = parseUncertainDate(String(value).trim());
  if (!parsed.ok) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.date', { field: `filter.${field}`, reason: parsed.error.code, message: parsed.error.message });
  return parsed.value;
}

/** The accepted birth year and birthplace are the person's own: search, filters and case routing read them there. */
async function syncAccepted(manager: EntityManager, personId: string, fact: { kind: string; date_text: string | null; place_id: string | null; place_text: string | null }): Promise<void> {
  if (fact.kind === FactKind.BirthYear) {
    await manager.query(`UPDATE persons SET birth_year = $2 WHERE id = $1`, [personId, fact.date_text]);
  } else if (fact.kind === FactKind.Birthplace) {
    // both from the accepted fact: a place as text only must not leave the former fact's place routing cases
    await manager.query(`UPDATE persons SET birthplace = $2, birthplace_place_id = $3 WHERE id = $1`, [
      personId, fact.place_text, fact.place_id,
    ]);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sourceInputOf(row: any): FactSourceInput {
  if (row.source_kind === FactSourceKind.Archival) return { kind: FactSourceKind.Archival, reference: row.reference_text };
  if (row.source_kind === FactSourceKind.Book) return { kind: FactSourceKind.Book, bookTitle: row.book_title, bookVolume: row.book_volume ?? undefined, bookPage: row.book_page };
  return { kind: FactSourceKind.Evidence, evidenceId: row.evidence_id, pageFrom: row.page_from, pageTo: row.page_to };
}

/** The fields of `a` that differ from `b`, for the audit diff. */
function changedOf(a: FactView, b: FactView): Record<string, unknown> {
  const fields = ['value', 'date', 'place', 'placeText', 'relatedPersonId', 'sentencingBody', 'articles', 'sentenceKind', 'sentenceTerm', 'camp', 'source', 'note'] as const;
  return Object.fromEntries(fields.filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field])).map((field) => [field, a[field]]));
}

/** Facts that compete for acceptance share a key: the kind; an episode's kind; each relative and event stands alone. */
function acceptKey(input: FactInput, id: string): string {
  if (input.kind === FactKind.Episode) return `episode:${input.episodeKind}`;
  if (multiValuedFactKinds.includes(input.kind)) return `${input.kind}:${id}`;
  return input.kind;
}

function trimmed(text: string | undefined | null): string | null {
  const value = text?.trim();
  return value ? value : null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toView(row: any): FactView {
  const source: FactView['source'] =
    row.source_kind === FactSourceKind.Archival
      ? { kind: FactSourceKind.Archival, reference: { archive: row.archive, fond: row.fond, opis: row.opis, delo: row.delo, sheets: row.sheets ?? [], text: row.reference_text } }
      : row.source_kind === FactSourceKind.Book
        ? { kind: FactSourceKind.Book, book: { title: row.book_title, volume: row.book_volume, page: row.book_page } }
        : { kind: FactSourceKind.Evidence, evidence: { evidenceId: row.evidence_id, pageFrom: row.page_from, pageTo: row.page_to } };
  return {
    id: row.id,
    personId: row.person_id,
    recordedForId: row.recorded_for_id,
    kind: row.kind,
    episodeKind: row.episode_kind,
    value: row.value,
    date: row.date_text ? { text: row.date_text, earliest: row.date_earliest, latest: row.date_latest, precision: row.date_precision } : null,
    place: row.place,
    placeText: row.place_text,
    relatedPersonId: row.related_person_id,
    sentencingBody: row.sentencing_body,
    articles: row.articles,
    sentenceKind: row.sentence_kind,
    sentenceTerm: row.sentence_term,
    camp: row.camp,
    source,
    note: row.note,
    accepted: row.accepted,
    acceptedBy: row.accepted_by,
    acceptedAt: row.accepted_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    version: row.version,
  };
}
