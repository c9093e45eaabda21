/**
 * The search keys stored beside every spelling (person_name_variants), computed the same way by every
 * write: a person added by hand, an import, the benchmark, and `npm run registry:reindex`.
 */
import { normaliseName } from './name-keys.js';

/**
 * The version of the folding (folding-table.ts, fold-name.ts, name-suffixes.ts, phonetic-code.ts) that
 * stored keys were computed with. Raise it with any change that changes keys, together with a migration
 * that sets the new number as the default of `person_name_variants.key_version` (the import's bulk insert
 * relies on the default); `npm run registry:reindex` then recomputes the keys of older spellings.
 *
 * 1: the first folding. 2: word-initial у/о (Усман = Оспан), 2017 Latin y' (у), BGN gh (ғ), the phonetic
 * code of every vocabulary word (name_word_code() in SQL).
 */
export const nameKeyVersion = 2;

export interface SpellingKeys {
  /** Stems of the full words, sorted, joined by spaces: the vocabulary and word-pair keys. */
  skeleton: string;
  /** One phonetic code per full word, in word order. */
  phoneticTokens: string[];
  /** Initials of the given name(s) then the patronymic ("a.n."), at most 64 characters. */
  initials: string;
  keyVersion: number;
}

export function spellingKeys(fullName: string): SpellingKeys {
  const keys = normaliseName(fullName);
  return {
    skeleton: keys.skeleton,
    phoneticTokens: keys.parts.filter((part) => !part.initial).map((part) => part.phonetic),
    initials: keys.initials.slice(0, 64),
    keyVersion: nameKeyVersion,
  };
}
