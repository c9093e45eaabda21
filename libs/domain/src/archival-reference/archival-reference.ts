/**
 * Soviet-style archival references — фонд / опись / дело / лист (fond / opis / delo / list) — parsed into
 * a structured value so that facts cite their source precisely and the same file written two ways
 * (`ф. Р-1137, оп. 5, д. 12` and `f. R-1137, op. 5, d. 12`) is recognised as one (DESIGN.md §1).
 *
 * Accepted: Russian abbreviations and full words (`ф.`, `фонд`, `оп.`, `опись`, `д.`, `дело`, `л.`, `лл.`,
 * `лист(ы)`), their Latin transliterations (`f.`, `op.`, `d.`, `l.`, `ll.`), Kazakh words before the number
 * (`қор 141, тізбе 1, іс 1234, парақ 5–7`) and after it (`141-қор, 1-тізбе, 1234-іс, 5–7-парақтар`), any text
 * before the fond as the archive (`АП РК, ф. 141, …`), `№` before a number, and sheets as numbers, ranges and
 * lists with versos (`5, 7, 9–11`, `3 об.–4`, `3v–4`).
 *
 * The structured value is kept in Cyrillic, the archives' own script: Latin letters in a number are read as a
 * transliteration when the reference is written in Latin (`R-1137` → `Р-1137`, `P-1` → `П-1`) and as
 * look-alikes typed on the wrong keyboard when it is written in Cyrillic (`ф. P-1137` → `Р-1137`).
 * The archive is kept as written: archive codes have their own Latin forms (`АП РК` / `APRK`).
 */

export type ArchivalScript = 'cyrl' | 'latin';

export interface SheetRange {
  from: number;
  to: number;
  /** The range starts on the back (оборот) of sheet `from`. */
  fromVerso?: boolean;
  /** The range ends on the back of sheet `to`, which is then included whole. */
  toVerso?: boolean;
}

export interface ArchivalReference {
  /** The archive as written before the fond, e.g. `АП РК`; absent when the reference starts with the fond. */
  archive?: string;
  fond: string;
  opis: string;
  delo: string;
  /** Empty when the reference cites the whole file. */
  sheets: SheetRange[];
  /** The canonical Cyrillic form, e.g. `ф. 141, оп. 1, д. 1234, л. 5–7`: equal references have equal text. */
  text: string;
}

export type ArchivalReferencePart = 'fond' | 'opis' | 'delo' | 'sheets' | 'format';

export interface ArchivalReferenceError {
  part: ArchivalReferencePart;
  /** Names what could not be read and what was expected, for the person who typed it. */
  message: string;
}

export type ArchivalReferenceResult =
  | { ok: true; value: ArchivalReference }
  | { ok: false; error: ArchivalReferenceError };

type Kind = 'fond' | 'opis' | 'delo' | 'sheets' | 'volume';

// Longer words first so that `дело` is not read as `д` followed by `ело`.
const keywords: ReadonlyArray<{ kind: Kind; script: ArchivalScript; words: readonly string[] }> = [
  { kind: 'fond', script: 'cyrl', words: ['фонд', 'ф', 'қор'] },
  { kind: 'fond', script: 'latin', words: ['fond', 'f'] },
  { kind: 'opis', script: 'cyrl', words: ['опись', 'оп', 'тізбе'] },
  { kind: 'opis', script: 'latin', words: ["opis'", 'opis’', 'opis', 'op'] },
  { kind: 'delo', script: 'cyrl', words: ['дело', 'д', 'іс'] },
  { kind: 'delo', script: 'latin', words: ['delo', 'd'] },
  { kind: 'sheets', script: 'cyrl', words: ['листов', 'листы', 'листа', 'лист', 'лл', 'л', 'парақтар', 'парақ'] },
  { kind: 'sheets', script: 'latin', words: ['listy', 'list', 'll', 'l'] },
  // Recognised only to say plainly that volumes are not supported, instead of a puzzling error on the delo.
  { kind: 'volume', script: 'cyrl', words: ['том', 'т'] },
  { kind: 'volume', script: 'latin', words: ['tom', 'vol'] },
];

