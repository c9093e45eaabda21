import { describe, expect, it } from 'vitest';
import { openDataCsvColumns, openDataCsvRow } from './open-data.js';

describe('the open-data CSV', () => {
  it('writes one cell per column, unpublished fields empty and lists joined by " | "', () => {
    const sut = openDataCsvRow({ id: 'x', url: 'https://memory.aqtalu.kz/persons/x', basis: 'book', names: ['Сейфуллин Сәкен', 'Сейфуллин Сакен'], articles: ['58-10', '58-11'] });
    expect(sut).toHaveLength(openDataCsvColumns.length);
    expect(sut[openDataCsvColumns.indexOf('names')]).toBe('Сейфуллин Сәкен | Сейфуллин Сакен');
    expect(sut[openDataCsvColumns.indexOf('articles')]).toBe('58-10 | 58-11');
    expect(sut[openDataCsvColumns.indexOf('camp')]).toBe('');
  });
});
