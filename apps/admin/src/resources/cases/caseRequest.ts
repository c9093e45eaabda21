/** Drops what was left empty: the API validates each field it is sent (an empty e-mail is not an e-mail). */
function compact<T extends Record<string, unknown>>(value: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(([, field]) => field !== undefined && field !== null && String(field).trim() !== ''),
  ) as Partial<T>;
}

export interface CaseFormValues {
  regionCode: string;
  categoryCode: string;
  summary?: string | null;
  applicant?: Record<string, string | null | undefined>;
  subjects?: Array<Record<string, string | null | undefined> | null>;
}

/** The create form's values as `POST /api/cases` wants them. */
export function toCreateCaseRequest(values: CaseFormValues) {
  // A row linked to a registry person needs no name: the person has it. Otherwise a row with no name is left out.
  const subjects = (values.subjects ?? [])
    .map((subject) => compact(subject ?? {}))
    .filter((subject) => subject.personId || subject.nameKk || subject.nameRu)
    .map((subject) => (subject.personId ? { personId: subject.personId } : subject));
  const summary = values.summary?.trim();
  return {
    regionCode: values.regionCode,
    categoryCode: values.categoryCode,
    ...(summary ? { summary } : {}),
    applicant: compact(values.applicant),
    subjects,
  };
}
