import { useCallback, useEffect, useState } from 'react';
import { useLocaleState } from 'react-admin';
import { apiJson } from './api';

/** A GET of a route that is not a resource, reloaded on demand (after an action changed it). */
export function useApi<T>(path: string | null) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    setLoading(true);
    apiJson<T>(path)
      .then((answer) => {
        if (!current) return;
        setData(answer);
        setError(undefined);
      })
      .catch((failure: unknown) => {
        if (current) setError(failure instanceof Error ? failure : new Error(String(failure)));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [path, generation]);

  return { data, error, loading, reload };
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
  const { data, loading } = useApi<DictionaryEntry[]>(`/dictionaries/${name}`);
  const choices = (data ?? []).map((entry) => ({ id: entry.code, name: `${localName(entry, locale)} (${entry.code})` }));
  return { choices, loading };
}
