import type { Names } from './dictionaries.js';

/**
 * The dictionaries repression episodes refer to by code (DESIGN.md §1). Only entries we are sure of are
 * seeded; an administrator adds the rest. Codes never change once episodes cite them.
 */
export interface RepressionDictionarySeed {
  code: string;
  names: Names;
}

export interface CriminalArticleSeed extends RepressionDictionarySeed {
  criminalCode: string;
  article: string;
}

export interface CampSeed extends RepressionDictionarySeed {
  /** The camp administration's settlement, where it is known for sure (to about 0.05°). */
  latitude: number | null;
  longitude: number | null;
  openedYear: number | null;
  closedYear: number | null;
}

export const sentencingBodies: readonly RepressionDictionarySeed[] = [
  { code: 'ogpu_collegium', names: { kk: 'ОГПУ алқасы', ru: 'Коллегия ОГПУ', en: 'OGPU Collegium' } },
  { code: 'ogpu_troika', names: { kk: 'ОГПУ өкілеттігінің үштігі', ru: 'Тройка ПП ОГПУ', en: 'OGPU troika' } },
  { code: 'nkvd_troika', names: { kk: 'НКВД үштігі', ru: 'Тройка НКВД', en: 'NKVD troika' } },
  {
    code: 'nkvd_dvoika',
    names: { kk: 'НКВД мен КСРО Прокурорының комиссиясы («екілік»)', ru: 'Комиссия НКВД и Прокурора СССР («двойка»)', en: 'Commission of the NKVD and the USSR Prosecutor ("dvoika")' },
  },
  { code: 'special_council', names: { kk: 'Ерекше кеңес (ОСО)', ru: 'Особое совещание (ОСО)', en: 'Special Council (OSO)' } },
  {
    code: 'military_collegium',
    names: { kk: 'КСРО Жоғарғы сотының Әскери алқасы', ru: 'Военная коллегия Верховного суда СССР', en: 'Military Collegium of the Supreme Court of the USSR' },
  },
  { code: 'military_tribunal', names: { kk: 'Әскери трибунал', ru: 'Военный трибунал', en: 'Military tribunal' } },
  { code: 'court', names: { kk: 'Сот', ru: 'Суд', en: 'Court' } },
];

const rsfsr = (article: string, latin: string, kk: string, ru: string, en: string): CriminalArticleSeed => ({
  code: `rsfsr1926-${latin}`,
  criminalCode: 'RSFSR-1926',
  article,
  names: { kk: `РКФСР ҚК ${article}-бабы (${kk})`, ru: `Ст. ${article} УК РСФСР (${ru})`, en: `RSFSR Criminal Code art. ${latin} (${en})` },
});

/**
 * Articles of the RSFSR Criminal Code of 1926, in force in the Kazakh ASSR and SSR until the Kazakh SSR's own
 * code of 1959. The 1959 code's equivalents are left to an administrator: their numbering is not seeded.
 */
export const criminalArticles: readonly CriminalArticleSeed[] = [
  rsfsr('58-1а', '58-1a', 'азаматтың Отанға опасыздығы', 'измена Родине гражданским лицом', 'treason by a civilian'),
  rsfsr('58-1б', '58-1b', 'әскери қызметшінің Отанға опасыздығы', 'измена Родине военнослужащим', 'treason by a serviceman'),
  rsfsr('58-1в', '58-1v', 'опасыздық жасаған әскери қызметшінің отбасы мүшелері', 'члены семьи изменника Родине', 'family members of a traitor'),
  rsfsr('58-1г', '58-1g', 'әскери қызметшінің опасыздығын хабарламау', 'недонесение военнослужащим об измене', 'failure of a serviceman to report treason'),
  rsfsr('58-2', '58-2', 'қарулы көтеріліс', 'вооружённое восстание', 'armed uprising'),
  rsfsr('58-3', '58-3', 'шет мемлекетпен контрреволюциялық мақсатта байланыс', 'сношения с иностранным государством в контрреволюционных целях', 'relations with a foreign state for counter-revolutionary purposes'),
  rsfsr('58-4', '58-4', 'халықаралық буржуазияға көмек', 'помощь международной буржуазии', 'aid to the international bourgeoisie'),
  rsfsr('58-5', '58-5', 'шет мемлекетті соғысқа немесе интервенцияға итермелеу', 'склонение иностранного государства к войне или интервенции', 'inducing a foreign state to war or intervention'),
  rsfsr('58-6', '58-6', 'тыңшылық', 'шпионаж', 'espionage'),
  rsfsr('58-7', '58-7', 'зиянкестік', 'вредительство', 'wrecking'),
  rsfsr('58-8', '58-8', 'террорлық актілер', 'террористические акты', 'terrorist acts'),
  rsfsr('58-9', '58-9', 'диверсия', 'диверсия', 'sabotage (diversion)'),
  rsfsr('58-10', '58-10', 'кеңеске қарсы үгіт-насихат', 'антисоветская агитация и пропаганда', 'anti-Soviet agitation and propaganda'),
  rsfsr('58-11', '58-11', 'контрреволюциялық ұйымдық қызмет', 'организационная контрреволюционная деятельность', 'organised counter-revolutionary activity'),
  rsfsr('58-12', '58-12', 'контрреволюциялық қылмысты хабарламау', 'недонесение о контрреволюционном преступлении', 'failure to report a counter-revolutionary crime'),
  rsfsr('58-13', '58-13', 'патша билігі немесе ақтар тұсында революциялық қозғалысқа қарсы күрес', 'борьба против революционного движения при царском строе или контрреволюционных правительствах', 'struggle against the revolutionary movement under the tsarist regime or counter-revolutionary governments'),
  rsfsr('58-14', '58-14', 'контрреволюциялық саботаж', 'контрреволюционный саботаж', 'counter-revolutionary sabotage'),
  rsfsr('59-2', '59-2', 'жаппай тәртіпсіздіктер', 'массовые беспорядки', 'mass disorder'),
  rsfsr('59-3', '59-3', 'бандитизм', 'бандитизм', 'banditry'),
  rsfsr('107', '107', 'алыпсатарлық', 'спекуляция', 'speculation'),
];

