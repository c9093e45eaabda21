/**
 * A worker thread of the import (name-keys.pool.ts): the search keys of a chunk of names, computed off the
 * main thread, which meanwhile reads the file and feeds COPY. Piscina calls the default export.
 */
import { normaliseName } from '@aqtalu/domain';

/** skeleton, the phonetic tokens as a PostgreSQL array literal, initials (at most 64 characters). */
export type StoredNameKeys = [skeleton: string, phoneticTokens: string, initials: string];

/** The keys as the staging table stores them (registry_import_rows.skeleton, phonetic_tokens, initials). */
export function storedNameKeys(fullName: string): StoredNameKeys {
  const keys = normaliseName(fullName);
  const phonetic = keys.parts.filter((part) => !part.initial).map((part) => `"${part.phonetic.replace(/["\\]/g, '\\$&')}"`);
  return [keys.skeleton, `{${phonetic.join(',')}}`, keys.initials.slice(0, 64)];
}

export default function nameKeys(names: string[]): StoredNameKeys[] {
  return names.map(storedNameKeys);
}
