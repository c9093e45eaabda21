/**
 * The folding table: every spelling of a name (Kazakh and Russian Cyrillic, the Kazakh Latin alphabets of
 * 2017/2018/2021, and the English-style Latin people actually type) is read into one ASCII alphabet.
 *
 * Targets are written in that alphabet: a b d e f g h i k l m n o p r s t u v z plus the digraphs
 * zh (ж) sh (ш, щ) ch (ч) ts (ц). Vowels keep five classes only, because Kazakh vowel harmony and
 * Russian transcription swap vowels inside a class (Бөкейхан / Букейханов); the phonetic code then
 * drops vowels altogether. Changing any entry changes stored keys: re-index after editing.
 */

/** Cyrillic letters (Kazakh, Russian, and the few Ukrainian, Tatar and Central Asian ones seen in registers). */
export const cyrillicLetters = {
  // a class: Kazakh ә is written а in Russian documents
  а: 'a', ә: 'a', ӓ: 'a',
  // e class
  е: 'e', э: 'e', є: 'ie',
  // o class: ө is written о in Russian documents; ё keeps its glide like ю and я so it meets Latin yo/io
  о: 'o', ө: 'o', ӧ: 'o', ё: 'io',
  // u class: ұ and ү are both у in Russian documents; ў is Belarusian/Uzbek у
  у: 'u', ұ: 'u', ү: 'u', ў: 'u', ӯ: 'u',
  // i class: і/ы/и/й interchange between Kazakh and Russian spellings (Міржақып / Миржакып, Ілияс / Ильяс)
  и: 'i', і: 'i', ы: 'i', й: 'i', ї: 'i', ӣ: 'i',
  // iotated vowels keep the i-glide, as Latin ya/yu/ia/iu do
  ю: 'iu', я: 'ia',
  // back/front consonant pairs of Kazakh fold onto the Russian letter used for them
  б: 'b', в: 'v', г: 'g', ғ: 'g', ґ: 'g', д: 'd', ж: 'zh', җ: 'zh', ҷ: 'zh', з: 'z', к: 'k', қ: 'k', л: 'l',
  м: 'm', н: 'n', ң: 'n', п: 'p', р: 'r', с: 's', т: 't', ф: 'f',
  // х and һ are both written kh / h in Latin; h is the single target so kh and h meet
  х: 'h', һ: 'h', ҳ: 'h',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh',
  // hard and soft signs carry no sound of their own in names (Ильяс = Ilyas)
  ъ: '', ь: '',
} as const satisfies Record<string, string>;

/** Cyrillic letter pairs read as one sound. */
export const cyrillicDigraphs = {
  // Russian writes Kazakh ж as дж (Джансугуров = Жансүгіров, Санджар = Санжар)
  дж: 'zh',
} as const satisfies Record<string, string>;

/**
 * Latin letters with marks: the Kazakh Latin alphabets (2021: Á Ǵ Ń Ó Ú Ū İ ı; 2018: Ý for у),
 * Turkish/German-style spellings (Säken, Şäkärim) and stray European marks. Anything not listed loses
 * its marks (NFD) or is dropped.
 */
export const latinMarkedLetters = {
  á: 'a', ä: 'a', à: 'a', â: 'a', ã: 'a', å: 'a', ā: 'a', ă: 'a', ą: 'a',
  é: 'e', è: 'e', ê: 'e', ë: 'e', ē: 'e', ě: 'e', ę: 'e', ə: 'a',
  í: 'i', ì: 'i', î: 'i', ï: 'i', ī: 'i', ı: 'i', ÿ: 'i',
  ó: 'o', ö: 'o', ô: 'o', ò: 'o', õ: 'o', ō: 'o', ø: 'o', ő: 'o',
  ú: 'u', ü: 'u', ū: 'u', û: 'u', ù: 'u', ů: 'u', ű: 'u',
  // Kazakh Latin 2018: Ý ý is the letter у
  ý: 'u',
  ǵ: 'g', ğ: 'g', ń: 'n', ñ: 'n', ň: 'n',
  ş: 'sh', ș: 'sh', š: 'sh', ś: 'sh', ç: 'ch', č: 'ch', ć: 'ch', ž: 'zh', ź: 'z', ż: 'z',
  ł: 'l', đ: 'd', ď: 'd', ť: 't', ř: 'r', ß: 'ss', æ: 'ae', œ: 'oe',
} as const satisfies Record<string, string>;

