import { PlaceKind, PlaceNameLanguage } from '@aqtalu/contracts';
import type { Names } from './dictionaries.js';
import { regions } from './regions.js';

/**
 * The historical gazetteer Aqtalu ships with: today's regions, the renamed towns, and the best-known units of
 * the Russian Empire and the 1920s (oblasts, guberniyas, uezds, okrugs). `regionCode` is today's region the
 * unit lies in; it is null for a unit that spread over several of today's regions (a guberniya), where routing
 * by it would be a guess, and for places outside Kazakhstan. Years and coordinates are given only where sure.
 */
export interface PlaceNameSeed {
  name: string;
  language: PlaceNameLanguage;
  from?: number;
  to?: number;
}

export interface PlaceSeed {
  code: string;
  kind: PlaceKind;
  regionCode: string | null;
  parentCode?: string;
  names: Names;
  validFrom?: number;
  validTo?: number;
  latitude?: number;
  longitude?: number;
  /** Other names than `names`, with the years they were used where known. */
  otherNames?: PlaceNameSeed[];
}

const { Kk, Ru, Lat } = PlaceNameLanguage;
const ru = (name: string, from?: number, to?: number): PlaceNameSeed => ({ name, language: Ru, ...(from ? { from } : {}), ...(to ? { to } : {}) });
const kk = (name: string, from?: number, to?: number): PlaceNameSeed => ({ name, language: Kk, ...(from ? { from } : {}), ...(to ? { to } : {}) });
const lat = (name: string, from?: number, to?: number): PlaceNameSeed => ({ name, language: Lat, ...(from ? { from } : {}), ...(to ? { to } : {}) });

/** Soviet-era names of today's regions, where the old oblast is essentially today's one. */
const regionOtherNames: Record<string, PlaceNameSeed[]> = {
  ABA: [ru('Семипалатинская область', 1939, 1997), kk('Семей облысы', 1939, 1997)],
  AKM: [ru('Целиноградская область', 1961, 1992), ru('Акмолинская область')],
  AKT: [ru('Актюбинская область')],
  ATY: [ru('Гурьевская область', 1938, 1991)],
  ZHA: [ru('Джамбулская область', 1939, 1993)],
  ZHE: [ru('Талды-Курганская область')],
  KOS: [ru('Кустанайская область')],
  KYZ: [ru('Кзыл-Ординская область')],
  TUR: [ru('Южно-Казахстанская область'), ru('Чимкентская область')],
  ULY: [ru('Джезказганская область', 1973, 1997)],
};

const regionPlaces: PlaceSeed[] = regions
  .filter((region) => region.kind === 'region')
  .map((region) => ({
    code: `oblast-${region.code.toLowerCase()}`,
    kind: PlaceKind.Oblast,
    regionCode: region.code,
    names: region.names,
    otherNames: regionOtherNames[region.code] ?? [],
  }));

