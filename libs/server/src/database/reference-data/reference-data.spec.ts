import { describe, it, expect } from 'vitest';
import { archives, camps, criminalArticles, holidays, places, regions, sentenceKinds, sentencingBodies, weekendDays } from './index.js';

const LANGS = ['kk', 'ru', 'en'] as const;
/** Letters of the Kazakh Cyrillic alphabet that Russian does not have. */
const KAZAKH_SPECIFIC = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
/** Cyrillic (Russian + Kazakh letters), plus spaces, hyphens and brackets; no Latin. */
const CYRILLIC_TEXT = /^[\u0400-\u04FF][\u0400-\u04FF \-()«»]*$/u;

/** Regions and cities whose official Kazakh name contains a Kazakh-specific letter. */
const KK_NAMES_WITH_KAZAKH_LETTERS = [
  'AKM', 'AKT', 'EKZ', 'ZHE', 'WKZ', 'KAR', 'KOS', 'KYZ', 'MAN', 'NKZ', 'TUR', 'ULY', 'AST', 'ALA', 'SHY',
];

function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function expectNamesFilled(names: Record<(typeof LANGS)[number], string>, label: string): void {
  for (const lang of LANGS) {
    expect(names[lang].trim(), `${label}: ${lang} name`).not.toBe('');
  }
  expect(names.kk, `${label}: kk name is Cyrillic`).toMatch(CYRILLIC_TEXT);
  expect(names.ru, `${label}: ru name is Cyrillic`).toMatch(CYRILLIC_TEXT);
}

describe('regions', () => {
  it('has the 17 regions and 3 cities of republican significance', () => {
    expect(regions).toHaveLength(20);
    expect(regions.filter((r) => r.kind === 'region')).toHaveLength(17);
    expect(regions.filter((r) => r.kind === 'city').map((r) => r.code).sort()).toEqual(['ALA', 'AST', 'SHY']);
  });

  it('has unique three-letter upper-case codes', () => {
    for (const region of regions) expect(region.code).toMatch(/^[A-Z]{3}$/);
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
  });

  it('uses the agreed codes for Almaty region and city', () => {
    expect(regions.find((r) => r.code === 'ALM')).toMatchObject({ kind: 'region', names: { en: 'Almaty Region' } });
    expect(regions.find((r) => r.code === 'ALA')).toMatchObject({ kind: 'city', names: { en: 'Almaty (city)' } });
  });

  it('has names in all three languages, the Kazakh and Russian ones in Cyrillic', () => {
    for (const region of regions) expectNamesFilled(region.names, region.code);
  });

  it('has unique names in every language', () => {
    for (const lang of LANGS) {
      expect(new Set(regions.map((r) => r.names[lang])).size, lang).toBe(regions.length);
    }
  });

  it('spells Kazakh names with Kazakh-specific letters where the official name has them', () => {
    for (const code of KK_NAMES_WITH_KAZAKH_LETTERS) {
      const region = regions.find((r) => r.code === code);
      expect(region, code).toBeDefined();
      expect(region!.names.kk, code).toMatch(KAZAKH_SPECIFIC);
    }
    for (const region of regions) {
      expect(region.names.kk, region.code).toMatch(region.kind === 'city' ? / қаласы$/ : / облысы$/);
    }
  });
});

describe('archives', () => {
  it('has the four national archives and one state archive per region and city', () => {
    expect(archives.filter((a) => a.regionCode === null).map((a) => a.code)).toEqual([
      'APRK',
      'CGA',
      'SPEC-MVD',
      'KNB',
    ]);
    const regional = archives.filter((a) => a.kind === 'regional_state');
    expect(regional).toHaveLength(regions.length);
    expect(regional.map((a) => a.regionCode).sort()).toEqual(regions.map((r) => r.code).sort());
    for (const archive of regional) expect(archive.code).toBe(`GA-${archive.regionCode}`);
  });

  it('has unique codes', () => {
    expect(new Set(archives.map((a) => a.code)).size).toBe(archives.length);
  });

  it('refers only to existing regions', () => {
    const codes = new Set(regions.map((r) => r.code));
    for (const archive of archives) {
      if (archive.regionCode !== null) expect(codes.has(archive.regionCode), archive.code).toBe(true);
    }
  });

  it('has names in all three languages, the Kazakh ones with Kazakh letters', () => {
    for (const archive of archives) {
      expectNamesFilled(archive.names, archive.code);
      expect(archive.names.kk, archive.code).toMatch(KAZAKH_SPECIFIC);
    }
  });

  it('declines the regional names correctly', () => {
    expect(archives.find((a) => a.code === 'GA-ZHA')?.names).toEqual({
      kk: 'Жамбыл облысының мемлекеттік архиві',
      ru: 'Государственный архив Жамбылской области',
      en: 'State Archive of Zhambyl Region',
    });
    expect(archives.find((a) => a.code === 'GA-ABA')?.names.ru).toBe('Государственный архив области Абай');
    expect(archives.find((a) => a.code === 'GA-ALA')?.names).toEqual({
      kk: 'Алматы қаласының мемлекеттік архиві',
      ru: 'Государственный архив города Алматы',
      en: 'State Archive of the City of Almaty',
    });
    for (const archive of archives.filter((a) => a.kind === 'regional_state')) {
      expect(archive.names.kk, archive.code).toMatch(/ (облысының|қаласының) мемлекеттік архиві$/);
      expect(archive.names.ru, archive.code).toMatch(/^Государственный архив (\S+ой области|области \S+|города \S+)$/);
    }
  });
});

