import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EventKind,
  EventRole,
  regionScopedRoles,
  RepressionDictionary,
  type EventListRow,
  type EventPeopleView,
  type EventParticipantView,
  type EventView,
  type PersonEventView,
  type SessionUser,
} from '@aqtalu/contracts';
import { parseUncertainDate, type UncertainDate } from '@aqtalu/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { StaleVersionException } from '../database/stale-version.exception.js';
import { CodedException } from '../errors/coded.exception.js';
import { PersonFactService, type FactSourceInput } from '../registry/person-fact.service.js';
import { PlaceService } from '../registry/place.service.js';
import { RepressionDictionaryService } from '../registry/repression-dictionary.service.js';
import { sourceColumnNames, sourceJson, sourceValues, sourceView } from './cited-source.js';

export type EventSourceInput = FactSourceInput & { note?: string };

export interface NewEvent {
  kind: EventKind;
  nameKk?: string;
  nameRu?: string;
  nameEn?: string;
  /** An uncertain date in ru / kk / en wording: "1930–1931", "20.04.1932", "февраль 1938". */
  date?: string;
  description?: string;
  /** Places of the gazetteer, in order; a working group names at least one of its region. */
  placeIds?: string[];
  sources?: EventSourceInput[];
}

/** Changes to an event; a list given replaces the one stored. */
export type EventChanges = Partial<Omit<NewEvent, 'date'>> & { version: number; date?: string | null };

export interface NewParticipant {
  personId: string;
  role: EventRole;
  sentenceKindCode?: string;
  note?: string;
  source: FactSourceInput;
}

export const eventSortColumns = {
  id: 'e.id',
  kind: 'e.kind',
  nameKk: 'e.name_kk',
  nameRu: 'e.name_ru',
  nameEn: 'e.name_en',
  dateEarliest: 'e.date_earliest',
  updatedAt: 'e.updated_at',
} as const;