/**
 * Latin spelling habits, longest first wins. Sources differ (passport ICAO, BGN/PCGN, Kazakh Latin,
 * English and German habits); each is read to the sound it stands for.
 */
export const latinSpellings = {
  shch: 'sh', // щ, folded onto ш
  dzh: 'zh', // Russian-style ж (Dzhansugurov)
  tch: 'ch',
  sch: 'sh', // German ш
  zh: 'zh',
  dj: 'zh', // French-style ж (Djansugurov)
  sh: 'sh',
  ch: 'ch',
  kh: 'h', // х: Akhmet = Ahmet
  gh: 'g', // BGN/PCGN Kazakh ғ: Nyghmet = Нығмет
  ts: 'ts',
  tz: 'ts',
  ph: 'f',
  ck: 'k',
  ye: 'e', // е after a vowel or at the start: Zhumabayev = Жумабаев, Yerlan = Ерлан
  j: 'zh', // Kazakh Latin and common usage: Magjan = Мағжан
  q: 'k', // Kazakh Latin қ: Rysqulov = Рысқұлов
  w: 'u', // Kazakh у as a glide (Áwezov)
  x: 'ks',
  y: 'i', // ы or й: Baytursynov = Baitursynov = Байтұрсынов
  c: 'k', // a lone c (ch and ts are digraphs above)
} as const satisfies Record<string, string>;

/** Kazakh Latin 2017 wrote ш and ч with an apostrophe (S'okan); elsewhere an apostrophe is a soft sign or a mark and is dropped. */
export const latinApostropheSpellings = {
  "s'": 'sh',
  "c'": 'ch',
} as const satisfies Record<string, string>;

/** Kazakh Latin 2017 wrote у as y' (Tiley', Y'alihan), wherever it stands. */
export const latinApostropheVowels = {
  "y'": 'u',
} as const satisfies Record<string, string>;

/** Characters read as an apostrophe (dropped, or part of the digraphs above). */
export const apostrophes = "'’‘ʼʻ`´ʹ′";

/** Hyphens inside a word join its parts (Нұрмұхамед-ұлы = Нұрмұхамедұлы). */
export const wordHyphens = '-‐‑';

/**
 * Letters that look alike across the two scripts. A word typed or OCR-read with one foreign letter inside
 * (a Cyrillic а in "Bаitursynov") is read in the script of the majority of its letters.
 * Keys are Cyrillic, values Latin; case matters (Н looks like H, н does not look like h).
 */
export const cyrillicLatinHomoglyphs = {
  А: 'A', а: 'a', В: 'B', Е: 'E', е: 'e', К: 'K', к: 'k', М: 'M', Н: 'H', О: 'O', о: 'o', Р: 'P', р: 'p',
  С: 'C', с: 'c', Т: 'T', У: 'Y', у: 'y', Х: 'X', х: 'x', І: 'I', і: 'i', Ј: 'J', ј: 'j', Һ: 'H', һ: 'h',
  Ү: 'Y', Ѕ: 'S', ѕ: 's', Ԛ: 'Q', ԛ: 'q', Ԝ: 'W', ԝ: 'w',
} as const satisfies Record<string, string>;

/** Digits OCR puts in place of letters, by the script of the word they appear in. */
export const digitHomoglyphs = {
  latin: { '0': 'o', '1': 'l', '5': 's' },
  cyrillic: { '0': 'о', '1': 'і', '3': 'з', '4': 'ч', '6': 'б' },
} as const satisfies Record<'latin' | 'cyrillic', Record<string, string>>;

/**
 * Turkic patronymic particles written as a separate word (Нұрмұхамед ұлы): joined to the word before.
 * Listed folded.
 */
export const patronymicParticles = ['uli', 'ulu', 'kizi', 'ogli', 'oglu', 'ugli', 'gizi'] as const;
