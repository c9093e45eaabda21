/**
 * A compact phonetic code for one folded word: the consonant skeleton, with the pairs that Kazakh and
 * Russian spellings swap merged into one class. Vowels are dropped (Бөкейхан / Букейхан differ only in
 * them); a word that starts with a vowel keeps a single A so Ахмет and Хамит stay apart.
 */

/** Consonant classes: every key in a class gets the same code. */
export const phoneticClasses = {
  b: 'P', p: 'P', // Тынышбаев = Тынышпаев
  v: 'F', f: 'F',
  d: 'T', t: 'T', // Ахмет = Ахмед
  g: 'K', k: 'K', h: 'K', // қ, к, г, ғ, х, һ: Қожа = Хожа, Нығмет = Нигмет
  z: 'S', s: 'S', ts: 'S',
  zh: 'J', sh: 'J', ch: 'J', // ж/ш voiced pair; Шоқан = Чокан
  l: 'L', r: 'R', m: 'M', n: 'N',
  rn: 'M', // OCR reads m as rn and rn as m; both spellings of a word get one code
} as const satisfies Record<string, string>;

const classes: Record<string, string> = phoneticClasses;
const vowels = new Set('aeiou');
// first letters of the two-letter keys, so most letters need no pair lookup
const pairStarts = new Set(Object.keys(classes).filter((key) => key.length === 2).map((key) => key[0]));

/** `phoneticCode('bokeihan') === phoneticCode('bukeihan') === 'PKKN'`. Input is a folded (rendered) word. */
export function phoneticCode(folded: string): string {
  let code = '';
  let previous = '';
  let i = 0;
  if (vowels.has(folded[0] ?? '')) {
    // Kazakh уә/уа is Russian ва (Уәлиханов = Валиханов); any other opening vowel is just "a vowel"
    const glide = folded[0] === 'u' && vowels.has(folded[1] ?? '');
    code = glide ? 'F' : 'A';
    previous = code;
    i = glide ? 1 : 0;
  }
  while (i < folded.length) {
    const ch = folded[i];
    if (vowels.has(ch)) {
      previous = '';
      i += 1;
      continue;
    }
    const pair = pairStarts.has(ch) && i + 1 < folded.length ? classes[ch + folded[i + 1]] : undefined;
    const symbol = pair ?? classes[ch] ?? '';
    i += pair ? 2 : 1;
    // two consonants of one class side by side are heard as one (Бекқожа = Бекожа)
    if (symbol && symbol !== previous) code += symbol;
    if (symbol) previous = symbol;
  }
  return code;
}
