import type { AuditAction, AuditEntryResponse, CaseEventKind, HistoryEntry } from '@aqtalu/contracts';
import { auditSentencesEn, historyLinksEn, historySentencesEn } from './history.en';
import { auditSentencesKk, historyLinksKk, historySentencesKk } from './history.kk';
import { auditSentencesRu, historyLinksRu, historySentencesRu } from './history.ru';

type Locale = 'kk' | 'ru' | 'en';
type Translate = (key: string, options?: Record<string, unknown>) => string;
type Params = Record<string, unknown>;

export const auditSentences: Record<Locale, Record<AuditAction, string>> = { en: auditSentencesEn, ru: auditSentencesRu, kk: auditSentencesKk };
export const historySentences: Record<Locale, Record<CaseEventKind, string>> = { en: historySentencesEn, ru: historySentencesRu, kk: historySentencesKk };

export type HistoryLink = keyof typeof historyLinksEn;
const historyLinks: Record<Locale, typeof historyLinksEn> = { en: historyLinksEn, ru: historyLinksRu, kk: historyLinksKk };
/** The words of a link to what an entry is about. */
export const linkLabel = (link: HistoryLink, locale: string): string => historyLinks[localeOf(locale)][link];

const suffix: Record<Locale, string> = { kk: 'Kk', ru: 'Ru', en: 'En' };
const localeOf = (locale: string): Locale => (locale === 'kk' || locale === 'en' ? locale : 'ru');
const text = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));

/** A name the API sends in several languages (`personNameKk`, `personNameRu`…): the screen's first, then the others. */
export function localName(params: Params, prefix: string, locale: string): string | null {
  const order: Locale[] = localeOf(locale) === 'kk' ? ['kk', 'ru', 'en'] : localeOf(locale) === 'en' ? ['en', 'ru', 'kk'] : ['ru', 'kk', 'en'];
  for (const language of order) {
    const name = text(params[`${prefix}${suffix[language]}`]);
    if (name) return name;
  }
  return text(params[prefix]);
}

/** Fills `%{name}`; a param the entry lacks reads as a dash, never as the placeholder. */
export function fill(template: string, params: Params): string {
  return template.replace(/%\{(\w+)\}/g, (_whole, name: string) => text(params[name]) ?? '—');
}

/** The names an audit entry or a history entry is read with, in the screen's language. */
function names(params: Params, locale: string): Params {
  return {
    personName: localName(params, 'personName', locale),
    archiveName: localName(params, 'archiveName', locale) ?? text(params.archiveCode),
    placeName: localName(params, 'placeName', locale),
    fromRegion: localName(params, 'fromRegion', locale) ?? text(params.from),
    toRegion: localName(params, 'toRegion', locale) ?? text(params.to),
  };
}

/** One audit entry as a sentence: who did what to which case, person, user or document, by name. */
export function auditSentence(entry: Pick<AuditEntryResponse, 'action' | 'actorName' | 'actorEmail' | 'actorId' | 'entityType' | 'entityId' | 'params'>, locale: string, translate: Translate): string {
  const params: Params = { ...entry.params };
  const named = names(params, locale);
  const actor = entry.actorName ?? entry.actorEmail ?? (entry.actorId ? entry.actorId : translate('resources.audit-log.system'));
  const own = entry.entityType === 'case' ? 'caseNumber' : entry.entityType === 'person' ? 'personName' : entry.entityType === 'user' ? 'userName' : null;
  const entity =
    text(params.caseNumber) ??
    named.personName ??
    text(params.userName) ??
    text(params.sessionNumber) ??
    text(params.fileName) ??
    named.placeName ??
    text(params.certificateNumber) ??
    entry.entityId ??
    (entry.entityType ? translate(`aqtalu.code_values.entity.${entry.entityType}`, { _: entry.entityType }) : null);
  const values: Params = { ...params, ...named, actor, entity };
  // an entry about a record gone since still names it by its id
  if (own && !text(values[own])) values[own] = entry.entityId;
  const template = auditSentences[localeOf(locale)][entry.action as AuditAction] ?? auditSentencesEn[entry.action as AuditAction];
  return template ? fill(template, values) : `${actor}: ${entry.action}${entity ? ` — ${entity}` : ''}`;
}

/** One entry of a case's history as a sentence: names, not ids; the lifecycle's words, not its codes. */
export function historySentence(entry: Pick<HistoryEntry, 'kind' | 'actorName' | 'params'>, locale: string, translate: Translate): string {
  const params: Params = { ...entry.params };
  const word = (key: string, value: unknown) => (text(value) ? translate(key.replace('%s', String(value)), { _: String(value) }) : null);
  const values: Params = {
    ...params,
    ...names(params, locale),
    actor: entry.actorName ?? translate('resources.cases.timeline.system'),
    transition: word('resources.cases.transitions.names.%s', params.transition),
    from: word('resources.cases.status.%s', params.from),
    to: word('resources.cases.status.%s', params.to),
    recommendation: word('resources.cases.conclusion.recommendation_%s', params.recommendation),
  };
  if (entry.kind === 'region_changed') Object.assign(values, { from: values.fromRegion, to: values.toRegion });
  const template = historySentences[localeOf(locale)][entry.kind as CaseEventKind] ?? historySentencesEn[entry.kind as CaseEventKind];
  return template ? fill(template, values) : `${values.actor as string}: ${entry.kind}`;
}
