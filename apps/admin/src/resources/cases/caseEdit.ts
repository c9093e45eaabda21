import type { CaseRecord } from './CaseFields';

/** What the edit form holds: the case as read, with the fields a person may change. */
export type CaseEditValues = Pick<CaseRecord, 'id' | 'version' | 'regionCode' | 'categoryCode' | 'summary' | 'applicant'>;

/**
 * After saving, where to go: the case itself, unless the editor works one region and just moved the case
 * to another (their group no longer sees it), then the list.
 */
export function redirectAfterEdit(saved: Pick<CaseRecord, 'regionCode'>, editorRegion: string | null | undefined): 'show' | 'list' {
  return editorRegion && saved.regionCode !== editorRegion ? 'list' : 'show';
}

/** The region the form would move the case to, or null when it stays where it is. */
export function regionMove(record: Pick<CaseRecord, 'regionCode'> | undefined, values: Partial<Pick<CaseRecord, 'regionCode'>>): { from: string; to: string } | null {
  if (!record || !values.regionCode || values.regionCode === record.regionCode) return null;
  return { from: record.regionCode, to: values.regionCode };
}

/**
 * The applicant as PATCH takes it: a field left empty is not sent (the API checks each field it is sent,
 * and an empty e-mail is not an e-mail), so the case keeps its value for it.
 */
export function toCaseChanges(values: CaseEditValues): CaseEditValues {
  const applicant = Object.fromEntries(
    Object.entries(values.applicant ?? {}).filter(([, value]) => value !== null && value !== undefined && String(value).trim() !== ''),
  ) as CaseRecord['applicant'];
  return { ...values, summary: values.summary ?? '', applicant };
}
