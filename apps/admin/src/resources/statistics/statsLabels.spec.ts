import { StatsDimension } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { keyLabel, totalsByKey } from './statsLabels';

const translate = (key: string, options?: Record<string, unknown>) => (options?._ ? `${key}|${String(options._)}` : key);
const row = (key: string, names: Partial<{ nameKk: string; nameRu: string; nameEn: string }> = {}) => ({ key, nameKk: null, nameRu: null, nameEn: null, ...names });

describe('statistics labels', () => {
  it('names a dictionary key in the screen language, and translates statuses, outcomes and "none"', () => {
    const names = { nameKk: 'Алматы облысы', nameRu: 'Алматинская область', nameEn: 'Almaty Region' };
    expect(keyLabel(StatsDimension.Region, row('ALM', names), 'kk', translate)).toBe('Алматы облысы');
    expect(keyLabel(StatsDimension.Region, row('ALM', names), 'en', translate)).toBe('Almaty Region');
    expect(keyLabel(StatsDimension.Status, row('intake_review'), 'ru', translate)).toBe('resources.cases.status.intake_review|intake_review');
    expect(keyLabel(StatsDimension.Outcome, row('none'), 'ru', translate)).toBe('aqtalu.statistics.outcome.none');
    expect(keyLabel(StatsDimension.SentencingBody, row('none'), 'ru', translate)).toBe('aqtalu.statistics.none');
  });

  it('adds up the periods of each key, the largest first', () => {
    const rows = [
      { ...row('A'), period: '2025-01', cases: 1, applications: 0, subjects: 2 },
      { ...row('B'), period: '2025-01', cases: 3, applications: 1, subjects: 3 },
      { ...row('A'), period: '2025-02', cases: 4, applications: 2, subjects: 4 },
    ];
    expect(totalsByKey(rows).map((total) => [total.row.key, total.cases, total.applications, total.subjects])).toEqual([
      ['A', 5, 2, 6],
      ['B', 3, 1, 3],
    ]);
  });
});
