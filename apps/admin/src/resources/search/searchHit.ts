import type { CaseSearchHit } from '@aqtalu/contracts';

/** The page a hit opens: the document's tab of its case, the conclusion's tab, the person of a fact, or the case. */
export function linkOfHit(hit: Pick<CaseSearchHit, 'source' | 'caseId' | 'personId'>): string {
  switch (hit.source) {
    case 'evidence':
      return `/cases/${hit.caseId}/show/evidence`;
    case 'conclusion':
      return `/cases/${hit.caseId}/show/conclusion`;
    case 'fact_note':
      return hit.personId ? `/persons/${hit.personId}/show` : `/cases/${hit.caseId}/show`;
    default:
      return `/cases/${hit.caseId}/show`;
  }
}

/** A snippet cut at the API's marks (\u0002 before a matched word, \u0003 after it). */
export function snippetParts(snippet: string): Array<{ text: string; match: boolean }> {
  const parts: Array<{ text: string; match: boolean }> = [];
  for (const [index, piece] of snippet.replaceAll('\u0003', '\u0002').split('\u0002').entries()) {
    if (piece) parts.push({ text: piece, match: index % 2 === 1 });
  }
  return parts;
}