export interface EventListPage {
  sort: keyof typeof eventSortColumns;
  order: 'ASC' | 'DESC';
  offset: number;
  limit: number;
  filter: { ids?: string[]; q?: string; kind?: EventKind; regionCode?: string; yearFrom?: number; yearTo?: number; personId?: string };
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
const trimmed = (value: string | undefined | null) => value?.trim() ?? '';

/**
 * Events as records of their own (DESIGN.md §3a): kind, names, an uncertain date, places of the gazetteer,
 * sources, and the persons who took part with a role and a source. Everyone with events.read sees every event
 * (a historical record); writing is for the secretary and working groups, a working group's for events with a
 * place in its region. Every write is audited, and so is every read of an event's people.
 */
@Injectable()
export class EventService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: PersonFactService,
    private readonly dictionaries: RepressionDictionaryService,
    private readonly audit: AuditService,
  ) {}

  async create(user: SessionUser, input: NewEvent): Promise<EventView> {
    const checked = await this.check(user, input);
    const id = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query(
        `INSERT INTO events (kind, name_kk, name_ru, name_en, date_text, date_earliest, date_latest, date_precision, description, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [input.kind, trimmed(input.nameKk), trimmed(input.nameRu), trimmed(input.nameEn), checked.date?.text ?? null, checked.date?.earliest ?? null,
          checked.date?.latest ?? null, checked.date?.precision ?? null, trimmed(input.description), user.id],
      );
      await this.writePlaces(manager, created.id, input.placeIds ?? []);
      await this.writeSources(user, manager, created.id, input.sources ?? []);
      await this.audit.record(
        { action: 'event.create', entityType: 'event', entityId: created.id, before: null, after: { ...record(input), regionCodes: checked.regionCodes } },
        manager,
      );
      return created.id as string;
    });
    return this.get(id);
  }

  async update(user: SessionUser, id: string, changes: EventChanges): Promise<EventView> {
    const before = await this.get(id);
    await this.assertRegion(user, regionsOf(before));
    const merged: NewEvent = {
      kind: changes.kind ?? before.kind,
      nameKk: changes.nameKk ?? before.nameKk,
      nameRu: changes.nameRu ?? before.nameRu,
      nameEn: changes.nameEn ?? before.nameEn,
      date: changes.date === null ? undefined : (changes.date ?? before.date?.text),
      description: changes.description ?? before.description,
      placeIds: changes.placeIds ?? before.places.map((place) => place.id),
    };
    const checked = await this.check(user, merged);
    await this.dataSource.transaction(async (manager) => {
      const [locked] = await manager.query(`SELECT version FROM events WHERE id = $1 FOR UPDATE`, [id]);
      if (locked.version !== changes.version) throw new StaleVersionException({ entity: 'event', currentVersion: locked.version });
      await manager.query(
        `UPDATE events SET kind = $2, name_kk = $3, name_ru = $4, name_en = $5, date_text = $6, date_earliest = $7, date_latest = $8, date_precision = $9,
           description = $10, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, merged.kind, trimmed(merged.nameKk), trimmed(merged.nameRu), trimmed(merged.nameEn), checked.date?.text ?? null, checked.date?.earliest ?? null,
          checked.date?.latest ?? null, checked.date?.precision ?? null, trimmed(merged.description)],
      );
      if (changes.placeIds) {
        await manager.query(`DELETE FROM event_places WHERE event_id = $1`, [id]);
        await this.writePlaces(manager, id, changes.placeIds);
      }
      if (changes.sources) {
        await manager.query(`DELETE FROM event_sources WHERE event_id = $1`, [id]);
        await this.writeSources(user, manager, id, changes.sources);
      }
      await this.audit.record(
        { action: 'event.update', entityType: 'event', entityId: id, before: { ...record(before), date: before.date?.text ?? null, placeIds: before.places.map((p) => p.id), sources: before.sources.length }, after: record(merged) },
        manager,
      );
    });
    return this.get(id);
  }

  async get(id: string, manager: EntityManager | DataSource = this.dataSource): Promise<EventView> {
    const [row] = isUuid(id)
      ? await manager.query(
          `SELECT e.id, e.kind, e.name_kk AS "nameKk", e.name_ru AS "nameRu", e.name_en AS "nameEn", e.date_text, e.date_earliest::text AS date_earliest,
                  e.date_latest::text AS date_latest, e.date_precision, e.description, e.created_at AS "createdAt", e.updated_at AS "updatedAt", e.version,
                  coalesce((SELECT json_agg(json_build_object('id', p.id, 'nameKk', p.name_kk, 'nameRu', p.name_ru, 'nameEn', p.name_en, 'regionCode', r.code,
                                                              'latitude', p.latitude, 'longitude', p.longitude) ORDER BY ep.position)
                            FROM event_places ep JOIN places p ON p.id = ep.place_id LEFT JOIN regions r ON r.id = p.region_id WHERE ep.event_id = e.id), '[]') AS places,
                  coalesce((SELECT json_agg(${sourceJson('s')} || jsonb_build_object('id', s.id, 'note', s.note) ORDER BY s.position)
                            FROM event_sources s WHERE s.event_id = e.id), '[]') AS sources,
                  (SELECT count(*)::int FROM event_participants pa WHERE pa.event_id = e.id) AS "participantCount"
           FROM events e WHERE e.id = $1`,
          [id],
        )
      : [];
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'event', id });
    return {
      id: row.id,
      kind: row.kind,
      nameKk: row.nameKk,
      nameRu: row.nameRu,
      nameEn: row.nameEn,
      date: row.date_text ? { text: row.date_text, earliest: row.date_earliest, latest: row.date_latest, precision: row.date_precision } : null,
      description: row.description,
      places: row.places,
      sources: row.sources.map((source: Parameters<typeof sourceView>[0] & { id: string; note: string | null }) => ({ id: source.id, note: source.note, ...sourceView(source) })),
      participantCount: row.participantCount,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
    };
  }

  /** Events by kind, today's region of any of their places, years their dates may fall in, a name, or a participant. */
  async list(page: EventListPage): Promise<{ rows: EventListRow[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = ['true'];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    const f = page.filter;
    if (f.ids) add((p) => `e.id = ANY(${p}::uuid[])`, f.ids);
    if (f.kind) add((p) => `e.kind = ${p}`, f.kind);
    if (f.regionCode) {
      add((p) => `EXISTS (SELECT 1 FROM event_places fp JOIN places fpl ON fpl.id = fp.place_id JOIN regions fr ON fr.id = fpl.region_id WHERE fp.event_id = e.id AND fr.code = ${p})`, f.regionCode);
    }
    // an event whose interval may reach into the years asked for
    if (f.yearFrom !== undefined) add((p) => `e.date_latest >= make_date(${p}::int, 1, 1)`, f.yearFrom);
    if (f.yearTo !== undefined) add((p) => `e.date_earliest <= make_date(${p}::int, 12, 31)`, f.yearTo);
    if (f.personId) add((p) => `EXISTS (SELECT 1 FROM event_participants fpa WHERE fpa.event_id = e.id AND fpa.person_id = ${p})`, f.personId);
    if (f.q) {
      add((p) => `(e.name_kk ILIKE ${p} OR e.name_ru ILIKE ${p} OR e.name_en ILIKE ${p} OR e.description ILIKE ${p})`, `%${f.q.replace(/[%_\\]/g, '\\$&')}%`);
    }
    const rows: Array<EventListRow & { total: number }> = await this.dataSource.query(
      `SELECT e.id, e.kind, e.name_kk AS "nameKk", e.name_ru AS "nameRu", e.name_en AS "nameEn", e.date_text AS "dateText",
              e.date_earliest::text AS "dateEarliest", e.date_latest::text AS "dateLatest",
              ARRAY(SELECT DISTINCT r.code FROM event_places ep JOIN places pl ON pl.id = ep.place_id JOIN regions r ON r.id = pl.region_id
                    WHERE ep.event_id = e.id ORDER BY r.code) AS "regionCodes",
              (SELECT count(*)::int FROM event_participants pa WHERE pa.event_id = e.id) AS "participantCount",
              e.updated_at AS "updatedAt", count(*) OVER ()::int AS total
       FROM events e WHERE ${where.join(' AND ')}
       ORDER BY ${eventSortColumns[page.sort]} ${page.order === 'ASC' ? 'ASC' : 'DESC'} NULLS LAST, e.id
       OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    let total = rows[0]?.total;
    if (total === undefined) {
      [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM events e WHERE ${where.join(' AND ')}`, params);
    }
    return { rows: rows.map(({ total: _total, ...row }) => row), total: total! };
  }

  /** The event's people with their roles, sentences and sources, and counts by sentence, outcome and role. Audited (personal data). */
  async people(id: string): Promise<EventPeopleView> {
    await this.get(id);
    const participants = await this.participants(this.dataSource, id);
    await this.audit.record({ action: 'event.read_people', entityType: 'event', entityId: id, details: { returned: participants.length } });
    const count = (key: (p: EventParticipantView) => string) =>
      participants.reduce<Record<string, number>>((counts, p) => ({ ...counts, [key(p)]: (counts[key(p)] ?? 0) + 1 }), {});
    return {
      participants,
      bySentence: count((p) => p.sentenceKindCode ?? 'none'),
      byOutcome: count((p) => p.outcome ?? 'none'),
      byRole: count((p) => p.role),
    };
  }

  /** The distinct persons of an event, optionally of some roles only, in the order they were added. */
  async personIdsOf(manager: EntityManager, eventId: string, roles?: EventRole[]): Promise<string[]> {
    await this.get(eventId, manager);
    const rows: Array<{ person_id: string }> = await manager.query(
      `SELECT person_id FROM event_participants WHERE event_id = $1 AND ($2::text[] IS NULL OR role = ANY($2))
       GROUP BY person_id ORDER BY min(created_at), person_id`,
      [eventId, roles?.length ? roles : null],
    );
    return rows.map((row) => row.person_id);
  }

  async addParticipant(user: SessionUser, eventId: string, input: NewParticipant): Promise<EventParticipantView> {
    const event = await this.get(eventId);
    await this.assertRegion(user, regionsOf(event));
    const [person] = isUuid(input.personId) ? await this.dataSource.query(`SELECT id FROM persons WHERE id = $1`, [input.personId]) : [];
    if (!person) throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.unknown_person', { field: 'personId', id: input.personId });
    if (input.sentenceKindCode && (await this.dictionaries.unknownCodes(RepressionDictionary.SentenceKinds, [input.sentenceKindCode])).length) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.unknown_codes', {
        field: 'sentenceKindCode', values: [input.sentenceKindCode], dictionary: RepressionDictionary.SentenceKinds, dictionaryLabel: this.dictionaries.label(RepressionDictionary.SentenceKinds),
      });
    }
    const source = await this.facts.validateSource(user, input.source);
    const id = await this.dataSource.transaction(async (manager) => {
      const [exists] = await manager.query(`SELECT 1 FROM event_participants WHERE event_id = $1 AND person_id = $2 AND role = $3`, [eventId, input.personId, input.role]);
      if (exists) throw new CodedException(HttpStatus.CONFLICT, 'event.participant_exists', { personId: input.personId, role: input.role });
      const values = sourceValues(input.source, source);
      const [created] = await manager.query(
        `INSERT INTO event_participants (event_id, person_id, role, sentence_kind_code, note, created_by, ${sourceColumnNames.join(', ')})
         VALUES ($1, $2, $3, $4, $5, $6, ${values.map((_, i) => `$${i + 7}`).join(', ')}) RETURNING id`,
        [eventId, input.personId, input.role, input.sentenceKindCode ?? null, input.note?.trim() || null, user.id, ...values],
      );
      await manager.query(`UPDATE events SET version = version + 1, updated_at = now() WHERE id = $1`, [eventId]);
      await this.audit.record(
        { action: 'event.add_participant', entityType: 'event', entityId: eventId, before: null, after: { participantId: created.id, personId: input.personId, role: input.role, sentenceKindCode: input.sentenceKindCode ?? null, source: input.source.kind } },
        manager,
      );
      return created.id as string;
    });
    return (await this.participants(this.dataSource, eventId, id))[0]!;
  }

  async removeParticipant(user: SessionUser, eventId: string, participantId: string): Promise<void> {
    const event = await this.get(eventId);
    await this.assertRegion(user, regionsOf(event));
    await this.dataSource.transaction(async (manager) => {
      const removed = isUuid(participantId)
        ? await manager.query(`DELETE FROM event_participants WHERE id = $1 AND event_id = $2 RETURNING person_id, role`, [participantId, eventId])
        : [[]];
      const row = (removed[0] as Array<{ person_id: string; role: string }>)[0];
      if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'event_participant', id: participantId });
      await manager.query(`UPDATE events SET version = version + 1, updated_at = now() WHERE id = $1`, [eventId]);
      await this.audit.record({ action: 'event.remove_participant', entityType: 'event', entityId: eventId, before: { participantId, personId: row.person_id, role: row.role }, after: null }, manager);
    });
  }

  /** The events a person took part in, earliest first. Audited with the person's other reads. */
  async ofPerson(personId: string): Promise<PersonEventView[]> {
    const [person] = isUuid(personId) ? await this.dataSource.query(`SELECT id FROM persons WHERE id = $1`, [personId]) : [];
    if (!person) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'person', id: personId });
    const rows: PersonEventView[] = await this.dataSource.query(
      `SELECT pa.id, e.id AS "eventId", e.kind, e.name_kk AS "nameKk", e.name_ru AS "nameRu", e.name_en AS "nameEn", e.date_text AS "dateText", pa.role
       FROM event_participants pa JOIN events e ON e.id = pa.event_id WHERE pa.person_id = $1
       ORDER BY e.date_earliest NULLS LAST, e.id, pa.role`,
      [personId],
    );
    await this.audit.record({ action: 'person.read_events', entityType: 'person', entityId: personId, details: { returned: rows.length } });
    return rows;
  }

  private async participants(manager: EntityManager | DataSource, eventId: string, participantId?: string): Promise<EventParticipantView[]> {
    const rows = await manager.query(
      `SELECT pa.id, pa.event_id AS "eventId", pa.person_id AS "personId", p.name_kk AS "nameKk", p.name_ru AS "nameRu", p.birth_year AS "birthYear",
              pa.role, pa.sentence_kind_code AS "sentenceKindCode", pa.note, ${sourceJson('pa')} AS source,
              (SELECT s.outcome FROM case_subjects s JOIN cases c ON c.id = s.case_id WHERE s.person_id = pa.person_id AND s.outcome IS NOT NULL
               ORDER BY c.updated_at DESC LIMIT 1) AS outcome
       FROM event_participants pa JOIN persons p ON p.id = pa.person_id
       WHERE pa.event_id = $1 AND ($2::uuid IS NULL OR pa.id = $2)
       ORDER BY coalesce(p.name_kk, p.name_ru), pa.role, pa.id`,
      [eventId, participantId ?? null],
    );
    return rows.map((row: EventParticipantView & { source: Parameters<typeof sourceView>[0] }) => ({ ...row, source: sourceView(row.source) }));
  }

  private async check(user: SessionUser, input: NewEvent): Promise<{ date: UncertainDate | null; regionCodes: string[] }> {
    if (!trimmed(input.nameKk) && !trimmed(input.nameRu)) throw new CodedException(HttpStatus.BAD_REQUEST, 'event.name_required');
    let date: UncertainDate | null = null;
    if (input.date?.trim()) {
      const parsed = parseUncertainDate(input.date, { today: new Date().toISOString().slice(0, 10) });
      if (!parsed.ok) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.date', { field: 'date', reason: parsed.error.code, message: parsed.error.message });
      date = parsed.value;
    }
    const regionCodes: string[] = [];
    for (const placeId of input.placeIds ?? []) {
      const place = await PlaceService.requireExisting(this.dataSource, placeId, 'placeIds');
      if (place.regionCode && !regionCodes.includes(place.regionCode)) regionCodes.push(place.regionCode);
    }
    await this.assertRegion(user, regionCodes);
    for (const source of input.sources ?? []) await this.facts.validateSource(user, source);
    return { date, regionCodes };
  }

  /** A working group writes the events with a place in its region; the secretary any. */
  private async assertRegion(user: SessionUser, regionCodes: string[]): Promise<void> {
    if (!regionScopedRoles.includes(user.role)) return;
    if (user.regionCode && regionCodes.includes(user.regionCode)) return;
    throw new CodedException(HttpStatus.FORBIDDEN, 'event.region_not_yours', { userRegion: user.regionCode ?? '', regions: regionCodes });
  }

  private async writePlaces(manager: EntityManager, eventId: string, placeIds: string[]): Promise<void> {
    const unique = [...new Set(placeIds)];
    if (unique.length === 0) return;
    await manager.query(
      `INSERT INTO event_places (event_id, place_id, position) SELECT $1, place_id, position::int FROM unnest($2::uuid[]) WITH ORDINALITY AS t(place_id, position)`,
      [eventId, unique],
    );
  }

  private async writeSources(user: SessionUser, manager: EntityManager, eventId: string, sources: EventSourceInput[]): Promise<void> {
    for (const [position, source] of sources.entries()) {
      const values = sourceValues(source, await this.facts.validateSource(user, source));
      await manager.query(
        `INSERT INTO event_sources (event_id, position, note, ${sourceColumnNames.join(', ')}) VALUES ($1, $2, $3, ${values.map((_, i) => `$${i + 4}`).join(', ')})`,
        [eventId, position, source.note?.trim() || null, ...values],
      );
    }
  }
}

const regionsOf = (event: EventView) => [...new Set(event.places.map((place) => place.regionCode).filter((code): code is string => !!code))];

function record(event: Pick<NewEvent, 'kind' | 'nameKk' | 'nameRu' | 'nameEn' | 'description'> & { date?: unknown }): Record<string, unknown> {
  return { kind: event.kind, nameKk: event.nameKk ?? '', nameRu: event.nameRu ?? '', nameEn: event.nameEn ?? '', date: typeof event.date === 'string' ? event.date : null, description: event.description ?? '' };
}
