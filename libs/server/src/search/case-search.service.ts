import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CaseSearchHit, CaseSearchSource, type SessionUser } from '@aqtalu/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, caseScopeCondition } from '../cases/case-scope.js';
import { CodedException } from '../errors/coded.exception.js';

/** Where the matched words of a snippet start and end (control characters: no markup comes from the server). */
export const snippetMarks = { start: '\u0002', stop: '\u0003' } as const;
const headline = `'StartSel=${snippetMarks.start}, StopSel=${snippetMarks.stop}, MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" … "'`;

/** Each searched text: its table, the text column, how it reaches its case, and what names it. */
const sources: Record<CaseSearchSource, { from: string; text: string; id: string; title: string; personId: string }> = {
  [CaseSearchSource.Evidence]: {
    from: `evidence x JOIN cases c ON c.id = x.case_id`,
    text: 'x.text_content', id: 'x.id', title: 'x.original_name', personId: 'NULL::uuid',
  },
  [CaseSearchSource.Summary]: { from: `cases x JOIN cases c ON c.id = x.id`, text: 'x.summary', id: 'x.id', title: 'NULL::text', personId: 'NULL::uuid' },
  [CaseSearchSource.Conclusion]: {
    from: `conclusions x JOIN cases c ON c.id = x.case_id`, text: 'x.reasoning', id: 'x.id', title: 'NULL::text', personId: 'NULL::uuid',
  },
  // a fact's note is found through every case the person is a subject of (the case the caller may see)
  [CaseSearchSource.FactNote]: {
    from: `person_facts x JOIN persons p ON p.id = x.person_id JOIN case_subjects cs ON cs.person_id = x.person_id JOIN cases c ON c.id = cs.case_id`,
    text: 'x.note', id: 'x.id', title: 'coalesce(p.name_kk, p.name_ru)', personId: 'x.person_id',
  },
};

/**
 * Full-text search across the cases the caller may see: documents' text and OCR, case summaries, conclusions
 * and facts' notes; Russian stems and Kazakh words folded (migration CaseFullTextSearch), ranked, with snippets.
 * Every source is joined to its case under the caller's case scope (case-scope.ts); each search is audited.
 */
@Injectable()
export class CaseSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async search(user: SessionUser, q: string, page: { offset: number; limit: number; sources?: CaseSearchSource[] }): Promise<{ rows: CaseSearchHit[]; more: boolean }> {
    const text = q.trim();
    if (text.length < 2 || text.length > 200) throw new CodedException(HttpStatus.BAD_REQUEST, 'search.query_length', { min: 2, max: 200 });
    const params: unknown[] = [text];
    const scope = caseScopeCondition(actorOf(user), params);
    const wanted = page.sources?.length ? page.sources : Object.values(CaseSearchSource);
    const parts = wanted.map((source) => {
      const { from, text: column, id, title, personId } = sources[source];
      return `SELECT '${source}' AS source, ${id} AS "recordId", c.id AS "caseId", c.number AS "caseNumber", r.code AS "regionCode",
                     ${title} AS title, ${personId} AS "personId",
                     ts_rank_cd(aqtalu_search_vector(${column}), q.query) AS rank,
                     ts_headline('pg_catalog.russian', ${column}, q.query, ${headline}) AS snippet
              FROM ${from} JOIN regions r ON r.id = c.region_id CROSS JOIN q
              WHERE ${column} IS NOT NULL AND aqtalu_search_vector(${column}) @@ q.query AND ${scope}`;
    });
    const rows: Array<Omit<CaseSearchHit, 'id'>> = await this.dataSource.query(
      `WITH q AS MATERIALIZED (SELECT aqtalu_search_query($1) AS query)
       SELECT * FROM (${parts.join(' UNION ALL ')}) hits
       ORDER BY rank DESC, "caseNumber", "recordId" OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit + 1],
    );
    const hits = rows.slice(0, page.limit).map((row) => ({ id: `${row.source}:${row.recordId}:${row.caseId}`, ...row, rank: Number(row.rank) }));
    await this.audit.record({ action: 'case.search', details: { q: text.slice(0, 200), sources: wanted, offset: page.offset, returned: hits.length } });
    return { rows: hits, more: rows.length > page.limit };
  }
}