const towns: PlaceSeed[] = [
  {
    code: 'astana', kind: PlaceKind.City, regionCode: 'AST', latitude: 51.17, longitude: 71.43,
    names: { kk: 'Астана', ru: 'Астана', en: 'Astana' },
    otherNames: [
      ru('Акмолинск', undefined, 1961), lat('Akmolinsk', undefined, 1961), ru('Целиноград', 1961, 1992), lat('Tselinograd', 1961, 1992),
      ru('Акмола', 1992, 1998), kk('Ақмола', 1992, 1998), lat('Akmola', 1992, 1998), lat('Aqmola', 1992, 1998),
      ru('Нур-Султан', 2019, 2022), kk('Нұр-Сұлтан', 2019, 2022), lat('Nur-Sultan', 2019, 2022),
    ],
  },
  {
    code: 'almaty', kind: PlaceKind.City, regionCode: 'ALA', latitude: 43.24, longitude: 76.95,
    names: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' },
    otherNames: [ru('Верный', 1855, 1921), lat('Verny', 1855, 1921), ru('Алма-Ата', 1921, 1993), lat('Alma-Ata', 1921, 1993)],
  },
  {
    code: 'shymkent', kind: PlaceKind.City, regionCode: 'SHY', latitude: 42.32, longitude: 69.59,
    names: { kk: 'Шымкент', ru: 'Шымкент', en: 'Shymkent' },
    otherNames: [ru('Чимкент', undefined, 1993), lat('Chimkent', undefined, 1993)],
  },
  {
    code: 'semey', kind: PlaceKind.City, regionCode: 'ABA', latitude: 50.41, longitude: 80.23,
    names: { kk: 'Семей', ru: 'Семей', en: 'Semey' },
    otherNames: [ru('Семипалатинск', undefined, 2007), lat('Semipalatinsk', undefined, 2007)],
  },
  {
    code: 'atyrau', kind: PlaceKind.City, regionCode: 'ATY', latitude: 47.11, longitude: 51.88,
    names: { kk: 'Атырау', ru: 'Атырау', en: 'Atyrau' },
    otherNames: [ru('Гурьев', undefined, 1991), lat('Guryev', undefined, 1991)],
  },
  {
    code: 'kyzylorda', kind: PlaceKind.City, regionCode: 'KYZ', latitude: 44.85, longitude: 65.51,
    names: { kk: 'Қызылорда', ru: 'Кызылорда', en: 'Kyzylorda' },
    otherNames: [
      ru('Ак-Мечеть'), kk('Ақмешіт'), lat('Ak-Mechet'), ru('Перовск', 1853, 1922), lat('Perovsk', 1853, 1922),
      ru('Кзыл-Орда', 1925), lat('Kzyl-Orda', 1925), lat('Qyzylorda'),
    ],
  },
  {
    code: 'petropavl', kind: PlaceKind.City, regionCode: 'NKZ', latitude: 54.87, longitude: 69.15,
    names: { kk: 'Петропавл', ru: 'Петропавловск', en: 'Petropavl' },
    otherNames: [lat('Petropavlovsk'), kk('Қызылжар')],
  },
  {
    code: 'oskemen', kind: PlaceKind.City, regionCode: 'EKZ', latitude: 49.95, longitude: 82.61,
    names: { kk: 'Өскемен', ru: 'Усть-Каменогорск', en: 'Oskemen' },
    otherNames: [lat('Ust-Kamenogorsk')],
  },
  {
    code: 'taraz', kind: PlaceKind.City, regionCode: 'ZHA', latitude: 42.9, longitude: 71.37,
    names: { kk: 'Тараз', ru: 'Тараз', en: 'Taraz' },
    otherNames: [
      ru('Аулие-Ата', undefined, 1936), kk('Әулиеата', undefined, 1936), lat('Aulie-Ata', undefined, 1936), ru('Мирзоян', 1936, 1938),
      ru('Джамбул', 1938, 1997), kk('Жамбыл', 1938, 1997), lat('Dzhambul', 1938, 1997),
    ],
  },
  { code: 'oral', kind: PlaceKind.City, regionCode: 'WKZ', latitude: 51.23, longitude: 51.37, names: { kk: 'Орал', ru: 'Уральск', en: 'Oral' }, otherNames: [lat('Uralsk')] },
  {
    code: 'aktobe', kind: PlaceKind.City, regionCode: 'AKT', latitude: 50.28, longitude: 57.17,
    names: { kk: 'Ақтөбе', ru: 'Актобе', en: 'Aktobe' },
    otherNames: [ru('Актюбинск'), lat('Aktyubinsk')],
  },
  {
    code: 'kostanay', kind: PlaceKind.City, regionCode: 'KOS', latitude: 53.21, longitude: 63.63,
    names: { kk: 'Қостанай', ru: 'Костанай', en: 'Kostanay' },
    otherNames: [ru('Николаевск', 1879, 1895), ru('Кустанай', 1895, 1997), lat('Kustanay', 1895, 1997)],
  },
  { code: 'pavlodar', kind: PlaceKind.City, regionCode: 'PAV', latitude: 52.29, longitude: 76.97, names: { kk: 'Павлодар', ru: 'Павлодар', en: 'Pavlodar' } },
  { code: 'karaganda', kind: PlaceKind.City, regionCode: 'KAR', latitude: 49.8, longitude: 73.1, names: { kk: 'Қарағанды', ru: 'Караганда', en: 'Karaganda' }, otherNames: [lat('Qaraghandy')] },
  { code: 'kokshetau', kind: PlaceKind.City, regionCode: 'AKM', latitude: 53.28, longitude: 69.39, names: { kk: 'Көкшетау', ru: 'Кокшетау', en: 'Kokshetau' }, otherNames: [ru('Кокчетав'), lat('Kokchetav')] },
  { code: 'taldykorgan', kind: PlaceKind.City, regionCode: 'ZHE', latitude: 45.02, longitude: 78.37, names: { kk: 'Талдықорған', ru: 'Талдыкорган', en: 'Taldykorgan' }, otherNames: [ru('Талды-Курган')] },
  { code: 'zhezkazgan', kind: PlaceKind.City, regionCode: 'ULY', latitude: 47.78, longitude: 67.71, names: { kk: 'Жезқазған', ru: 'Жезказган', en: 'Zhezkazgan' }, otherNames: [ru('Джезказган'), lat('Dzhezkazgan')] },
  { code: 'karkaraly', kind: PlaceKind.City, regionCode: 'KAR', latitude: 49.41, longitude: 75.47, names: { kk: 'Қарқаралы', ru: 'Каркаралинск', en: 'Karkaraly' }, otherNames: [ru('Каркаралы'), lat('Karkaralinsk')] },
  { code: 'turkistan', kind: PlaceKind.City, regionCode: 'TUR', latitude: 43.3, longitude: 68.25, names: { kk: 'Түркістан', ru: 'Туркестан', en: 'Turkistan' }, otherNames: [lat('Turkestan')] },
  { code: 'aktau', kind: PlaceKind.City, regionCode: 'MAN', latitude: 43.65, longitude: 51.17, names: { kk: 'Ақтау', ru: 'Актау', en: 'Aktau' }, otherNames: [ru('Шевченко', 1964, 1991), lat('Shevchenko', 1964, 1991)] },
  // Not in Kazakhstan: known so that a birthplace there is recognised, and never routes a case.
  {
    code: 'bishkek', kind: PlaceKind.City, regionCode: null, names: { kk: 'Бішкек', ru: 'Бишкек', en: 'Bishkek' },
    otherNames: [ru('Пишпек', undefined, 1926), lat('Pishpek', undefined, 1926), ru('Фрунзе', 1926, 1991), lat('Frunze', 1926, 1991)],
  },
];

