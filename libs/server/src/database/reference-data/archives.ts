import { regions, type RegionSeed } from './regions.js';

/** An archive that holds case files (criminal cases, deportation and dekulakisation records, etc.). */
export interface ArchiveSeed {
  code: string;
  kind: 'presidential' | 'central_state' | 'special' | 'security' | 'regional_state';
  /** Region the archive belongs to; `null` for national-level archives. */
  regionCode: string | null;
  names: { kk: string; ru: string; en: string };
}

/** National-level archives, written out by hand. */
const centralArchives: readonly ArchiveSeed[] = [
  {
    code: 'APRK',
    kind: 'presidential',
    regionCode: null,
    names: {
      kk: 'Қазақстан Республикасы Президентінің Архиві',
      ru: 'Архив Президента Республики Казахстан',
      en: 'Archive of the President of the Republic of Kazakhstan',
    },
  },
  {
    code: 'CGA',
    kind: 'central_state',
    regionCode: null,
    names: {
      kk: 'Қазақстан Республикасының Орталық мемлекеттік архиві',
      ru: 'Центральный государственный архив Республики Казахстан',
      en: 'Central State Archive of the Republic of Kazakhstan',
    },
  },
  {
    code: 'SPEC-MVD',
    kind: 'special',
    regionCode: null,
    names: {
      kk: 'Қазақстан Республикасы Ішкі істер министрлігінің Арнаулы мемлекеттік архиві',
      ru: 'Специальный государственный архив Министерства внутренних дел Республики Казахстан',
      en: 'Special State Archive of the Ministry of Internal Affairs of the Republic of Kazakhstan',
    },
  },
  {
    code: 'KNB',
    kind: 'security',
    regionCode: null,
    names: {
      kk: 'Қазақстан Республикасы Ұлттық қауіпсіздік комитетінің архиві',
      ru: 'Архив Комитета национальной безопасности Республики Казахстан',
      en: 'Archive of the National Security Committee of the Republic of Kazakhstan',
    },
  },
];

/** «Жамбыл облысы» → «Жамбыл облысының», «Алматы қаласы» → «Алматы қаласының». */
function kkGenitive(name: string): string {
  return name.replace(/ (облысы|қаласы)$/, ' $1ның');
}

/**
 * «Жамбылская область» → «Жамбылской области», «область Абай» → «области Абай»,
 * «город Алматы» → «города Алматы», «город Астана» → «города Астаны».
 */
function ruGenitive(name: string): string {
  if (name === 'город Астана') return 'города Астаны';
  return name
    .replace(/ая область$/, 'ой области')
    .replace(/^область /, 'области ')
    .replace(/^город /, 'города ');
}

function regionalArchive(region: RegionSeed): ArchiveSeed {
  const enPlace =
    region.kind === 'city' ? `the City of ${region.names.en.replace(/ \(city\)$/, '')}` : region.names.en;
  return {
    code: `GA-${region.code}`,
    kind: 'regional_state',
    regionCode: region.code,
    names: {
      kk: `${kkGenitive(region.names.kk)} мемлекеттік архиві`,
      ru: `Государственный архив ${ruGenitive(region.names.ru)}`,
      en: `State Archive of ${enPlace}`,
    },
  };
}

export const archives: readonly ArchiveSeed[] = [...centralArchives, ...regions.map(regionalArchive)];
