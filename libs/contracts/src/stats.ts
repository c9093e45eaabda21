/** Statistics for the commission's reports (`/api/stats/…`): shapes shared by the API and the back office. */

export enum StatsPeriod {
  Month = 'month',
  Quarter = 'quarter',
  Year = 'year',
}

/** What counts are broken down by. Region, category and status are the case's; the others its subjects'. */
export enum StatsDimension {
  Region = 'region',
  Category = 'category',
  Status = 'status',
  Outcome = 'outcome',
  SentencingBody = 'sentencingBody',
  Article = 'article',
  SentenceKind = 'sentenceKind',
}

/** The tables of the statistics page; each downloads as XLSX at `/api/stats/<table>.xlsx`. */
export enum StatsTable {
  Counts = 'counts',
  Durations = 'durations',
  ArchiveRequests = 'archive-requests',
  Backlog = 'backlog',
}

/** The filters every table takes (dates YYYY-MM-DD, inclusive, in Kazakhstan's time). */
export interface StatsFilters {
  from: string;
  to: string;
  period: StatsPeriod;
  by: StatsDimension;
  regionCode?: string;
  categoryCode?: string;
}

/** A key of a breakdown with its names where it is a dictionary's code (null names: a status, an outcome, "none"). */
export interface StatsKey {
  key: string;
  nameKk: string | null;
  nameRu: string | null;
  nameEn: string | null;
}

/** Applications (cases first submitted in the period), cases (opened in the period) and their subjects. */
export interface StatsCountRow extends StatsKey {
  period: string;
  applications: number;
  cases: number;
  subjects: number;
}

/** Days a case spent in a lifecycle step (left within the range); `period` null is the whole range. */
export interface StatsDurationRow {
  step: string;
  period: string | null;
  count: number;
  medianDays: number;
  p90Days: number;
}

/** Archive requests sent within the range, per archive: answered by their due date or after it, still open. */
export interface StatsArchiveRow {
  archiveCode: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  sent: number;
  answered: number;
  onTime: number;
  late: number;
  openOverdue: number;
  open: number;
  cancelled: number;
}

export const backlogAgeBuckets = ['0-30', '31-90', '91-180', '181-365', '366+'] as const;
export type BacklogAgeBucket = (typeof backlogAgeBuckets)[number];

/** Open cases (not closed) by their current stage and the days since they entered it. */
export interface StatsBacklogRow {
  status: string;
  age: BacklogAgeBucket;
  count: number;
}

export interface StatsAnswer<R> {
  filters: StatsFilters;
  rows: R[];
}

/** Where a full-text hit was found (`GET /api/search`). */
export enum CaseSearchSource {
  Evidence = 'evidence',
  Summary = 'summary',
  Conclusion = 'conclusion',
  FactNote = 'fact_note',
}

/**
 * A hit of the search across cases: the case, the document or record it is in, its rank and a snippet with the
 * matched words between \u0002 and \u0003 (the screen marks them; no HTML comes from the server).
 */
export interface CaseSearchHit {
  /** `<source>:<record id>`, unique in an answer. */
  id: string;
  source: CaseSearchSource;
  recordId: string;
  caseId: string;
  caseNumber: string;
  regionCode: string;
  /** The document's file name (evidence), the person's name (a fact's note), else null. */
  title: string | null;
  personId: string | null;
  rank: number;
  snippet: string;
}