export const sentenceKinds: readonly RepressionDictionarySeed[] = [
  { code: 'first_category', names: { kk: 'Ең жоғары жаза — ату (1-санат)', ru: 'Высшая мера наказания — расстрел (1-я категория)', en: 'Capital punishment — shooting (1st category)' } },
  { code: 'second_category', names: { kk: '8–10 жылға лагерьге қамау (2-санат)', ru: 'Заключение в лагерь на 8–10 лет (2-я категория)', en: '8–10 years of camp (2nd category)' } },
  { code: 'camp_term', names: { kk: 'Еңбекпен түзеу лагеріне қамау', ru: 'Заключение в исправительно-трудовой лагерь', en: 'Term in a corrective labour camp' } },
  { code: 'prison_term', names: { kk: 'Түрмеге қамау', ru: 'Тюремное заключение', en: 'Imprisonment' } },
  { code: 'exile', names: { kk: 'Жер аудару (ссылка)', ru: 'Ссылка', en: 'Exile' } },
  { code: 'banishment', names: { kk: 'Тұратын жерінен қуу (высылка)', ru: 'Высылка', en: 'Banishment' } },
  { code: 'deportation', names: { kk: 'Күштеп көшіру (депортация)', ru: 'Депортация (выселение)', en: 'Deportation' } },
  { code: 'special_settlement', names: { kk: 'Арнайы қоныстандыру', ru: 'Направление на спецпоселение', en: 'Special settlement' } },
  { code: 'confiscation', names: { kk: 'Мүлкін тәркілеу', ru: 'Конфискация имущества', en: 'Confiscation of property' } },
];

export const camps: readonly CampSeed[] = [
  {
    code: 'karlag',
    names: { kk: 'Қарағанды еңбекпен түзеу лагері (Карлаг)', ru: 'Карагандинский исправительно-трудовой лагерь (Карлаг)', en: 'Karaganda Corrective Labour Camp (Karlag)' },
    // the camp administration at Dolinka
    latitude: 49.68, longitude: 72.68, openedYear: 1931, closedYear: 1959,
  },
  {
    code: 'alzhir',
    names: { kk: 'Отанын сатқандардың әйелдеріне арналған Ақмола лагері (АЛЖИР)', ru: 'Акмолинский лагерь жён изменников Родины (АЛЖИР)', en: 'Akmolinsk Camp of Wives of Traitors to the Motherland (ALZHIR)' },
    latitude: null, longitude: null, openedYear: 1938, closedYear: 1953,
  },
  {
    code: 'steplag',
    names: { kk: 'Дала лагері (Степлаг)', ru: 'Степной лагерь (Степлаг)', en: 'Steppe Camp (Steplag)' },
    // the camp administration at Dzhezkazgan (Kengir)
    latitude: 47.78, longitude: 67.71, openedYear: 1948, closedYear: 1956,
  },
  { code: 'peschanlag', names: { kk: 'Құмды лагерь (Песчанлаг)', ru: 'Песчаный лагерь (Песчанлаг)', en: 'Sand Camp (Peschanlag)' }, latitude: null, longitude: null, openedYear: 1948, closedYear: 1954 },
  {
    code: 'dzhezkazganlag',
    names: { kk: 'Жезқазған еңбекпен түзеу лагері (Джезказганлаг)', ru: 'Джезказганский исправительно-трудовой лагерь (Джезказганлаг)', en: 'Dzhezkazgan Corrective Labour Camp (Dzhezkazganlag)' },
    latitude: null, longitude: null, openedYear: null, closedYear: null,
  },
];
