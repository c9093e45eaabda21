/**
 * Reads the words of a name into the folded ASCII alphabet of folding-table.ts.
 *
 * Internally each sound is one character (ж → j, ш → w, ч → c, ц → q) so that a Cyrillic кх stays k+h
 * while a Latin kh is one sound, and so that doubled letters can be collapsed without splitting digraphs.
 * Output is rendered back to readable ASCII (zh, sh, ch, ts). Everything is a single left-to-right scan
 * over table lookups: no backtracking, linear in the length of the name.
 */
import {
  apostrophes,
  cyrillicDigraphs,
  cyrillicLatinHomoglyphs,
  cyrillicLetters,
  digitHomoglyphs,
  latinApostropheSpellings,
  latinApostropheVowels,
  latinMarkedLetters,
  latinSpellings,
  patronymicParticles,
  wordHyphens,
} from './folding-table.js';

/** A word of a name as written, and whether a dot followed it (marks an initial: "A.", "Zh."). */
export interface RawWord {
  text: string;
  dotted: boolean;
}

/** A folded word: `phonemes` in the one-character-per-sound alphabet, `text` rendered (zh, sh, ch, ts). */
export interface FoldedWord {
  /** Doubled letters collapsed. */
  phonemes: string;
  /** Doubled letters kept, for suffix rules that need them (Сергеевич: the stem is серге + й). */
  spelled: string;
  text: string;
  dotted: boolean;
}

// Letters, marks, digits, apostrophes and in-word hyphens make a word; one optional dot ends it.
// A single character class under one quantifier cannot backtrack.
const wordPattern = /[\p{L}\p{M}\p{N}'’‘ʼʻ`´ʹ′\-‐‑]+\.?/gu;

export function splitName(fullName: string): RawWord[] {
  const words: RawWord[] = [];
  for (const match of fullName.normalize('NFC').matchAll(wordPattern)) {
    const dotted = match[0].endsWith('.');
    words.push({ text: dotted ? match[0].slice(0, -1) : match[0], dotted });
  }
  return words;
}

const phonemeOf: Record<string, string> = { zh: 'j', sh: 'w', ch: 'c', ts: 'q' };
const renderingOf: Record<string, string> = { j: 'zh', w: 'sh', c: 'ch', q: 'ts' };

/** Table targets (written zh, sh, ch, ts) to one character per sound. */
export function toPhonemes(target: string): string {
  let out = '';
  for (let i = 0; i < target.length; i += 1) {
    const pair = phonemeOf[target.slice(i, i + 2)];
    if (pair) {
      out += pair;
      i += 1;
    } else {
      out += target[i];
    }
  }
  return out;
}

const digraphPhoneme = /[jwcq]/g;

export function renderPhonemes(phonemes: string): string {
  return phonemes.replace(digraphPhoneme, (ch) => renderingOf[ch]);
}

interface Rule {
  from: string;
  to: string;
  beforeVowel: boolean;
}

const latinVowels = new Set('aeiouyáäàâóöôúüūûıíìîéèêëýə');

// Rules indexed by first character, longest first, so a lookup is one Map hit and a few startsWith.
const rulesByFirst = new Map<string, Rule[]>();
function addRule(from: string, to: string, beforeVowel = false): void {
  const list = rulesByFirst.get(from[0]) ?? [];
  list.push({ from, to: toPhonemes(to), beforeVowel });
  list.sort((a, b) => b.from.length - a.from.length);
  rulesByFirst.set(from[0], list);
}
for (const [from, to] of Object.entries(cyrillicLetters)) addRule(from, to);
for (const [from, to] of Object.entries(cyrillicDigraphs)) addRule(from, to);
for (const [from, to] of Object.entries(latinMarkedLetters)) addRule(from, to);
for (const [from, to] of Object.entries(latinSpellings)) addRule(from, to);
for (const [from, to] of Object.entries(latinApostropheSpellings)) addRule(from, to, true);
for (const [from, to] of Object.entries(latinApostropheVowels)) addRule(from, to);

const silent = new Set([...apostrophes, ...wordHyphens]);

const latinToCyrillic = new Map<string, string>();
for (const [cyrillic, latin] of Object.entries(cyrillicLatinHomoglyphs)) {
  if (!latinToCyrillic.has(latin)) latinToCyrillic.set(latin, cyrillic);
}
const cyrillicToLatin = new Map<string, string>(Object.entries(cyrillicLatinHomoglyphs));

function isCyrillic(code: number): boolean {
  return code >= 0x0400 && code <= 0x052f;
}
function isLatin(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff);
}
function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
function isLowerLatin(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && ch >= 'a' && ch <= 'z';
}

/**
 * Puts a word into one script and undoes the usual OCR confusions, while case is still known:
 * homoglyphs of the minority script, digits for letters (0/O, 1/l/I), an I inside a lowercase word (an l),
 * and "ll" at the start (an I).
 */
