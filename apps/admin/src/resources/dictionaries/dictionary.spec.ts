import { describe, expect, it } from 'vitest';
import { type DictionaryEntry, dictionaryPage, withPairedCoordinates } from './dictionary';

const entry = (code: string, nameRu: string): DictionaryEntry =>
  ({ id: code, code, nameKk: nameRu, nameRu, nameEn: code, version: 1, updatedAt: '' }) as DictionaryEntry;

describe('a page of a dictionary', () => {
  const entries = [entry('osso', 'Особое совещание'), entry('nkvd_troika', 'Тройка НКВД'), entry('dvoika', 'Комиссия НКВД и прокурора СССР')];

  it('finds entries by code or any name, case-insensitively', () => {
    expect(dictionaryPage(entries, { filter: { q: 'нквд' } }).data.map((e) => e.code)).toEqual(['dvoika', 'nkvd_troika']);
  });

  it('sorts and cuts the page, counting every match', () => {
    const page = dictionaryPage(entries, { sort: { field: 'code', order: 'DESC' }, pagination: { page: 1, perPage: 2 } });
    expect(page).toEqual({ data: [entries[0], entries[1]], total: 3 });
  });
});

describe('a camp’s coordinates', () => {
  it('go together when either changes', () => {
    expect(withPairedCoordinates({ latitude: 49.7 }, { latitude: 49.7, longitude: 72.68 })).toEqual({ latitude: 49.7, longitude: 72.68 });
    expect(withPairedCoordinates({ nameRu: 'Карлаг' }, { latitude: 49.7, longitude: 72.68 })).toEqual({ nameRu: 'Карлаг' });
  });
});
