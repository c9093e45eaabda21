import { PlaceKind, PlaceNameLanguage } from '@aqtalu/contracts';
import type { RaRecord } from 'react-admin';

export interface PlaceName {
  id: string;
  name: string;
  language: PlaceNameLanguage;
  validFrom: number | null;
  validTo: number | null;
}

export interface PlaceRecord extends RaRecord {
  id: string;
  code: string | null;
  kind: PlaceKind;
  regionCode: string | null;
  parentId: string | null;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  validFrom: number | null;
  validTo: number | null;
  latitude: number | null;
  longitude: number | null;
  version: number;
  names: PlaceName[];
  /** On search results: the name that matched best, and how well (0–1). */
  matchedName?: string;
  score?: number;
}

export const placeKinds: readonly PlaceKind[] = Object.values(PlaceKind);
export const placeNameLanguages: readonly PlaceNameLanguage[] = Object.values(PlaceNameLanguage);

export const placeKindChoices = placeKinds.map((kind) => ({ id: kind, name: `resources.places.kind.${kind}` }));
export const placeLanguageChoices = placeNameLanguages.map((language) => ({ id: language, name: `resources.places.language.${language}` }));

/**
 * The gazetteer search's filter: the API needs a name (`q`, any script), so with none typed the list stays
 * empty instead of asking; a region code is sent in capitals, a kind only when it is one the API knows.
 */
export function placeSearch(filter: Record<string, unknown>): { q: string; regionCode?: string; kind?: PlaceKind } | null {
  const q = typeof filter.q === 'string' ? filter.q.trim() : '';
  if (!q) return null;
  const region = typeof filter.regionCode === 'string' ? filter.regionCode.trim().toUpperCase() : '';
  const kind = placeKinds.find((known) => known === filter.kind);
  return { q, ...(region ? { regionCode: region } : {}), ...(kind ? { kind } : {}) };
}

export interface NameValues {
  name: string;
  language: string;
  validFrom?: number | null;
  validTo?: number | null;
}

/** The body POST /places/:id/names takes: the name trimmed, and the years only when given. */
export function placeNameBody(values: NameValues): { name: string; language: string; validFrom?: number; validTo?: number } {
  return {
    name: values.name.trim(),
    language: values.language,
    ...(values.validFrom != null ? { validFrom: Number(values.validFrom) } : {}),
    ...(values.validTo != null ? { validTo: Number(values.validTo) } : {}),
  };
}