/** Oblasts of the Russian Empire and guberniyas of the 1920s: most spread over several of today's regions. */
const provinces: PlaceSeed[] = [
  { code: 'akmolinsk-oblast-1868', kind: PlaceKind.Oblast, regionCode: null, validFrom: 1868, validTo: 1919, names: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmolinsk Oblast' } },
  { code: 'semipalatinsk-oblast-1854', kind: PlaceKind.Oblast, regionCode: null, validFrom: 1854, validTo: 1920, names: { kk: 'Семей облысы', ru: 'Семипалатинская область', en: 'Semipalatinsk Oblast' } },
  { code: 'semirechye-oblast', kind: PlaceKind.Oblast, regionCode: null, validFrom: 1867, validTo: 1922, names: { kk: 'Жетісу облысы', ru: 'Семиреченская область', en: 'Semirechye Oblast' } },
  { code: 'turgay-oblast', kind: PlaceKind.Oblast, regionCode: null, validFrom: 1868, validTo: 1920, names: { kk: 'Торғай облысы', ru: 'Тургайская область', en: 'Turgay Oblast' } },
  { code: 'uralsk-oblast-1868', kind: PlaceKind.Oblast, regionCode: null, validFrom: 1868, validTo: 1920, names: { kk: 'Орал облысы', ru: 'Уральская область', en: 'Uralsk Oblast' } },
  { code: 'syrdarya-oblast', kind: PlaceKind.Oblast, regionCode: null, validFrom: 1867, validTo: 1924, names: { kk: 'Сырдария облысы', ru: 'Сырдарьинская область', en: 'Syr-Darya Oblast' } },
  { code: 'semipalatinsk-guberniya', kind: PlaceKind.Guberniya, regionCode: null, validFrom: 1920, validTo: 1928, names: { kk: 'Семей губерниясы', ru: 'Семипалатинская губерния', en: 'Semipalatinsk Guberniya' } },
  { code: 'akmolinsk-guberniya', kind: PlaceKind.Guberniya, regionCode: null, validTo: 1928, names: { kk: 'Ақмола губерниясы', ru: 'Акмолинская губерния', en: 'Akmolinsk Guberniya' } },
  { code: 'jetysu-guberniya', kind: PlaceKind.Guberniya, regionCode: null, validFrom: 1922, validTo: 1928, names: { kk: 'Жетісу губерниясы', ru: 'Джетысуйская губерния', en: 'Jetysu Guberniya' } },
  { code: 'aktyubinsk-guberniya', kind: PlaceKind.Guberniya, regionCode: 'AKT', validFrom: 1921, validTo: 1928, names: { kk: 'Ақтөбе губерниясы', ru: 'Актюбинская губерния', en: 'Aktyubinsk Guberniya' } },
];

const uezd = (code: string, parentCode: string | undefined, regionCode: string, kkName: string, ruName: string, enName: string): PlaceSeed => ({
  code: `${code}-uezd`, kind: PlaceKind.Uezd, regionCode, ...(parentCode ? { parentCode } : {}),
  names: { kk: `${kkName} уезі`, ru: `${ruName} уезд`, en: `${enName} Uezd` },
});

/** Uezds of the Russian Empire (to the 1920s), mapped to the region that holds most of their land. */
const uezds: PlaceSeed[] = [
  uezd('karkaralinsk', 'semipalatinsk-oblast-1854', 'KAR', 'Қарқаралы', 'Каркаралинский', 'Karkaralinsk'),
  uezd('semipalatinsk', 'semipalatinsk-oblast-1854', 'ABA', 'Семей', 'Семипалатинский', 'Semipalatinsk'),
  uezd('pavlodar', 'semipalatinsk-oblast-1854', 'PAV', 'Павлодар', 'Павлодарский', 'Pavlodar'),
  uezd('ust-kamenogorsk', 'semipalatinsk-oblast-1854', 'EKZ', 'Өскемен', 'Усть-Каменогорский', 'Ust-Kamenogorsk'),
  uezd('zaisan', 'semipalatinsk-oblast-1854', 'EKZ', 'Зайсан', 'Зайсанский', 'Zaisan'),
  uezd('akmolinsk', 'akmolinsk-oblast-1868', 'AKM', 'Ақмола', 'Акмолинский', 'Akmolinsk'),
  uezd('kokchetav', 'akmolinsk-oblast-1868', 'AKM', 'Көкшетау', 'Кокчетавский', 'Kokchetav'),
  uezd('atbasar', 'akmolinsk-oblast-1868', 'AKM', 'Атбасар', 'Атбасарский', 'Atbasar'),
  uezd('petropavlovsk', 'akmolinsk-oblast-1868', 'NKZ', 'Петропавл', 'Петропавловский', 'Petropavlovsk'),
  uezd('verny', 'semirechye-oblast', 'ALM', 'Верный', 'Верненский', 'Verny'),
  uezd('kopal', 'semirechye-oblast', 'ZHE', 'Қапал', 'Копальский', 'Kopal'),
  uezd('lepsinsk', 'semirechye-oblast', 'ZHE', 'Лепсі', 'Лепсинский', 'Lepsinsk'),
  uezd('kustanay', 'turgay-oblast', 'KOS', 'Қостанай', 'Кустанайский', 'Kustanay'),
  uezd('turgay', 'turgay-oblast', 'KOS', 'Торғай', 'Тургайский', 'Turgay'),
  uezd('aktyubinsk', 'turgay-oblast', 'AKT', 'Ақтөбе', 'Актюбинский', 'Aktyubinsk'),
  uezd('irgiz', 'turgay-oblast', 'AKT', 'Ырғыз', 'Иргизский', 'Irgiz'),
  uezd('uralsk', 'uralsk-oblast-1868', 'WKZ', 'Орал', 'Уральский', 'Uralsk'),
  uezd('guryev', 'uralsk-oblast-1868', 'ATY', 'Гурьев', 'Гурьевский', 'Guryev'),
  uezd('perovsk', 'syrdarya-oblast', 'KYZ', 'Перовск', 'Перовский', 'Perovsk'),
  uezd('kazalinsk', 'syrdarya-oblast', 'KYZ', 'Қазалы', 'Казалинский', 'Kazalinsk'),
  uezd('chimkent', 'syrdarya-oblast', 'TUR', 'Шымкент', 'Чимкентский', 'Chimkent'),
  uezd('aulie-ata', 'syrdarya-oblast', 'ZHA', 'Әулиеата', 'Аулие-Атинский', 'Aulie-Ata'),
  uezd('mangyshlak', undefined, 'MAN', 'Маңғыстау', 'Мангышлакский', 'Mangyshlak'),
];

const okrug = (code: string, regionCode: string, kkName: string, ruName: string, enName: string): PlaceSeed => ({
  code: `${code}-okrug`, kind: PlaceKind.Okrug, regionCode, validFrom: 1928, validTo: 1930,
  names: { kk: `${kkName} округі`, ru: `${ruName} округ`, en: `${enName} Okrug` },
});

/** Okrugs of 1928–1930, mapped to the region that holds most of their land (not the city their centre became: Akmolinsk okrug is AKM, not AST). */
const okrugs: PlaceSeed[] = [
  okrug('karkaralinsk', 'KAR', 'Қарқаралы', 'Каркаралинский', 'Karkaralinsk'),
  okrug('petropavlovsk', 'NKZ', 'Петропавл', 'Петропавловский', 'Petropavlovsk'),
  okrug('akmolinsk', 'AKM', 'Ақмола', 'Акмолинский', 'Akmolinsk'),
  okrug('alma-ata', 'ALM', 'Алматы', 'Алма-Атинский', 'Alma-Ata'),
  okrug('semipalatinsk', 'ABA', 'Семей', 'Семипалатинский', 'Semipalatinsk'),
  okrug('kzyl-orda', 'KYZ', 'Қызылорда', 'Кзыл-Ординский', 'Kzyl-Orda'),
  okrug('guryev', 'ATY', 'Гурьев', 'Гурьевский', 'Guryev'),
];

/** Districts of today that archival lists name often. */
const raions: PlaceSeed[] = [
  { code: 'karkaraly-raion', kind: PlaceKind.Raion, regionCode: 'KAR', names: { kk: 'Қарқаралы ауданы', ru: 'Каркаралинский район', en: 'Karkaraly District' } },
  { code: 'ulytau-raion', kind: PlaceKind.Raion, regionCode: 'ULY', names: { kk: 'Ұлытау ауданы', ru: 'Улытауский район', en: 'Ulytau District' } },
];

/** Parents first: a place's parent is seeded before it. */
export const places: readonly PlaceSeed[] = [...regionPlaces, ...towns, ...provinces, ...uezds, ...okrugs, ...raions];
