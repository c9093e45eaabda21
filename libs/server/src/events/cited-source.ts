import type { SourceView } from '@aqtalu/contracts';
import type { ArchivalReference } from '@aqtalu/domain';
import type { FactSourceInput } from '../registry/person-fact.service.js';

/** The columns of a cited source (CitedSourceColumns), in the order {@link sourceValues} gives them. */
export const sourceColumnNames = ['source_kind', 'archive', 'fond', 'opis', 'delo', 'sheets', 'reference_text', 'book_title', 'book_volume', 'book_page', 'evidence_id', 'page_from', 'page_to'] as const;

export interface CheckedSource {
  reference: ArchivalReference | null;
  pageFrom: number | null;
  pageTo: number | null;
}

const trimmed = (value: string | undefined | null) => value?.trim() || null;

/** The values of a checked source for {@link sourceColumnNames}. */
export function sourceValues(input: FactSourceInput, checked: CheckedSource): unknown[] {
  const r = checked.reference;
  return [
    input.kind, r?.archive ?? null, r?.fond ?? null, r?.opis ?? null, r?.delo ?? null, r ? JSON.stringify(r.sheets) : null, r?.text ?? null,
    trimmed(input.bookTitle), trimmed(input.bookVolume), input.bookPage ?? null, input.evidenceId ?? null, checked.pageFrom, checked.pageTo,
  ];
}

/** A JSON object of the source columns of `alias`, read back by {@link sourceView}. */
export const sourceJson = (alias: string) =>
  `jsonb_build_object('kind', ${alias}.source_kind, 'archive', ${alias}.archive, 'fond', ${alias}.fond, 'opis', ${alias}.opis, 'delo', ${alias}.delo,
    'referenceText', ${alias}.reference_text, 'bookTitle', ${alias}.book_title, 'bookVolume', ${alias}.book_volume, 'bookPage', ${alias}.book_page,
    'evidenceId', ${alias}.evidence_id, 'pageFrom', ${alias}.page_from, 'pageTo', ${alias}.page_to)`;

interface SourceRow {
  kind: SourceView['kind'];
  archive: string | null;
  fond: string | null;
  opis: string | null;
  delo: string | null;
  referenceText: string | null;
  bookTitle: string | null;
  bookVolume: string | null;
  bookPage: number | null;
  evidenceId: string | null;
  pageFrom: number | null;
  pageTo: number | null;
}

export function sourceView(row: SourceRow): SourceView {
  return {
    kind: row.kind,
    reference: row.kind === 'archival' ? { archive: row.archive, fond: row.fond ?? '', opis: row.opis ?? '', delo: row.delo ?? '', text: row.referenceText ?? '' } : null,
    book: row.kind === 'book' ? { title: row.bookTitle ?? '', volume: row.bookVolume, page: row.bookPage ?? 0 } : null,
    evidence: row.kind === 'evidence' ? { evidenceId: row.evidenceId ?? '', pageFrom: row.pageFrom ?? 0, pageTo: row.pageTo ?? 0 } : null,
  };
}
