import type { SessionUser } from '@aqtalu/contracts';
import { actorOf, caseScopeCondition } from '../cases/case-scope.js';
import type { FactView } from '../registry/person-fact.service.js';
import { personSortColumns } from '../registry/registry.service.js';
import type { ExportQuery } from './export.service.js';
import type { ExportColumn } from './spreadsheet-cell.js';

/**
 * The lists that have no paged list of their own in a service (decisions, votes, the whole registry), as one
 * statement each. Case-bound rows carry the caller's case scope (case-scope.ts), the same rule as every case list.
 */

export const caseExportColumns: readonly ExportColumn[] = [
  { key: 'number', header: 'number' }, { key: 'regionCode', header: 'region' }, { key: 'categoryCode', header: 'category' },
  { key: 'status', header: 'status' }, { key: 'subjects', header: 'subjects' }, { key: 'applicantKind', header: 'applicant_kind' },
  { key: 'applicantName', header: 'applicant' }, { key: 'summary', header: 'summary' }, { key: 'isGroup', header: 'group' },
  { key: 'createdAt', header: 'created_at' }, { key: 'updatedAt', header: 'updated_at' }, { key: 'id', header: 'id' },
];

export const archiveRequestExportColumns: readonly ExportColumn[] = [
  { key: 'caseNumber', header: 'case' }, { key: 'caseRegionCode', header: 'region' }, { key: 'archiveCode', header: 'archive' },
  { key: 'subjects', header: 'subjects' }, { key: 'sought', header: 'sought' }, { key: 'status', header: 'status' },
  { key: 'sentOn', header: 'sent_on' }, { key: 'dueDate', header: 'due_date' }, { key: 'overdueSince', header: 'overdue_since' },
  { key: 'answeredAt', header: 'answered_at' }, { key: 'answerNote', header: 'answer_note' }, { key: 'id', header: 'id' },
];

export const decisionExportColumns: readonly ExportColumn[] = [
  { key: 'number', header: 'number' }, { key: 'caseNumber', header: 'case' }, { key: 'regionCode', header: 'region' },
  { key: 'categoryCode', header: 'category' }, { key: 'outcome', header: 'outcome' }, { key: 'subjects', header: 'subjects' },
  { key: 'sessionNumber', header: 'session' }, { key: 'sessionDate', header: 'session_date' }, { key: 'reasons', header: 'reasons' },
  { key: 'decidedAt', header: 'decided_at' }, { key: 'id', header: 'id' },
];

export const voteExportColumns: readonly ExportColumn[] = [
  { key: 'sessionNumber', header: 'session' }, { key: 'sessionDate', header: 'session_date' }, { key: 'place', header: 'place' },
  { key: 'position', header: 'agenda_position' }, { key: 'caseNumber', header: 'case' }, { key: 'regionCode', header: 'region' },
  { key: 'member', header: 'member' }, { key: 'choice', header: 'choice' }, { key: 'dissentingOpinion', header: 'dissenting_opinion' },
  { key: 'outcome', header: 'decision' },
];

export const personExportColumns: readonly ExportColumn[] = [
  { key: 'nameKk', header: 'name_kk' }, { key: 'nameRu', header: 'name_ru' }, { key: 'birthYear', header: 'birth_year' },
  { key: 'birthplace', header: 'birthplace' }, { key: 'rehabilitatedOn', header: 'rehabilitated_on' }, { key: 'score', header: 'score' },
  { key: 'id', header: 'id' },
];

export const factExportColumns: readonly ExportColumn[] = [
  { key: 'kind', header: 'kind' }, { key: 'episodeKind', header: 'episode' }, { key: 'value', header: 'value' }, { key: 'date', header: 'date' },
  { key: 'place', header: 'place' }, { key: 'sentencingBody', header: 'sentencing_body' }, { key: 'articles', header: 'articles' },
  { key: 'sentenceKind', header: 'sentence_kind' }, { key: 'camp', header: 'camp' }, { key: 'source', header: 'source' },
  { key: 'note', header: 'note' }, { key: 'accepted', header: 'accepted' }, { key: 'id', header: 'id' },
];

