import { describe, expect, it } from 'vitest';
import { trigramSimilarity, trigrams } from './trigram.js';

describe('trigram similarity', () => {
  it('pads words the way pg_trgm does', () => {
    expect([...trigrams('cat')]).toEqual(['  c', ' ca', 'cat', 'at ']);
  });
  it("agrees with pg_trgm's similarity('word', 'words') = 4/7", () => {
    expect(trigramSimilarity('word', 'words')).toBeCloseTo(4 / 7, 6);
  });
  it('is 1 for the same text and 0 when nothing is shared or a side is empty', () => {
    expect(trigramSimilarity('bokeihan', 'bokeihan')).toBe(1);
    expect(trigramSimilarity('abc', 'xyz')).toBe(0);
    expect(trigramSimilarity('', 'abc')).toBe(0);
  });
});
