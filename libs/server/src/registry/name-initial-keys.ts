/**
 * The keys of `name_initial_keys` (migration NameInitialKeys1796192000000, SQL function `name_initial_keys_of`):
 * every word of a spelling that has initials, with those initials, `word|initials` ("abai|a.o."), compared in
 * C collation. The search (registry-search.ts) and the duplicate detection (duplicate-detection.service.ts) read
 * them by the ranges below; name-initial-keys.int-spec.ts holds the SQL function and the SQL ranges to these.
 */

/** Keys from `from` (included) to `to` (excluded), in C collation. */
export interface KeyRange {
  from: string;
  to: string;
}

/** Sorts right after a key (below every character a key has) and after every key of a prefix (above them). */
const afterKey = '\u0001';
const afterPrefix = '~';

export const initialKey = (word: string, initials: string): string => `${word}|${initials}`;

/** A spelling's keys: each of its words with its initials; none without initials. */
export function initialKeysOf(skeleton: string, initials: string): string[] {
  if (!skeleton || !initials) return [];
  return [...new Set(skeleton.split(' ').map((word) => initialKey(word, initials)))];
}

const exactRange = (key: string): KeyRange => ({ from: key, to: `${key}${afterKey}` });
const prefixRange = (prefix: string): KeyRange => ({ from: prefix, to: `${prefix}${afterPrefix}` });

/**
 * The spellings of `word` whose initials agree with `initials` ("a." or "a.o."): with two or more, the spellings
 * with the same initials and those with the given initial only; with one, every spelling whose initials start
 * with it.
 */
export function agreeingInitialRanges(word: string, initials: string): KeyRange[] {
  const parts = initials.split('.').filter(Boolean);
  if (parts.length === 0) return [];
  const given = initialKey(word, `${parts[0]}.`);
  return parts.length >= 2 ? [exactRange(given), exactRange(initialKey(word, initials))] : [prefixRange(given)];
}

/**
 * `agreeingInitialRanges` in SQL, over SQL expressions of a word and its initials: a `VALUES` list of rows
 * (low, high). With one initial it lists the exact key besides its prefix, which the prefix covers.
 */
export function agreeingInitialRangesSql(word: string, initials: string): string {
  const key = (suffix: string) => `${word} || '|' || ${suffix}`;
  const given = `split_part(${initials}, '.', 1) || '.'`;
  const oneInitial = `${initials} ~ '^[^.]+\\.$'`;
  return `(VALUES (${key(initials)}, ${key(initials)} || chr(1)),
            (${key(given)}, ${key(given)} || CASE WHEN ${oneInitial} THEN '${afterPrefix}' ELSE chr(1) END))`;
}
