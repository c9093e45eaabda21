import { describe, expect, it } from 'vitest';
import { exportFilter } from './ListExportButton';

describe('the filter an export sends', () => {
  it('leaves out empty inputs and sends a typed year as a number', () => {
    expect(exportFilter({ q: 'Бөкейхан', birthYear: '1866', tolerance: '', status: null, overdue: false })).toEqual({ q: 'Бөкейхан', birthYear: 1866, overdue: false });
  });
});