function prepareWord(raw: string): string {
  let cyrillic = 0;
  let latin = 0;
  let digitCount = 0;
  let capitalI = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    if (isCyrillic(code)) cyrillic += 1;
    else if (isLatin(code)) {
      latin += 1;
      if (code === 0x49 && i > 0) capitalI += 1;
    } else if (isDigit(code)) digitCount += 1;
  }
  if (cyrillic + latin === 0) return ''; // numbers and punctuation are not names
  const script = latin > cyrillic ? 'latin' : 'cyrillic';
  // the common case, one script and nothing OCR-like, needs no second pass
  const suspicious = digitCount > 0 || (cyrillic > 0 && latin > 0) || (script === 'latin' && (capitalI > 0 || raw.startsWith('ll')));
  if (!suspicious) return raw.toLowerCase();
  const digits: Record<string, string> = digitHomoglyphs[script];
  const chars = [...raw];
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i];
    const code = ch.charCodeAt(0);
    if (isDigit(code)) {
      // a 1 opening a capitalised Latin word stands for I (1lyas), elsewhere for l (A1ikhan)
      chars[i] = script === 'latin' && ch === '1' && i === 0 ? 'I' : (digits[ch] ?? '');
    } else if (script === 'latin' && isCyrillic(code)) {
      chars[i] = cyrillicToLatin.get(ch) ?? ch;
    } else if (script === 'cyrillic' && isLatin(code)) {
      chars[i] = latinToCyrillic.get(ch) ?? ch;
    }
  }
  if (script === 'latin') {
    // l and I are one glyph in sans-serif print: a capital I inside a word written in lower case is an l
    // (AIikhan, AlI), and a word never starts with ll (llyas)
    for (let i = 1; i < chars.length; i += 1) {
      if (chars[i] === 'I' && (isLowerLatin(chars[i + 1]) || (i + 1 === chars.length && isLowerLatin(chars[i - 1])))) chars[i] = 'l';
    }
    if (chars[0] === 'l' && chars[1] === 'l') chars[0] = 'i';
  }
  return chars.join('').toLowerCase();
}

function scan(prepared: string): string {
  let out = '';
  let i = 0;
  while (i < prepared.length) {
    const ch = prepared[i];
    const rules = rulesByFirst.get(ch);
    let matched = false;
    if (rules) {
      for (const rule of rules) {
        if (!prepared.startsWith(rule.from, i)) continue;
        if (rule.beforeVowel && !latinVowels.has(prepared[i + rule.from.length] ?? '')) continue;
        out += rule.to;
        i += rule.from.length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (isLowerLatin(ch)) {
      out += ch;
    } else if (!silent.has(ch)) {
      // an unlisted Latin letter loses its marks (ḱ → k); anything else is not part of a name key
      const base = ch.normalize('NFD')[0];
      if (base !== ch && isLowerLatin(base)) out += base;
    }
    i += 1;
  }
  return out;
}

/** Doubled letters are spelling noise (Сейфуллин / Seifulin, Iliyas → iliias → ilias). */
export function collapseDoubles(phonemes: string): string {
  let out = '';
  let previous = '';
  for (let i = 0; i < phonemes.length; i += 1) {
    const ch = phonemes[i];
    if (ch !== previous) out += ch;
    previous = ch;
  }
  return out;
}

const phonemeVowels = new Set('aeiou');

/**
 * A word-initial у before a consonant is read as о: Russian clerks and Arabic-style spellings swap them at
 * the start of a name (Оспан / Усман / Osman, Омар / Умар, Орал / Урал). Not a glide (Уәли stays).
 */
const particles = new Set<string>(patronymicParticles);
function foldWordStart(phonemes: string): string {
  // a separate ұлы (Нұрмұхамед ұлы) is a particle, not a name
  if (!phonemes.startsWith('u') || phonemeVowels.has(phonemes[1] ?? '') || particles.has(phonemes)) return phonemes;
  return `o${phonemes.slice(1)}`;
}

function foldWordToPhonemes(raw: string): string {
  return collapseDoubles(foldWordStart(scan(prepareWord(raw))));
}

/** One word folded and rendered: `foldWord('Бөкейхан') === 'bokeihan'`. */
export function foldWord(raw: string): string {
  return renderPhonemes(foldWordToPhonemes(raw));
}

export function foldWords(fullName: string): FoldedWord[] {
  const words: FoldedWord[] = [];
  for (const word of splitName(fullName)) {
    const spelled = foldWordStart(scan(prepareWord(word.text)));
    const phonemes = collapseDoubles(spelled);
    if (phonemes) words.push({ phonemes, spelled, text: renderPhonemes(phonemes), dotted: word.dotted });
  }
  return words;
}
