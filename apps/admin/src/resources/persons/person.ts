/** A hit of `GET /api/registry/persons?filter={"q":…}`: ranked, with the spelling that matched and why. */
export interface PersonHit {
  id: string;
  personId: string;
  score: number;
  matchedVariant: string;
  /** In English; `reasonCodes` (one per reason) says them in the screen's language. */
  reasons: string[];
  reasonCodes?: Array<{ code: string; params: Record<string, unknown> } | null>;
  nameKk: string | null;
  nameRu: string | null;
  birthYear: string | null;
}

export interface NameVariant {
  id: string;
  fullName: string;
  script: 'kk-cyrl' | 'ru-cyrl' | 'latin' | 'other';
  source: string | null;
  recordedForId: string | null;
  createdAt: string;
}

/** `GET /api/registry/persons/:id`. */
export interface PersonRecord {
  id: string;
  nameKk: string | null;
  nameRu: string | null;
  birthYear: string | null;
  birthplace: string | null;
  mergedIntoId: string | null;
  rehabilitatedOn: string | null;
  version: number;
  variants: NameVariant[];
}

export const scripts = ['kk-cyrl', 'ru-cyrl', 'latin', 'other'] as const;

/** The sources the spellings were recorded from, each once, in the order first seen. */
export const sourcesOf = (variants: readonly NameVariant[]) => [...new Set(variants.map((variant) => variant.source?.trim()).filter((source): source is string => Boolean(source)))];

/** The create form's values as `POST /api/registry/persons` wants them: one spelling to start with. */
export function toCreatePersonRequest(values: { fullName?: string; script?: string; source?: string; birthYear?: string; birthplace?: string }) {
  const text = (value?: string) => (value ?? '').trim();
  return {
    names: [{ fullName: text(values.fullName), ...(values.script ? { script: values.script } : {}), ...(text(values.source) ? { source: text(values.source) } : {}) }],
    ...(text(values.birthYear) ? { birthYear: text(values.birthYear) } : {}),
    ...(text(values.birthplace) ? { birthplace: text(values.birthplace) } : {}),
  };
}