const keywordByWord = new Map(keywords.flatMap((k) => k.words.map((word) => [word, k] as const)));
const keywordAlternatives = [...keywordByWord.keys()]
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
// A keyword stands alone: after the start or a separator, and followed by a dot, a space, a digit or the end.
const keywordPattern = new RegExp(`(?<=^|[\\s,;.:(])(${keywordAlternatives})(?:\\.|(?=[\\s\\d№]|$))`, 'giu');

// Kazakh citations put the number first: `141-қор, 1-тізбе, 1234-іс, 5–7-п.`; rewritten to `қор 141, …`.
const kazakhPostfix = /(?<=^|[\s,;.:(])([^\s,;]+?)-(қор|қ\.|тізбе|т\.|іс|парақтар|парақ|пп\.|п\.)(?=$|[\s,;.:)])/giu;
const kazakhPostfixWord: Record<string, string> = {
  'қор': 'қор', 'қ.': 'қор', 'тізбе': 'тізбе', 'т.': 'тізбе', 'іс': 'іс',
  'парақтар': 'парақтар', 'парақ': 'парақ', 'пп.': 'парақтар', 'п.': 'парақ',
};

const partLabel: Record<Kind, string> = { fond: 'fond', opis: 'opis', delo: 'delo', sheets: 'sheets', volume: 'volume' };
const order: readonly Kind[] = ['fond', 'opis', 'delo', 'sheets'];
const maxLength = 500; // a reference is one line; longer input is a pasted paragraph, not a reference

export function parseArchivalReference(input: string): ArchivalReferenceResult {
  const written = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (written === '') return failure('format', "the reference is empty: expected e.g. 'ф. 141, оп. 1, д. 1234, л. 5–7'");
  if (written.length > maxLength) {
    return failure('format', `the reference is ${written.length} characters long; a reference has at most ${maxLength}`);
  }
  const source = written.replace(kazakhPostfix, (_all, value: string, word: string) => `${kazakhPostfixWord[word.toLowerCase()]} ${value}`);

  const found = [...source.matchAll(keywordPattern)].map((match) => {
    const keyword = keywordByWord.get(match[1].toLowerCase())!;
    return { ...keyword, word: match[0], start: match.index, end: match.index + match[0].length };
  });

  const fondAt = found.findIndex((k) => k.kind === 'fond');
  if (fondAt === -1) return failure('fond', "no fond found: expected 'ф. 141' or 'f. 141'");
  const firstOther = found.find((k) => k.kind !== 'fond');
  if (firstOther && firstOther.start < found[fondAt].start) {
    return failure('format', `'${firstOther.word.trim()}' comes before the fond: write the fond, opis, delo and sheets in this order`);
  }

  const parts = found.slice(fondAt);
  const volume = parts.find((k) => k.kind === 'volume');
  if (volume) {
    return failure('format', `volumes ('${volume.word.trim()} …') are not supported in a reference: cite the delo and its sheets`);
  }
  const values = new Map<Kind, { word: string; value: string }>();
  for (const [index, part] of parts.entries()) {
    if (values.has(part.kind)) return failure('format', `the ${partLabel[part.kind]} is given twice`);
    const previous = parts[index - 1];
    if (previous && order.indexOf(previous.kind) > order.indexOf(part.kind)) {
      const verb = part.kind === 'sheets' ? 'come' : 'comes';
      return failure('format', `the ${part.kind} ${verb} after the ${previous.kind}: write the fond, opis, delo and sheets in this order`);
    }
    const next = parts[index + 1];
    const value = source
      .slice(part.end, next ? next.start : source.length)
      .replace(/^[\s.:]+/, '')
      .replace(/[\s,;.:]+$/, '');
    values.set(part.kind, { word: part.word.trim(), value });
  }

  // Latin letters in the numbers are read according to the script of the fond keyword.
  const script = parts[0].script;
  // The separator before the fond goes; a full stop that ends an abbreviation (`обл.,`) stays.
  const archive = source.slice(0, parts[0].start).replace(/^[\s,;:.]+/, '').replace(/\s*[,;:]\s*$|\.?\s*$/, '') || undefined;

  const fond = readFond(values.get('fond')!, script);
  if (!fond.ok) return fond;
  const opis = values.get('opis');
  if (!opis) return failure('opis', "no opis found after the fond: expected 'оп. 1' or 'op. 1'");
  const opisValue = readNumber('opis', opis, script, "'оп. 1' or 'оп. 2/а'");
  if (!opisValue.ok) return opisValue;
  const delo = values.get('delo');
  if (!delo) return failure('delo', "no delo found after the opis: expected 'д. 1234' or 'd. 1234'");
  const deloValue = readNumber('delo', delo, script, "'д. 1234' or 'д. 12/а'");
  if (!deloValue.ok) return deloValue;
  const sheetsPart = values.get('sheets');
  const sheets = sheetsPart ? readSheets(sheetsPart) : { ok: true as const, value: [] };
  if (!sheets.ok) return sheets;

  const reference: Omit<ArchivalReference, 'text'> = { fond: fond.value, opis: opisValue.value, delo: deloValue.value, sheets: sheets.value };
  if (archive !== undefined) reference.archive = archive;
  return { ok: true, value: { ...reference, text: formatArchivalReference(reference, 'cyrl') } };
}

