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

/** A dictionary entry a fact refers to (sentencing body, sentence kind, camp, article). */
export interface FactDictionaryRef {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string | null;
}

/** One fact or repression episode of `GET /api/registry/persons/:id/facts`, as one source states it. */
export interface PersonFact {
  id: string;
  kind: string;
  episodeKind: string | null;
  value: string | null;
  date: { text: string; earliest: string; latest: string; precision: string } | null;
  place: { id: string; nameKk: string; nameRu: string; nameEn: string | null; regionCode: string | null } | null;
  placeText: string | null;
  sentencingBody: FactDictionaryRef | null;
  articles: Array<FactDictionaryRef & { criminalCode: string; article: string }>;
  sentenceKind: FactDictionaryRef | null;
  sentenceTerm: string | null;
  camp: FactDictionaryRef | null;
  source:
    | { kind: 'archival'; reference: { text: string } }
    | { kind: 'book'; book: { title: string; volume: string | null; page: number } }
    | { kind: 'evidence'; evidence: { evidenceId: string; pageFrom: number; pageTo: number } };
  note: string | null;
  accepted: boolean;
}

/** A case of `GET /api/registry/persons/:id/cases` (only those the reader may see). */
export interface PersonCase {
  id: string;
  number: string;
  status: string;
  regionCode: string;
  categoryCode: string;
  outcome: string | null;
}

/** Facts apart from episodes, each kind together (the accepted value first); episodes in the API's order (by date). */
export function splitFacts(facts: readonly PersonFact[]): { facts: PersonFact[]; episodes: PersonFact[] } {
  const others = facts.filter((fact) => fact.kind !== 'episode');
  const order = [...new Set(others.map((fact) => fact.kind))];
  return {
    facts: [...others].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || Number(b.accepted) - Number(a.accepted)),
    episodes: facts.filter((fact) => fact.kind === 'episode'),
  };
}

/** A translation key with its params: what a screen turns into words. */
export type Phrase = [key: string, params?: Record<string, string | number>];

/** Where a fact comes from, as a phrase (the archival reference is shown as written). */
export function sourcePhrase(source: PersonFact['source']): Phrase | string {
  if (source.kind === 'archival') return source.reference.text;
  if (source.kind === 'book') {
    const { title, volume, page } = source.book;
    return volume ? ['aqtalu.screens.person.book_volume', { title, volume, page }] : ['aqtalu.screens.person.book', { title, page }];
  }
  return ['aqtalu.screens.person.evidence_pages', { from: source.evidence.pageFrom, to: source.evidence.pageTo }];
}

/** What an episode says besides its kind, date and place: body, articles, sentence, term, camp, note. */
export function episodeDetails(fact: PersonFact, name: (entry: FactDictionaryRef) => string): Phrase[] {
  const details: Phrase[] = [];
  if (fact.sentencingBody) details.push(['aqtalu.screens.person.sentenced_by', { body: name(fact.sentencingBody) }]);
  if (fact.articles.length) details.push(['aqtalu.screens.person.articles', { articles: fact.articles.map((article) => `${article.criminalCode} ${article.article}`).join(', ') }]);
  if (fact.sentenceKind) details.push(['aqtalu.screens.person.sentence', { sentence: name(fact.sentenceKind) }]);
  if (fact.sentenceTerm) details.push(['aqtalu.screens.person.term', { term: fact.sentenceTerm }]);
  if (fact.camp) details.push(['aqtalu.screens.person.camp', { camp: name(fact.camp) }]);
  if (fact.note) details.push(['aqtalu.screens.person.note', { note: fact.note }]);
  return details;
}
