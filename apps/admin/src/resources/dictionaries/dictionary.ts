import { RepressionDictionary } from '@aqtalu/contracts';
import type { RaRecord } from 'react-admin';

/** An entry of a repression dictionary as the API gives it: the code is its id and never changes. */
export interface DictionaryEntry extends RaRecord {
  id: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  criminalCode?: string;
  article?: string;
  latitude?: number | null;
  longitude?: number | null;
  openedYear?: number | null;
  closedYear?: number | null;
  version: number;
  updatedAt: string;
}

/** Fields beyond the three names, each belonging to one dictionary (the API refuses them elsewhere). */
export type DictionaryExtra = 'criminalCode' | 'article' | 'latitude' | 'longitude' | 'openedYear' | 'closedYear';

export const dictionaryExtras: Readonly<Record<RepressionDictionary, readonly DictionaryExtra[]>> = {
  [RepressionDictionary.SentencingBodies]: [],
  [RepressionDictionary.CriminalArticles]: ['criminalCode', 'article'],
  [RepressionDictionary.SentenceKinds]: [],
  [RepressionDictionary.Camps]: ['latitude', 'longitude', 'openedYear', 'closedYear'],
};

/** The react-admin resources are named like the dictionaries; the API serves them under /dictionaries/. */
export const dictionaryResources: readonly string[] = Object.values(RepressionDictionary);

export const isDictionaryResource = (resource: string): resource is RepressionDictionary => dictionaryResources.includes(resource);

/** The same rule as the API's: 2–48 lower-case letters, digits, _ or -, starting with a letter or digit. */
export const dictionaryCodePattern = /^[a-z0-9][a-z0-9_-]{1,47}$/;

/** A camp's coordinates go together (the API refuses one without the other): a change to either sends both. */
export function withPairedCoordinates(changes: Record<string, unknown>, record: Record<string, unknown>): Record<string, unknown> {
  if (!('latitude' in changes) && !('longitude' in changes)) return changes;
  return { ...changes, latitude: record.latitude ?? null, longitude: record.longitude ?? null };
}