/** Writes a reference in Cyrillic (Russian abbreviations, the canonical `text`) or in Latin transliteration. */
export function formatArchivalReference(value: Omit<ArchivalReference, 'text'>, script: ArchivalScript): string {
  const latin = script === 'latin';
  const number = (text: string) => (latin ? cyrillicToLatin(text) : text);
  const parts = [
    `${latin ? 'f.' : 'ф.'} ${number(value.fond)}`,
    `${latin ? 'op.' : 'оп.'} ${number(value.opis)}`,
    `${latin ? 'd.' : 'д.'} ${number(value.delo)}`,
  ];
  if (value.sheets.length > 0) parts.push(`${latin ? 'l.' : 'л.'} ${value.sheets.map((s) => formatSheets(s, latin)).join(', ')}`);
  if (value.archive) parts.unshift(value.archive);
  return parts.join(', ');
}

function formatSheets(range: SheetRange, latin: boolean): string {
  const verso = latin ? ' ob.' : ' об.';
  const from = `${range.from}${range.fromVerso ? verso : ''}`;
  if (range.from === range.to && !!range.fromVerso === !!range.toVerso) return from;
  return `${from}–${range.to}${range.toVerso ? verso : ''}`;
}

type Read<T> = { ok: true; value: T } | { ok: false; error: ArchivalReferenceError };

function failure(part: ArchivalReferencePart, message: string): { ok: false; error: ArchivalReferenceError } {
  return { ok: false, error: { part, message } };
}

function stripNumberSign(value: string): string {
  return value.replace(/^(?:№|no\.|n°)\s*/iu, '');
}

function readFond(part: { word: string; value: string }, script: ArchivalScript): Read<string> {
  const value = stripNumberSign(part.value);
  if (value === '') return failure('fond', `the fond has no number after '${part.word}': expected e.g. 'ф. 141' or 'ф. Р-1137'`);
  // A letter prefix (Р- for post-1917 state fonds, П- for party fonds) is joined to the number by a hyphen.
  const match = /^(?:(\p{L}{1,3})\s*[-‐‑–—]?\s*)?(\d+)(\p{L}{0,3})$/u.exec(value);
  if (!match) {
    return failure('fond', `could not read the fond '${value}': expected a number, optionally with a letter prefix, e.g. 'ф. 141' or 'ф. Р-1137'`);
  }
  const [, prefix, digits, suffix] = match;
  const fond = `${prefix ? `${prefix.toUpperCase()}-` : ''}${digits}${suffix}`;
  return { ok: true, value: toCyrillic(fond, script) };
}

