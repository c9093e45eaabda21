/**
 * Search keys of a person's name, computed once when a record is written and stored beside it, and
 * computed the same way for a query. Word order is free in the registers (Бөкейханов Әлихан Нұрмұхамедұлы,
 * Alikhan Bokeikhan), so the stored keys are order-insensitive; roles are a best guess from suffixes and,
 * failing that, from position.
 */
import { collapseDoubles, foldWords, renderPhonemes } from './fold-name.js';
import { patronymicParticles } from './folding-table.js';
import { stemPhonemes, type NameGender, type NameSuffix } from './name-suffixes.js';
import { phoneticCode } from './phonetic-code.js';

export type NameRole = 'surname' | 'given' | 'patronymic';

export interface NamePart {
  /** The folded word, suffix kept. */
  token: string;
  /** The folded word without its surname or patronymic suffix; for an initial, the initial itself. */
  stem: string;
  /** Phonetic code of the stem. */
  phonetic: string;
  /** "A.", "Zh.", "Mukh." or a one-letter word: stands for any word that begins with it. */
  initial: boolean;
  role: NameRole;
  /** `suffix` when a suffix said so (-ов, -ович), `position` when guessed from word order. */
  roleFrom: 'suffix' | 'position';
  gender?: NameGender;
  suffix?: NameSuffix;
}

export interface NameKeys {
  /** Folded words in the order written (suffixes kept; Turkic particles joined to their word). */
  tokens: string[];
  /** Stems of the full words, sorted and joined by spaces: the pg_trgm column. Initials are left out. */
  skeleton: string;
  surnameStem?: string;
  givenStem?: string;
  /** Initial sounds of the given name(s) then the patronymic, each followed by a dot: "a.n.", "zh.". */
  initials: string;
  /** One phonetic code per token, in token order. */
  phonetic: string[];
  /** Everything compareNames needs, so candidates can be ranked without normalising them again. */
  parts: NamePart[];
  /** From the suffixes (-ов / -ова, -ұлы / -қызы); absent when they say nothing or disagree. */
  gender?: NameGender;
}

const particles = new Set<string>(patronymicParticles);
// a dotted word of up to three sounds ("Mukh.") is an abbreviation; a longer one is a word before a full stop
const longestAbbreviation = 3;

interface Word {
  phonemes: string;
  spelled: string;
  dotted: boolean;
}

/** Joins a separate Turkic particle to the word before it (Нұрмұхамед ұлы = Нұрмұхамедұлы). */
function joinParticles(words: Word[]): Word[] {
  const joined: Word[] = [];
  for (const word of words) {
    const previous = joined[joined.length - 1];
    if (previous && !previous.dotted && particles.has(renderPhonemes(word.phonemes))) {
      previous.phonemes += word.phonemes;
      previous.spelled += word.spelled;
    } else {
      joined.push({ ...word });
    }
  }
  return joined;
}

function toPart(word: Word): NamePart {
  const initial = word.phonemes.length === 1 || (word.dotted && word.phonemes.length <= longestAbbreviation);
  const token = renderPhonemes(word.phonemes);
  if (initial) {
    return { token, stem: token, phonetic: phoneticCode(token), initial, role: 'given', roleFrom: 'position' };
  }
  // suffixes are cut before doubled letters collapse: Сергеевич is серге-евич, whose stem is Сергей
  const stemmed = stemPhonemes(word.spelled);
  const stem = renderPhonemes(collapseDoubles(stemmed.stem));
  const suffix = stemmed.suffix;
  return { token, stem, phonetic: phoneticCode(stem), initial, role: 'given', roleFrom: 'position', gender: suffix?.gender, suffix };
}

/**
 * Surname: a word with a surname suffix; else a -ұлы word unless it ends a name of three or more words
 * (documents write surname, given name, patronymic); else the first of three or more words, or the last of
 * two (people write "Alikhan Bokeikhan"). Patronymic: a -ович word, else a -ұлы word that is not the surname.
 */
