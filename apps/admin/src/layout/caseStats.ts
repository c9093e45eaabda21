import { CaseStatus } from '@aqtalu/contracts';

/** Cases that need no more work: everything else counts as open on the map. */
export const finishedStatuses: ReadonlySet<string> = new Set([CaseStatus.Closed, CaseStatus.CertificateIssued, CaseStatus.Rejected]);

export interface CaseStats {
  byStatus: Array<{ status: CaseStatus; count: number }>;
  /** Open cases per region code. */
  openByRegion: Record<string, number>;
}

/**
 * From the API's counts (`GET /cases/stats`: cases by status and region, `count` 1 when absent): every
 * status in the lifecycle's order (zeros kept), open cases by region.
 */
export function caseStats(rows: ReadonlyArray<{ status: string; regionCode: string; count?: number }>): CaseStats {
  const byStatus = new Map<string, number>();
  const openByRegion: Record<string, number> = {};
  for (const row of rows) {
    const count = row.count ?? 1;
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + count);
    if (!finishedStatuses.has(row.status)) openByRegion[row.regionCode] = (openByRegion[row.regionCode] ?? 0) + count;
  }
  return { byStatus: Object.values(CaseStatus).map((status) => ({ status, count: byStatus.get(status) ?? 0 })), openByRegion };
}