function readNumber(kind: 'opis' | 'delo', part: { word: string; value: string }, script: ArchivalScript, example: string): Read<string> {
  const value = stripNumberSign(part.value);
  if (value === '') return failure(kind, `the ${kind} has no number after '${part.word}': expected e.g. ${example}`);
  // Letters and slashes occur (`д. 12/а`, `оп. 1л`), spaces do not: a space means something else follows.
  if (!/^[\p{L}\d]+(?:\s*[/\-–]\s*[\p{L}\d]+)*$/u.test(value) || !/\d/.test(value)) {
    return failure(kind, `could not read the ${kind} '${value}': expected e.g. ${example}`);
  }
  return { ok: true, value: toCyrillic(value.replace(/\s*([/\-–])\s*/g, (_all, sign: string) => (sign === '/' ? '/' : '-')), script) };
}

const verso = String.raw`(?:об|оборот|ob|v|verso)\.?`;
const sheetItem = new RegExp(String.raw`^(\d+)\s*(${verso})?(?:\s*[-‐‑–—]\s*(\d+)\s*(${verso})?)?$`, 'iu');

function readSheets(part: { word: string; value: string }): Read<SheetRange[]> {
  const example = "expected e.g. 'л. 5', 'л. 5–7', 'л. 5, 7, 9–11' or 'л. 3 об.–4'";
  if (part.value === '') return failure('sheets', `no sheet numbers after '${part.word}': ${example}`);
  const sheets: SheetRange[] = [];
  for (const item of part.value.split(/\s*[,;]\s*/)) {
    const match = sheetItem.exec(item);
    if (!match) return failure('sheets', `could not read the sheets '${item}': ${example}`);
    const from = Number(match[1]);
    const to = match[3] === undefined ? from : Number(match[3]);
    const fromVerso = match[2] !== undefined;
    // A single verso (`5 об.`) is the back of the sheet only: it starts and ends there.
    const toVerso = match[3] === undefined ? fromVerso : match[4] !== undefined;
    if (from < 1 || to < 1) return failure('sheets', `sheet numbers start at 1: '${item}'`);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) return failure('sheets', `the sheet number in '${item}' is too large`);
    if (to < from || (to === from && fromVerso && !toVerso)) {
      return failure('sheets', `the sheet range '${item}' ends before it starts`);
    }
    const range: SheetRange = { from, to };
    if (fromVerso) range.fromVerso = true;
    if (toVerso) range.toVerso = true;
    sheets.push(range);
  }
  return { ok: true, value: sheets };
}

// Latin capitals and small letters that look like Cyrillic ones: in a Cyrillic reference they were typed
// on the wrong keyboard.
const lookAlikes: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у',
};
// One Latin letter for one Cyrillic letter (both ways), so that a reference written out in Latin reads back
// to the same value; enough for the letters that occur in archival numbers.
const latinToCyrillic: Record<string, string> = {
  a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', e: 'е', z: 'з', i: 'и', j: 'й', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о',
  p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', f: 'ф', h: 'х', c: 'ц', y: 'ы', q: 'қ', w: 'в', x: 'х',
};
const cyrillicLatin: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'j', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', ә: 'a', ғ: 'g', қ: 'q', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};

function withCase(letter: string, mapped: string): string {
  return letter === letter.toLowerCase() ? mapped : mapped.toUpperCase();
}

function toCyrillic(text: string, script: ArchivalScript): string {
  return [...text]
    .map((letter) => {
      if (!/[A-Za-z]/.test(letter)) return letter;
      if (script === 'cyrl' && lookAlikes[letter]) return lookAlikes[letter];
      const mapped = latinToCyrillic[letter.toLowerCase()];
      return mapped === undefined ? letter : withCase(letter, mapped);
    })
    .join('');
}

function cyrillicToLatin(text: string): string {
  return [...text].map((letter) => {
    const mapped = cyrillicLatin[letter.toLowerCase()];
    return mapped === undefined ? letter : withCase(letter, mapped);
  }).join('');
}