function assignRoles(parts: NamePart[]): void {
  const full = parts.filter((part) => !part.initial);
  const last = full[full.length - 1];
  let surname = full.find((part) => part.suffix?.kind === 'surname');
  let patronymic = full.find((part) => part.suffix?.kind === 'patronymic');
  const surnameFromSuffix = surname !== undefined;
  const patronymicFromSuffix = patronymic !== undefined;
  const turkic = full.filter((part) => part.suffix?.kind === 'turkic');
  surname ??= turkic.find((part) => !(full.length >= 3 && part === last));
  patronymic ??= turkic.find((part) => part !== surname);
  if (!surname) {
    const rest = full.filter((part) => part !== patronymic);
    surname = full.length >= 3 ? rest[0] : rest[rest.length - 1];
  }
  if (!patronymic && full.length >= 3) patronymic = full.filter((part) => part !== surname)[1];
  let givenSeen = false;
  for (const part of parts) {
    if (part === surname) {
      part.role = 'surname';
      part.roleFrom = surnameFromSuffix ? 'suffix' : 'position';
    } else if (part === patronymic) {
      part.role = 'patronymic';
      part.roleFrom = patronymicFromSuffix ? 'suffix' : 'position';
    } else if (part.initial && givenSeen && !patronymic) {
      part.role = 'patronymic'; // "Байтұрсынов А.Б.": the second initial is the father's
    } else {
      part.role = 'given';
      givenSeen = true;
    }
  }
}

function nameGender(parts: NamePart[]): NameGender | undefined {
  let gender: NameGender | undefined;
  for (const part of parts) {
    if (!part.gender) continue;
    if (gender && gender !== part.gender) return undefined; // -ов with -қызы: the suffixes disagree, say nothing
    gender = part.gender;
  }
  return gender;
}

/** Names longer than this are notes, not names; only the first words are keyed (and compared). */
export const maxNameWords = 12;

export function normaliseName(fullName: string): NameKeys {
  const words = joinParticles(foldWords(fullName));
  if (words.length > maxNameWords) words.length = maxNameWords;
  const parts = words.map(toPart);
  assignRoles(parts);
  const tokens: string[] = [];
  const phonetic: string[] = [];
  const stems: string[] = [];
  const givenInitials: string[] = [];
  const patronymicInitials: string[] = [];
  let surnameStem: string | undefined;
  let givenStem: string | undefined;
  for (const part of parts) {
    tokens.push(part.token);
    phonetic.push(part.phonetic);
    if (!part.initial) {
      stems.push(part.stem);
      if (part.role === 'surname') surnameStem ??= part.stem;
      if (part.role === 'given') givenStem ??= part.stem;
    }
    if (part.role === 'given') givenInitials.push(`${initialOf(part.stem)}.`);
    if (part.role === 'patronymic') patronymicInitials.push(`${initialOf(part.stem)}.`);
  }
  const keys: NameKeys = {
    tokens,
    skeleton: stems.sort().join(' '),
    initials: givenInitials.join('') + patronymicInitials.join(''),
    phonetic,
    parts,
  };
  if (surnameStem !== undefined) keys.surnameStem = surnameStem;
  if (givenStem !== undefined) keys.givenStem = givenStem;
  const gender = nameGender(parts);
  if (gender) keys.gender = gender;
  return keys;
}

/** The first sound of a folded word, digraphs kept whole: "zhusipbek" → "zh". */
export function initialOf(folded: string): string {
  const two = folded.slice(0, 2);
  return two === 'zh' || two === 'sh' || two === 'ch' || two === 'ts' ? two : folded.slice(0, 1);
}

/**
 * The keys as columns to store, null where a name has none.
 *
 * - `skeleton`: text, GIN index with gin_trgm_ops; query with `skeleton % $1` / `similarity()`.
 * - `phoneticKey`: text, btree; the sorted codes of the surname and given name(s). The patronymic is left
 *   out because one side so often lacks it; initials are left out because they say too little.
 * - `surnameStem`, `surnamePhonetic`: btree, for blocking when a query has only a surname and initials.
 */
export interface NameSearchKeys {
  skeleton: string;
  phoneticKey: string;
  surnameStem: string | null;
  surnamePhonetic: string | null;
  givenStem: string | null;
  initials: string;
}

export function nameSearchKeys(fullName: string): NameSearchKeys {
  const keys = normaliseName(fullName);
  const surname = keys.parts.find((part) => part.role === 'surname' && !part.initial);
  return {
    skeleton: keys.skeleton,
    phoneticKey: keys.parts
      .filter((part) => !part.initial && part.role !== 'patronymic')
      .map((part) => part.phonetic)
      .sort()
      .join(' '),
    surnameStem: keys.surnameStem ?? null,
    surnamePhonetic: surname?.phonetic ?? null,
    givenStem: keys.givenStem ?? null,
    initials: keys.initials,
  };
}
