/**
 * Trigram similarity computed the way PostgreSQL's pg_trgm does (each word padded with two spaces in front
 * and one behind; similarity = shared trigrams / all distinct trigrams), so a score here agrees with
 * `similarity(skeleton, $1)` on the indexed column.
 */

export function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of text.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/**
 * The trigrams of the words a search or a duplicate sweep compares, kept: the same few thousand name words
 * are compared hundreds of thousands of times. Bounded; emptied when full.
 */
const known = new Map<string, Set<string>>();
const maxKnown = 50_000;

function trigramsOf(text: string): Set<string> {
  let grams = known.get(text);
  if (!grams) {
    if (known.size >= maxKnown) known.clear();
    grams = trigrams(text);
    known.set(text, grams);
  }
  return grams;
}

export function trigramSimilarity(a: string, b: string): number {
  const left = trigramsOf(a);
  const right = trigramsOf(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return shared / (left.size + right.size - shared);
}
