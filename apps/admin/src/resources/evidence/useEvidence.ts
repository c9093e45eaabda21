import { useCallback, useEffect, useState } from 'react';
import { apiJson } from '../../providers/api';
import { type EvidenceRecord, stillChecking } from './evidence';

/** How often the checks of unfinished files are asked about again. */
export const pollIntervalMs = 3_000;

/**
 * The evidence of a case with the state of each check. The list has no checks, so each file is read once
 * with them; afterwards only the files whose checks are still pending or running are read again, every few
 * seconds, until all have finished: the screen follows the background checks without a reload.
 */
export function useEvidence(caseId: string | undefined, interval = pollIntervalMs) {
  const [items, setItems] = useState<EvidenceRecord[] | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    if (!caseId) return;
    let current = true;
    const query = new URLSearchParams({ range: JSON.stringify([0, 99]), sort: JSON.stringify(['createdAt', 'DESC']) });
    apiJson<EvidenceRecord[]>(`/cases/${caseId}/evidence?${query.toString()}`)
      .then((rows) => Promise.all(rows.map((row) => apiJson<EvidenceRecord>(`/evidence/${row.id}`).catch(() => row))))
      .then((rows) => {
        if (!current) return;
        setItems(rows);
        setError(undefined);
      })
      .catch((failure: unknown) => current && setError(failure instanceof Error ? failure : new Error(String(failure))));
    return () => {
      current = false;
    };
  }, [caseId, generation]);

  const checking = items ? stillChecking(items).join(',') : '';
  useEffect(() => {
    if (!checking) return;
    let current = true;
    const timer = setTimeout(() => {
      Promise.all(checking.split(',').map((id) => apiJson<EvidenceRecord>(`/evidence/${id}`).catch(() => undefined)))
        .then((fresh) => {
          if (!current) return;
          const byId = new Map(fresh.filter((item): item is EvidenceRecord => item !== undefined).map((item) => [item.id, item]));
          setItems((previous) => previous?.map((item) => byId.get(item.id) ?? item));
        })
        .catch(() => undefined);
    }, interval);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `items` changes with every answer, so a new round starts after each one while any file is checking.
  }, [checking, items, interval]);

  /** Puts a file in the list at once (after an upload, a verification or a recheck). */
  const upsert = useCallback((evidence: EvidenceRecord) => {
    setItems((previous) => {
      const rest = (previous ?? []).filter((item) => item.id !== evidence.id);
      const index = (previous ?? []).findIndex((item) => item.id === evidence.id);
      if (index < 0) return [evidence, ...rest];
      const next = [...(previous ?? [])];
      next[index] = evidence;
      return next;
    });
  }, []);

  return { items, error, reload, upsert, checking: checking !== '' };
}
