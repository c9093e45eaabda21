import { parseArchivalReference, type ArchivalReference } from '../archival-reference/index.js';
import { parseUncertainDate, type UncertainDate } from '../uncertain-date/index.js';

/**
 * What the text of a document (its text layer or OCR) mentions that a person may want to link: archival
 * references, dates of the repression years and personal names. These are proposals only — a person
 * confirms or dismisses each one; nothing found here changes a case or the registry by itself.
 */
export type TextFinding =
  | { kind: 'reference'; text: string; page: number; reference: ArchivalReference }
  | { kind: 'date'; text: string; page: number; date: UncertainDate }
  | { kind: 'name'; text: string; page: number };

/** Dates outside these years are not about the repression and are not proposed. */
export const findingYears = { from: 1917, to: 1991 } as const;
/** A long OCR text proposes at most this many findings of each kind. */
export const maxFindingsPerKind = 25;

const monthNames = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
  'қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан',
];
const numericDate = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]*\d)/gu;
const wordDate = new RegExp(String.raw`(?<!\d)(\d{1,2})\s+(${monthNames.join('|')})\s+(\d{4})(?!\d)`, 'giu');
/** A reference starts at its fond keyword and runs at most to the end of its line. */
const referenceStart = /(?<=^|[\s,;:(])(?:ф|f|фонд|fond)\.?\s*(?=[\dA-Za-zА-Яа-я№])/giu;

/** Abbreviations in capitals (ЦГА РК, АП РК, ГАРФ), ending right before the fond keyword. */
const archiveBefore = /(?:(?<=^|[\s(])[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]{2,8}\.?\s+)*[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]{2,8}[.,:]?\s*$/u;
const upper = 'А-ЯЁӘҒҚҢӨҰҮҺІ';
const lower = 'а-яёәғқңөұүһі';
const nameWord = new RegExp(String.raw`[${upper}](?:[${lower}]+|[${upper}]+)(?:-[${upper}${lower}][${lower}${upper}]+)?`, 'u');
const nameSequence = new RegExp(String.raw`(?<![\p{L}-])(?:${nameWord.source})(?:\s+(?:${nameWord.source})){1,2}(?![\p{L}-])`, 'gu');
/** Surname and patronymic endings of Russian and Kazakh names (as written in the 1920s–50s and today). */
const nameEnding = /(?:ов|ев|ёв|ин|ын|ский|цкий|ова|ева|ёва|ина|ына|ская|цкая|вич|вна|ична|ұлы|улы|қызы|кызы|оглы)$/iu;

export function findInText(text: string): TextFinding[] {
  const pages = text.split('\f');
  const found: TextFinding[] = [];
  const seen = new Set<string>();
  const add = (finding: TextFinding, key: string) => {
    if (seen.has(key) || found.filter((f) => f.kind === finding.kind).length >= maxFindingsPerKind) return;
    seen.add(key);
    found.push(finding);
  };
  pages.forEach((pageText, index) => {
    const page = index + 1;
    for (const line of pageText.split('\n')) {
      for (const reference of referencesIn(line)) add({ kind: 'reference', text: reference.written, page, reference: reference.value }, `r:${reference.value.text}`);
      for (const date of datesIn(line)) add({ kind: 'date', text: date.text, page, date }, `d:${date.earliest}:${date.latest}`);
      for (const name of namesIn(line)) add({ kind: 'name', text: name, page }, `n:${name.toLowerCase()}`);
    }
  });
  return found;
}

function referencesIn(line: string): Array<{ written: string; value: ArchivalReference }> {
  const found: Array<{ written: string; value: ArchivalReference }> = [];
  for (const start of line.matchAll(referenceStart)) {
    // an archive named by its abbreviation just before the fond ("ЦГА РК, ф. 141") belongs to the reference
    const archive = archiveBefore.exec(line.slice(0, start.index))?.[0] ?? '';
    // the longest prefix of the rest of the line that reads as a whole reference
    const words = (archive + line.slice(start.index)).split(/\s+/).slice(0, 20);
    for (let count = words.length; count >= 3; count--) {
      const written = words.slice(0, count).join(' ').replace(/[\s,;.:)]+$/u, '');
      const parsed = parseArchivalReference(written);
      if (parsed.ok) {
        found.push({ written, value: parsed.value });
        break;
      }
    }
  }
  return found;
}

function datesIn(line: string): UncertainDate[] {
  const dates: UncertainDate[] = [];
  for (const match of [...line.matchAll(numericDate), ...line.matchAll(wordDate)]) {
    const year = Number(match[3]);
    if (year < findingYears.from || year > findingYears.to) continue;
    const parsed = parseUncertainDate(match[0]);
    if (parsed.ok && parsed.value.precision === 'day') dates.push(parsed.value);
  }
  return dates;
}

function namesIn(line: string): string[] {
  const names: string[] = [];
  for (const match of line.matchAll(nameSequence)) {
    const words = match[0].split(/\s+/);
    if (!words.some((word) => nameEnding.test(word))) continue;
    // "ЖУМАБАЕВ Кабдолла" → "Жумабаев Кабдолла": names are proposed as people write them
    names.push(words.map((word) => (word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word)).join(' '));
  }
  return names;
}
