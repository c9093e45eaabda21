import { CaseSearchSource } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { linkOfHit, snippetParts } from './searchHit';

describe('a search hit on screen', () => {
  it('marks the words the API marked, and nothing from the text itself', () => {
    expect(snippetParts('дело \u0002Жұмабаев\u0003 <b>ауыл</b> \u0002Ақмешіт\u0003')).toEqual([
      { text: 'дело ', match: false },
      { text: 'Жұмабаев', match: true },
      { text: ' <b>ауыл</b> ', match: false },
      { text: 'Ақмешіт', match: true },
    ]);
  });

  it('opens the document tab, the conclusion, the person of a fact, or the case', () => {
    const hit = { caseId: 'c1', personId: 'p1' };
    expect(linkOfHit({ ...hit, source: CaseSearchSource.Evidence })).toBe('/cases/c1/show/evidence');
    expect(linkOfHit({ ...hit, source: CaseSearchSource.Conclusion })).toBe('/cases/c1/show/conclusion');
    expect(linkOfHit({ ...hit, source: CaseSearchSource.FactNote })).toBe('/persons/p1/show');
    expect(linkOfHit({ ...hit, source: CaseSearchSource.Summary })).toBe('/cases/c1/show');
  });
});
