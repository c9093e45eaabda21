import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';
import { apiJson } from './api';

/**
 * A GET of a route that is not a resource, kept in react-admin's query cache: react-admin's refresh (after
 * any action, or the refresh button) asks again, so a panel never shows what was true before a change made
 * elsewhere on the screen. `reload` asks again on demand.
 */
export function useApi<T>(path: string | null, { staleTime = 0 }: { staleTime?: number } = {}) {
  const query = useQuery<T, Error>({
    queryKey: ['aqtalu.api', path],
    queryFn: () => apiJson<T>(path!),
    enabled: path !== null,
    // A 404 here often means "none yet" (no conclusion): ask once, not three times.
    retry: false,
    staleTime,
    refetchOnWindowFocus: false,
    // A new path (the record's next version) keeps showing the last answer until the new one arrives.
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { data: query.data, error: query.error ?? undefined, loading: path !== null && query.isPending, reload };
}

/** An entry of `/api/dictionaries/*`: named in the three languages. */
export interface DictionaryEntry {
  id: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string | null;
}

/** The name in the language of the screen, falling back to Russian, then to the code. */
export function localName(entry: Pick<DictionaryEntry, 'code' | 'nameKk' | 'nameRu' | 'nameEn'>, locale: string): string {
  const name = locale === 'kk' ? entry.nameKk : locale === 'en' ? entry.nameEn : entry.nameRu;
  return name || entry.nameRu || entry.code;
}

/** A dictionary as choices of a SelectInput: `{ id: code, name }` in the screen's language. */
export function useDictionaryChoices(name: 'regions' | 'archives' | 'victim-categories' | 'legal-articles') {
  const [locale] = useLocaleState();
  // Dictionaries change rarely: no new request each time a form opens (and no options re-rendered under the pointer).
  const { data, loading } = useApi<DictionaryEntry[]>(`/dictionaries/${name}`, { staleTime: 5 * 60_000 });
  // Names only: a code in parentheses ("(alash)", "(SPEC-MVD)") means nothing to the people who pick.
  const choices = (data ?? []).map((entry) => ({ id: entry.code, name: localName(entry, locale) }));
  return { choices, loading };
}
