/**
 * Kazakhstan's first-level administrative units as of 2022–2026:
 * 17 regions (oblys) and the 3 cities of republican significance.
 *
 * `code` is the prefix of case numbers (e.g. `ALM-2026-000123`) and must never
 * change once cases have been numbered with it.
 */
export interface RegionSeed {
  code: string;
  kind: 'region' | 'city';
  names: { kk: string; ru: string; en: string };
}

export const regions: readonly RegionSeed[] = [
  // Regions (oblys)
  { code: 'ABA', kind: 'region', names: { kk: 'Абай облысы', ru: 'область Абай', en: 'Abai Region' } },
  { code: 'AKM', kind: 'region', names: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' } },
  { code: 'AKT', kind: 'region', names: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' } },
  { code: 'ALM', kind: 'region', names: { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' } },
  { code: 'ATY', kind: 'region', names: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' } },
  {
    code: 'EKZ',
    kind: 'region',
    names: { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region' },
  },
  { code: 'ZHA', kind: 'region', names: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Zhambyl Region' } },
  { code: 'ZHE', kind: 'region', names: { kk: 'Жетісу облысы', ru: 'область Жетісу', en: 'Zhetisu Region' } },
  {
    code: 'WKZ',
    kind: 'region',
    names: { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region' },
  },
  { code: 'KAR', kind: 'region', names: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' } },
  { code: 'KOS', kind: 'region', names: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' } },
  { code: 'KYZ', kind: 'region', names: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' } },
  { code: 'MAN', kind: 'region', names: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' } },
  { code: 'PAV', kind: 'region', names: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' } },
  {
    code: 'NKZ',
    kind: 'region',
    names: { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область', en: 'North Kazakhstan Region' },
  },
  { code: 'TUR', kind: 'region', names: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkestan Region' } },
  { code: 'ULY', kind: 'region', names: { kk: 'Ұлытау облысы', ru: 'область Ұлытау', en: 'Ulytau Region' } },

  // Cities of republican significance
  { code: 'AST', kind: 'city', names: { kk: 'Астана қаласы', ru: 'город Астана', en: 'Astana' } },
  { code: 'ALA', kind: 'city', names: { kk: 'Алматы қаласы', ru: 'город Алматы', en: 'Almaty (city)' } },
  { code: 'SHY', kind: 'city', names: { kk: 'Шымкент қаласы', ru: 'город Шымкент', en: 'Shymkent' } },
];