describe('holidays', () => {
  it('has valid ISO dates in 2025–2027', () => {
    for (const holiday of holidays) {
      expect(isValidIsoDate(holiday.date), holiday.date).toBe(true);
      expect(['2025', '2026', '2027']).toContain(holiday.date.slice(0, 4));
    }
  });

  it('has unique dates, in order', () => {
    const dates = holidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it('has 15 non-working holidays each year, including Kurban Ait', () => {
    for (const year of ['2025', '2026', '2027']) {
      expect(holidays.filter((h) => h.date.startsWith(year)), year).toHaveLength(15);
    }
    expect(holidays.filter((h) => h.names.en === 'Kurban Ait').map((h) => h.date)).toEqual([
      '2025-06-06',
      '2026-05-27',
      '2027-05-16',
    ]);
  });

  it('has names in all three languages', () => {
    for (const holiday of holidays) expectNamesFilled(holiday.names, holiday.date);
  });

  it('treats Saturday and Sunday as weekend days', () => {
    expect([...weekendDays].sort()).toEqual([0, 6]);
  });
});

/** Names with numbers and punctuation: filled, the Kazakh and Russian ones in Cyrillic without Latin letters. */
function expectDictionaryNames(names: Record<(typeof LANGS)[number], string>, label: string): void {
  for (const lang of LANGS) expect(names[lang].trim(), `${label}: ${lang} name`).not.toBe('');
  for (const lang of ['kk', 'ru'] as const) {
    expect(names[lang], `${label}: ${lang} name is Cyrillic`).toMatch(/[\u0400-\u04FF]/u);
    expect(names[lang], `${label}: ${lang} name has no Latin letters`).not.toMatch(/[A-Za-z]/);
  }
}

describe('repression dictionaries', () => {
  it('have unique codes and names in all three languages', () => {
    for (const entries of [sentencingBodies, criminalArticles, sentenceKinds, camps]) {
      expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
      for (const entry of entries) expectDictionaryNames(entry.names, entry.code);
    }
  });

  it('has every part of article 58 of the RSFSR Criminal Code', () => {
    const parts = criminalArticles.filter((a) => a.criminalCode === 'RSFSR-1926' && a.article.startsWith('58-')).map((a) => a.article);
    expect(parts).toEqual(['58-1а', '58-1б', '58-1в', '58-1г', ...Array.from({ length: 13 }, (_, i) => `58-${i + 2}`)]);
  });

  it('places camps with coordinates inside Kazakhstan and open before they close', () => {
    for (const camp of camps) {
      if (camp.latitude !== null) expect(camp.latitude).toBeGreaterThan(40);
      if (camp.latitude !== null) expect(camp.latitude).toBeLessThan(56);
      if (camp.longitude !== null) expect(camp.longitude).toBeGreaterThan(46);
      if (camp.longitude !== null) expect(camp.longitude).toBeLessThan(88);
      if (camp.openedYear !== null && camp.closedYear !== null) expect(camp.openedYear).toBeLessThan(camp.closedYear);
    }
  });
});

describe('historical gazetteer', () => {
  it('has unique codes, refers to existing regions and seeds a parent before its children', () => {
    expect(new Set(places.map((p) => p.code)).size).toBe(places.length);
    const codes = new Set(regions.map((r) => r.code));
    const seen = new Set<string>();
    for (const place of places) {
      if (place.regionCode !== null) expect(codes.has(place.regionCode), place.code).toBe(true);
      if (place.parentCode) expect(seen.has(place.parentCode), `${place.code} after ${place.parentCode}`).toBe(true);
      seen.add(place.code);
      expectDictionaryNames(place.names, place.code);
      if (place.validFrom && place.validTo) expect(place.validFrom).toBeLessThanOrEqual(place.validTo);
    }
  });

  it('has every one of today\'s regions, and each renamed capital under its old names', () => {
    for (const region of regions.filter((r) => r.kind === 'region')) expect(places.some((p) => p.regionCode === region.code && p.kind === 'oblast'), region.code).toBe(true);
    const named = (name: string) => places.find((p) => p.otherNames?.some((n) => n.name === name));
    expect(named('Акмолинск')?.regionCode).toBe('AST');
    expect(named('Целиноград')?.regionCode).toBe('AST');
    expect(named('Верный')?.regionCode).toBe('ALA');
    expect(named('Семипалатинск')?.regionCode).toBe('ABA');
    expect(named('Пишпек')?.regionCode).toBeNull();
  });
});
