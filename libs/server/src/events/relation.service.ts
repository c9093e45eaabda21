import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inverseRelation, sexOfRelative, type PersonRelationView, type RelationKind, type RelationViewKind, type SessionUser } from '@aqtalu/contracts';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CodedException } from '../errors/coded.exception.js';
import { PersonFactService, type FactSourceInput } from '../registry/person-fact.service.js';
import { sourceColumnNames, sourceJson, sourceValues, sourceView } from './cited-source.js';

export interface NewRelation {
  /** The other person: "the relative is the person's <kind>". */
  relativeId: string;
  kind: RelationKind;
  note?: string;
  source: FactSourceInput;
}

/** A related pair, the smaller id first (as `person_relation_pairs()` answers). */
export interface RelatedPair {
  personAId: string;
  personBId: string;
  kind: RelationKind;
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/**
 * The pairs among these persons that a relation links (family, co-defendants, the same list): such a pair is
 * two people, never one, so duplicate detection leaves it out. Reads the SQL function `person_relation_pairs()`,
 * which SQL may join directly: `NOT EXISTS (SELECT 1 FROM person_relation_pairs() r WHERE r.person_a_id = least(a, b)
 * AND r.person_b_id = greatest(a, b))`.
 */
export async function relatedPairs(manager: EntityManager | DataSource, personIds: string[]): Promise<RelatedPair[]> {
  if (personIds.length === 0) return [];
  return manager.query(
    `SELECT person_a_id AS "personAId", person_b_id AS "personBId", kind FROM person_relation_pairs()
     WHERE person_a_id = ANY($1::uuid[]) AND person_b_id = ANY($1::uuid[]) ORDER BY 1, 2, 3`,
    [personIds],
  );
}

/**
 * Typed relations between registry persons, each citing its source, stored once and shown from both sides:
 * if B is A's father, A's page shows B as father and B's shows A as son (or daughter, or child when no relation
 * tells A's sex).
 */
@Injectable()
export class RelationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: PersonFactService,
    private readonly audit: AuditService,
  ) {}

  async add(user: SessionUser, personId: string, input: NewRelation): Promise<PersonRelationView> {
    await this.requirePerson(personId, 'personId', HttpStatus.NOT_FOUND);
    if (input.relativeId === personId) throw new CodedException(HttpStatus.BAD_REQUEST, 'relation.self');
    await this.requirePerson(input.relativeId, 'relativeId', HttpStatus.BAD_REQUEST);
    const source = await this.facts.validateSource(user, input.source);
    const values = sourceValues(input.source, source);
    let id: string;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        const [created] = await manager.query(
          `INSERT INTO person_relations (person_id, relative_id, kind, note, created_by, ${sourceColumnNames.join(', ')})
           VALUES ($1, $2, $3, $4, $5, ${values.map((_, i) => `$${i + 6}`).join(', ')}) RETURNING id`,
          [personId, input.relativeId, input.kind, input.note?.trim() || null, user.id, ...values],
        );
        await this.audit.record(
          { action: 'person.add_relation', entityType: 'person', entityId: personId, before: null, after: { relationId: created.id, relativeId: input.relativeId, kind: input.kind, source: input.source.kind } },
          manager,
        );
        return created.id as string;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'uq_person_relations_pair') {
        throw new CodedException(HttpStatus.CONFLICT, 'relation.exists', { personId, relativeId: input.relativeId });
      }
      throw error;
    }
    return (await this.rows(personId, id))[0]!;
  }

  /** The person's relations from both sides. Audited (relatives are personal data). */
  async list(personId: string): Promise<PersonRelationView[]> {
    await this.requirePerson(personId, 'personId', HttpStatus.NOT_FOUND);
    const rows = await this.rows(personId);
    await this.audit.record({ action: 'person.read_relations', entityType: 'person', entityId: personId, details: { returned: rows.length } });
    return rows;
  }

  async remove(user: SessionUser, personId: string, relationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [removed] = isUuid(relationId)
        ? ((await manager.query(
            `DELETE FROM person_relations WHERE id = $1 AND (person_id = $2 OR relative_id = $2) RETURNING person_id, relative_id, kind`,
            [relationId, personId],
          )) as [Array<{ person_id: string; relative_id: string; kind: string }>, number])
        : [[]];
      const row = removed[0];
      if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'relation', id: relationId });
      await this.audit.record(
        { action: 'person.remove_relation', entityType: 'person', entityId: row.person_id, before: { relationId, relativeId: row.relative_id, kind: row.kind }, after: null, details: { by: user.id } },
        manager,
      );
    });
  }

  private async rows(personId: string, relationId?: string): Promise<PersonRelationView[]> {
    // the sex of the other person, where any relation tells it (a father is a man), turns "child" into "son"
    const rows: Array<{ id: string; otherId: string; nameKk: string | null; nameRu: string | null; kind: RelationKind; stored: boolean; note: string | null; otherSexKind: RelationKind | null; source: Parameters<typeof sourceView>[0] }> =
      await this.dataSource.query(
        `SELECT r.id, CASE WHEN r.person_id = $1 THEN r.relative_id ELSE r.person_id END AS "otherId", o.name_kk AS "nameKk", o.name_ru AS "nameRu",
                r.kind, r.person_id = $1 AS stored, r.note, ${sourceJson('r')} AS source,
                (SELECT g.kind FROM person_relations g WHERE g.relative_id = o.id AND g.kind IN ('father', 'mother', 'son', 'daughter', 'brother', 'sister') LIMIT 1) AS "otherSexKind"
         FROM person_relations r JOIN persons o ON o.id = CASE WHEN r.person_id = $1 THEN r.relative_id ELSE r.person_id END
         WHERE (r.person_id = $1 OR r.relative_id = $1) AND ($2::uuid IS NULL OR r.id = $2)
         ORDER BY r.created_at, r.id`,
        [personId, relationId ?? null],
      );
    return rows.map((row) => ({
      id: row.id,
      personId: row.otherId,
      nameKk: row.nameKk,
      nameRu: row.nameRu,
      kind: row.stored ? (row.kind as string as RelationViewKind) : inverseRelation(row.kind, row.otherSexKind ? sexOfRelative(row.otherSexKind) : null),
      stored: row.stored,
      source: sourceView(row.source),
      note: row.note,
    }));
  }

  private async requirePerson(id: string, field: string, status: HttpStatus.NOT_FOUND | HttpStatus.BAD_REQUEST): Promise<void> {
    const [person] = isUuid(id) ? await this.dataSource.query(`SELECT id FROM persons WHERE id = $1`, [id]) : [];
    if (person) return;
    if (status === HttpStatus.NOT_FOUND) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'person', id });
    throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.unknown_person', { field, id });
  }
}
