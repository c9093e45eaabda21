import { StatsDimension, type StatsKey } from '@aqtalu/contracts';
import { localName } from '../../providers/useApi';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A breakdown's value as people read it: a dictionary's name in the screen's language, a status or outcome translated. */
export function keyLabel(by: StatsDimension, row: StatsKey, locale: string, translate: Translate): string {
  if (row.key === 'none') return translate(by === StatsDimension.Outcome ? 'aqtalu.statistics.outcome.none' : 'aqtalu.statistics.none');
  if (by === StatsDimension.Status) return translate(`resources.cases.status.${row.key}`, { _: row.key });
  if (by === StatsDimension.Outcome) return translate(`aqtalu.statistics.outcome.${row.key}`, { _: row.key });
  if (row.nameRu || row.nameKk) return localName({ code: row.key, nameKk: row.nameKk ?? '', nameRu: row.nameRu ?? '', nameEn: row.nameEn }, locale);
  return row.key;
}

/** Sums rows per key (over the periods) for a chart, largest first. */
export function totalsByKey<R extends StatsKey & { cases: number; applications: number; subjects: number }>(rows: readonly R[]) {
  const totals = new Map<string, { row: R; cases: number; applications: number; subjects: number }>();
  for (const row of rows) {
    const total = totals.get(row.key) ?? { row, cases: 0, applications: 0, subjects: 0 };
    total.cases += row.cases;
    total.applications += row.applications;
    total.subjects += row.subjects;
    totals.set(row.key, total);
  }
  return [...totals.values()].sort((a, b) => b.cases + b.applications - (a.cases + a.applications));
}
