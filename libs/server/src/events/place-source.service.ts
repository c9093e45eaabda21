import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser, SourceView } from '@aqtalu/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CodedException } from '../errors/coded.exception.js';
import { PersonFactService } from '../registry/person-fact.service.js';
import { sourceColumnNames, sourceJson, sourceValues, sourceView } from './cited-source.js';
import type { EventSourceInput } from './event.service.js';

export type PlaceSourceView = SourceView & { id: string; placeId: string; note: string | null };

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/**
 * The sources a place of the gazetteer is known from, cited as facts cite them: above all for execution and
 * burial sites, whose location rests on testimony, acts of exhumation or published research.
 */
@Injectable()
export class PlaceSourceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: PersonFactService,
    private readonly audit: AuditService,
  ) {}

  async list(placeId: string): Promise<PlaceSourceView[]> {
    await this.requirePlace(placeId);
    const rows: Array<{ id: string; placeId: string; note: string | null; source: Parameters<typeof sourceView>[0] }> = await this.dataSource.query(
      `SELECT s.id, s.place_id AS "placeId", s.note, ${sourceJson('s')} AS source FROM place_sources s WHERE s.place_id = $1 ORDER BY s.created_at, s.id`,
      [placeId],
    );
    return rows.map((row) => ({ id: row.id, placeId: row.placeId, note: row.note, ...sourceView(row.source) }));
  }

  async add(user: SessionUser, placeId: string, input: EventSourceInput): Promise<PlaceSourceView[]> {
    await this.requirePlace(placeId);
    const values = sourceValues(input, await this.facts.validateSource(user, input));
    await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query(
        `INSERT INTO place_sources (place_id, note, created_by, ${sourceColumnNames.join(', ')}) VALUES ($1, $2, $3, ${values.map((_, i) => `$${i + 4}`).join(', ')}) RETURNING id`,
        [placeId, input.note?.trim() || null, user.id, ...values],
      );
      await this.audit.record({ action: 'place.add_source', entityType: 'place', entityId: placeId, after: { sourceId: created.id, kind: input.kind } }, manager);
    });
    return this.list(placeId);
  }

  private async requirePlace(placeId: string): Promise<void> {
    const [place] = isUuid(placeId) ? await this.dataSource.query(`SELECT id FROM places WHERE id = $1`, [placeId]) : [];
    if (!place) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'place', id: placeId });
  }
}
