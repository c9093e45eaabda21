/**
 * Suffixes that mark a word as a surname or a patronymic and carry gender. They are cut off to get the
 * stem, so the Russian and the Kazakh forms of one name meet: Байтурсынов = Байтұрсынұлы = Байтұрсын,
 * Нурмухамедович = Нұрмұхамедұлы.
 */
import { toPhonemes } from './fold-name.js';

export type SuffixKind = 'patronymic' | 'turkic' | 'surname';
export type NameGender = 'male' | 'female';

export interface NameSuffix {
  /** Folded spelling (zh, sh, ch, ts as digraphs). */
  suffix: string;
  /** `turkic` (-ұлы, -қызы) marks a surname or a patronymic: Kazakh uses it for both. */
  kind: SuffixKind;
  gender: NameGender;
  /** Russian drops the й of a name ending in a vowel + й before -ев: Жұмабай → Жумабаев, Сергей → Сергеевич. */
  restoresI?: boolean;
  /** Shortest stem left after cutting; shorter words keep the suffix (Лев, Ильич, Марина). */
  minStem?: number;
}

export const nameSuffixes: readonly NameSuffix[] = [
  { suffix: 'ovich', kind: 'patronymic', gender: 'male' },
  { suffix: 'evich', kind: 'patronymic', gender: 'male', restoresI: true },
  { suffix: 'ovna', kind: 'patronymic', gender: 'female' },
  { suffix: 'evna', kind: 'patronymic', gender: 'female', restoresI: true },
  { suffix: 'ichna', kind: 'patronymic', gender: 'female' }, // Ильинична, Кузьминична
  { suffix: 'ich', kind: 'patronymic', gender: 'male' }, // Кузьмич, Лукич
  { suffix: 'uli', kind: 'turkic', gender: 'male' }, // -ұлы, -улы, -uly
  { suffix: 'ulu', kind: 'turkic', gender: 'male' }, // Kyrgyz уулу
  { suffix: 'ogli', kind: 'turkic', gender: 'male' }, // Azerbaijani оглы
  { suffix: 'oglu', kind: 'turkic', gender: 'male' },
  { suffix: 'ugli', kind: 'turkic', gender: 'male' }, // Uzbek ўғли
  { suffix: 'kizi', kind: 'turkic', gender: 'female' }, // -қызы, -кызы, -kyzy
  { suffix: 'gizi', kind: 'turkic', gender: 'female' }, // Azerbaijani гызы
  { suffix: 'skaia', kind: 'surname', gender: 'female' },
  { suffix: 'ski', kind: 'surname', gender: 'male' }, // -ский, -sky, -skiy
  { suffix: 'ova', kind: 'surname', gender: 'female' },
  { suffix: 'eva', kind: 'surname', gender: 'female', restoresI: true },
  { suffix: 'ina', kind: 'surname', gender: 'female', minStem: 4 },
  { suffix: 'ov', kind: 'surname', gender: 'male' },
  { suffix: 'ev', kind: 'surname', gender: 'male', restoresI: true },
  { suffix: 'in', kind: 'surname', gender: 'male', minStem: 4 }, // Майлин, Сейфуллин; not Амин
];

const defaultMinStem = 3;
const vowels = new Set('aeiou');

// Longest first, so -ovich wins over -ich and -ova over -ov.
const byLength = nameSuffixes
  .map((entry) => ({ entry, phonemes: toPhonemes(entry.suffix) }))
  .sort((a, b) => b.phonemes.length - a.phonemes.length);

export interface Stemmed {
  /** The word without its suffix, in the one-character-per-sound alphabet. */
  stem: string;
  suffix?: NameSuffix;
}

export function stemPhonemes(phonemes: string): Stemmed {
  for (const { entry, phonemes: suffix } of byLength) {
    if (!phonemes.endsWith(suffix)) continue;
    let stem = phonemes.slice(0, -suffix.length);
    if (stem.length < (entry.minStem ?? defaultMinStem)) continue;
    const last = stem[stem.length - 1];
    if (entry.restoresI && vowels.has(last) && last !== 'i') stem += 'i';
    return { stem, suffix: entry };
  }
  return { stem: phonemes };
}