/** Decisions on the cases the caller may see. Filters: outcome, regionCode, sessionId. */
export function decisionExportQuery(user: SessionUser, filter: { outcome?: string; regionCode?: string; sessionId?: string }, order: 'ASC' | 'DESC'): ExportQuery {
  const params: unknown[] = [];
  const where = [caseScopeCondition(actorOf(user), params)];
  if (filter.outcome) where.push(`d.outcome = $${params.push(filter.outcome)}`);
  if (filter.regionCode) where.push(`r.code = $${params.push(filter.regionCode)}`);
  if (filter.sessionId) where.push(`s.id = $${params.push(filter.sessionId)}::uuid`);
  return {
    sql: `SELECT d.id, d.number, c.number AS "caseNumber", r.code AS "regionCode", c.category_code AS "categoryCode", d.outcome, d.reasons,
                 s.number AS "sessionNumber", to_char(s.session_date, 'YYYY-MM-DD') AS "sessionDate", d.decided_at AS "decidedAt",
                 coalesce((SELECT string_agg(coalesce(p.name_kk, p.name_ru), '; ' ORDER BY cs.position)
                           FROM case_subjects cs JOIN persons p ON p.id = cs.person_id WHERE cs.case_id = c.id), '') AS subjects
          FROM decisions d JOIN cases c ON c.id = d.case_id JOIN regions r ON r.id = c.region_id
          JOIN agenda_items ai ON ai.id = d.agenda_item_id JOIN commission_sessions s ON s.id = ai.session_id
          WHERE ${where.join(' AND ')}
          ORDER BY s.session_date ${order === 'ASC' ? 'ASC' : 'DESC'}, d.number, d.id`,
    params,
  };
}

/** Commission sessions with each vote cast on a case the caller may see. Filter: sessionId. */
export function voteExportQuery(user: SessionUser, filter: { sessionId?: string }, order: 'ASC' | 'DESC'): ExportQuery {
  const params: unknown[] = [];
  const where = [caseScopeCondition(actorOf(user), params)];
  if (filter.sessionId) where.push(`s.id = $${params.push(filter.sessionId)}::uuid`);
  return {
    sql: `SELECT s.number AS "sessionNumber", to_char(s.session_date, 'YYYY-MM-DD') AS "sessionDate", s.place, ai.position,
                 c.number AS "caseNumber", r.code AS "regionCode", u.display_name AS member, v.choice, v.dissenting_opinion AS "dissentingOpinion",
                 (SELECT d.outcome FROM decisions d WHERE d.agenda_item_id = ai.id LIMIT 1) AS outcome
          FROM commission_sessions s JOIN agenda_items ai ON ai.session_id = s.id JOIN cases c ON c.id = ai.case_id
          JOIN regions r ON r.id = c.region_id JOIN votes v ON v.agenda_item_id = ai.id JOIN users u ON u.id = v.member_id
          WHERE ${where.join(' AND ')}
          ORDER BY s.session_date ${order === 'ASC' ? 'ASC' : 'DESC'}, s.number, ai.position, u.display_name, v.id`,
    params,
  };
}

/** The registry (records not merged into another), in the list's order: what the registry's list shows without a name. */
export function personExportQuery(sort: keyof typeof personSortColumns, order: 'ASC' | 'DESC'): ExportQuery {
  return {
    sql: `SELECT p.id, p.name_kk AS "nameKk", p.name_ru AS "nameRu", p.birth_year AS "birthYear", p.birthplace,
                 to_char(p.rehabilitated_on, 'YYYY-MM-DD') AS "rehabilitatedOn"
          FROM persons p WHERE p.merged_into_id IS NULL
          ORDER BY ${personSortColumns[sort]} ${order === 'DESC' ? 'DESC' : 'ASC'} NULLS LAST, p.id`,
    params: [],
  };
}

/** A fact of the registry as one row of a sheet (its source written as the reference reads). */
export function factExportRow(fact: FactView): Record<string, unknown> {
  const source =
    fact.source.kind === 'archival'
      ? fact.source.reference.text
      : fact.source.kind === 'book'
        ? `${fact.source.book.title}${fact.source.book.volume ? `, ${fact.source.book.volume}` : ''}, p. ${fact.source.book.page}`
        : `evidence ${fact.source.evidence.evidenceId}, pp. ${fact.source.evidence.pageFrom}–${fact.source.evidence.pageTo}`;
  return {
    id: fact.id, kind: fact.kind, episodeKind: fact.episodeKind, value: fact.value, date: fact.date?.text ?? null,
    place: fact.place?.nameRu ?? fact.placeText, sentencingBody: fact.sentencingBody?.code ?? null,
    articles: fact.articles.map((article) => article.article), sentenceKind: fact.sentenceKind?.code ?? null, camp: fact.camp?.code ?? null,
    source, note: fact.note, accepted: fact.accepted,
  };
}
