import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates';

describe('dates on the screens', () => {
  it('writes a day as dd.mm.yyyy in Kazakh and Russian, in Kazakhstan’s time', () => {
    // 20:30 UTC on 1 December is already 2 December in Almaty (UTC+5).
    expect(formatDate('2026-12-01T20:30:00.000Z', 'ru')).toBe('02.12.2026');
    expect(formatDate('2026-12-01T20:30:00.000Z', 'kk')).toBe('02.12.2026');
    expect(formatDate('2026-12-01T20:30:00.000Z', 'en')).toBe('02/12/2026');
    expect(formatDateTime('2026-12-01T20:30:00.000Z', 'kk')).toBe('02.12.2026, 01:30');
  });

  it('keeps a calendar date on its day, also when the API sends it at midnight UTC', () => {
    expect(formatDate('2026-12-01', 'ru')).toBe('01.12.2026');
    expect(formatDate('2026-12-01T00:00:00.000Z', 'kk')).toBe('01.12.2026');
    expect(formatDateTime('1938-02-25', 'ru')).toBe('25.02.1938');
  });

  it('shows a dash for nothing and an unreadable value as it is', () => {
    expect(formatDate(null, 'ru')).toBe('—');
    expect(formatDate('весна 1938', 'ru')).toBe('весна 1938');
  });
});
