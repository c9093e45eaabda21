/**
 * How alike two names are, with the reasons, to rank search candidates and to show a reviewer why a
 * record was suggested. Words are paired up whatever their order; a missing patronymic costs little, a
 * given name that differs costs a lot (brothers share a surname and often a patronymic).
 */
import { renderCode, type Code, type Coded, type CodeParams } from '@aqtalu/contracts';
import { initialOf, normaliseName, type NameKeys, type NamePart, type NameRole } from './name-keys.js';
import { phoneticCode } from './phonetic-code.js';
import { trigramSimilarity } from './trigram.js';

/**
 * Suggest, never merge. At or above this score a candidate is shown to a person as "probably the same
 * person"; below it it is only a search result. No score merges two records on its own: namesakes, brothers
 * and fathers and sons pass any threshold a name alone can set, and merging victims' files is a decision
 * a person signs.
 */
export const autoMatchThreshold = 0.8;

export interface NameComparison {
  /** 0 (nothing alike) to 1 (same words, same suffixes). */
  score: number;
  /** Why, for a reviewer, in English: 'same skeleton', 'surname stem matches', 'initial matches given name', … */
  reasons: string[];
  /** The same reasons as codes of the catalogue, for a screen to say in its language. */
  codes: MatchReason[];
}

type MatchCode = Extract<Code, `match.${string}`>;
/** One reason two names were found alike (or not), as a code with its params. */
export type MatchReason = Coded<MatchCode>;

const reason = <C extends MatchCode>(code: C, ...[params]: CodeParams[C] extends Record<string, never> ? [] : [CodeParams[C]]): MatchReason =>
  ({ code, params: params ?? {} }) as MatchReason;

const roles: NameRole[] = ['surname', 'given', 'patronymic'];
/** Every reason compareNames can give, by its English text: reads back reasons stored as text. */
const reasonsByText = new Map<string, MatchReason>(
  [
    reason('match.nothing_to_compare'),
    reason('match.same_skeleton'),
    reason('match.compound_split'),
    reason('match.initials_match'),
    reason('match.patronymic_mismatch'),
    reason('match.single_word'),
    reason('match.gender_differs'),
    ...roles.flatMap((part) =>
      (['match.stem_matches', 'match.sounds_alike', 'match.spelled_similarly', 'match.initial_matches', 'match.differs', 'match.missing_on_one_side'] as const).map((code) => reason(code, { part })),
    ),
  ].map((coded) => [renderCode(coded.code, coded.params as never), coded]),
);

/** The code of a reason stored as English text (duplicate proposals keep their reasons as text), or null. */
export function matchReasonOf(text: string): MatchReason | null {
  return reasonsByText.get(text) ?? null;
}

type MatchKind = 'same' | 'sounds alike' | 'similar' | 'different' | 'initial' | 'initials';

interface PartMatch {
  sim: number;
  kind: MatchKind;
}

// Weights of the kinds of word match; tuned so an initial that agrees outranks a given name that differs, and two
// agreeing initials (Агеев Д. А. / Агеев Д. А.) are worth an initial against a full name (Агеев Дмитрий).
const weights = { same: 1, soundsAlike: 0.9, similarScale: 0.8, initial: 0.75, initials: 0.8 } as const;
// Below this a fuzzy word match counts as a different word (in the reasons, not in the score).
const differentBelow = 0.45;
const unmatchedWordCost = 0.03;
const singleWordFactor = 0.6;
const genderConflictFactor = 0.7;
const roleConflictFactor = 0.5;
// Brute force pairs words up exactly for names of ordinary length; beyond it, greedy pairing.
const exhaustiveLimit = 7;

/** Edit-distance similarity of two phonetic codes. */
function codeSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - previous[b.length] / Math.max(a.length, b.length);
}

/** Whether an initial or abbreviation ("A.", "Zh.", "Mukh.") can stand for a folded word. */
function abbreviates(abbreviation: string, word: string): boolean {
  const sound = initialOf(abbreviation);
  // one sound: compare whole sounds, so "S." does not stand for Shakarim
  if (sound === abbreviation) return initialOf(word) === sound;
  if (word.startsWith(abbreviation)) return true;
  // "Mukh." against Мұхамеджан: compare sounds, since the vowels of a longer abbreviation vary too
  const code = phoneticCode(abbreviation);
  return code.length > 1 && phoneticCode(word).startsWith(code);
}

function comparePart(x: NamePart, y: NamePart): PartMatch {
  if (x.initial && y.initial) {
    const agree = abbreviates(x.stem, y.stem) || abbreviates(y.stem, x.stem);
    return agree ? { sim: weights.initials, kind: 'initials' } : { sim: 0, kind: 'different' };
  }
  if (x.initial || y.initial) {
    const [abbreviation, word] = x.initial ? [x, y] : [y, x];
    return abbreviates(abbreviation.stem, word.token) ? { sim: weights.initial, kind: 'initial' } : { sim: 0, kind: 'different' };
  }
  if (x.stem === y.stem) return { sim: weights.same, kind: 'same' };
  if (x.phonetic === y.phonetic) return { sim: weights.soundsAlike, kind: 'sounds alike' };
  const key = x.stem < y.stem ? `${x.stem} ${x.phonetic} ${y.stem} ${y.phonetic}` : `${y.stem} ${y.phonetic} ${x.stem} ${x.phonetic}`;
  let match = wordMatches.get(key);
  if (!match) {
    // squared: two unrelated short codes still share a letter or two, and that must not look like a match
    const sim = weights.similarScale * Math.max(trigramSimilarity(x.stem, y.stem), codeSimilarity(x.phonetic, y.phonetic) ** 2);
    match = { sim, kind: sim < differentBelow ? 'different' : 'similar' };
    if (wordMatches.size >= maxWordMatches) wordMatches.clear();
    wordMatches.set(key, match);
  }
  return match;
}

/**
 * How alike two different full words are, kept: a search compares its words with a hundred and fifty
 * spellings that share most of theirs, a duplicate sweep the same common names again and again. Bounded.
 */
const wordMatches = new Map<string, PartMatch>();
const maxWordMatches = 200_000;

/**
 * A word an -ович suffix calls the father's name, paired with a word that is this person's own name:
 * Турар Рыскулов vs Рыскул Турарович are father and son. A Kazakh -ұлы word is exempt, since it serves
 * as surname and as patronymic alike (Әлихан Нұрмұхамедұлы = Бөкейханов Әлихан Нурмухамедович).
 */
function rolesConflict(x: NamePart, y: NamePart): boolean {
  const xPatronymic = x.suffix?.kind === 'patronymic';
  const yPatronymic = y.suffix?.kind === 'patronymic';
  if (xPatronymic === yPatronymic) return false;
  const other = xPatronymic ? y : x;
  return other.role !== 'patronymic' && !other.initial && other.suffix?.kind !== 'turkic';
}

interface Pair {
  a: NamePart;
  b: NamePart;
  match: PartMatch;
  sim: number;
}

function scorePair(a: NamePart, b: NamePart): Pair {
  const match = comparePart(a, b);
  const sim = rolesConflict(a, b) ? match.sim * roleConflictFactor : match.sim;
  return { a, b, match, sim };
}

// Ties go to the pairing that keeps roles: Рыскулов ↔ Ryskulov rather than Рыскулович ↔ Ryskulov.
const objective = (pair: Pair): number => pair.sim + (pair.a.role === pair.b.role ? 0.001 : 0);

/** The pairing of words (each used once) with the highest total similarity. */
function pairWords(left: NamePart[], right: NamePart[]): Pair[] {
  const swap = left.length > right.length;
  const small = swap ? right : left;
  const large = swap ? left : right;
  const table = small.map((s) => large.map((l) => (swap ? scorePair(l, s) : scorePair(s, l))));
  if (large.length > exhaustiveLimit) return greedyPairs(table);
  let best: Pair[] = [];
  let bestValue = -1;
  const used = new Array<boolean>(large.length).fill(false);
  const chosen: Pair[] = [];
  const search = (i: number, value: number): void => {
    if (i === small.length) {
      if (value > bestValue) {
        bestValue = value;
        best = [...chosen];
      }
      return;
    }
    for (let j = 0; j < large.length; j += 1) {
      if (used[j]) continue;
      used[j] = true;
      chosen.push(table[i][j]);
      search(i + 1, value + objective(table[i][j]));
      chosen.pop();
      used[j] = false;
    }
  };
  search(0, 0);
  return best;
}

function greedyPairs(table: Pair[][]): Pair[] {
  const all = table.flat().sort((x, y) => objective(y) - objective(x));
  const usedA = new Set<NamePart>();
  const usedB = new Set<NamePart>();
  const pairs: Pair[] = [];
  for (const pair of all) {
    if (usedA.has(pair.a) || usedB.has(pair.b)) continue;
    usedA.add(pair.a);
    usedB.add(pair.b);
    pairs.push(pair);
  }
  return pairs;
}

const roleOrder: Record<NameRole, number> = { surname: 0, given: 1, patronymic: 2 };

/**
 * The role a pair of words plays, trusting a suffix over a guess from word order, and the guess made with
 * more words over the one made with fewer (a lone "Ахмет" says nothing about being a given name).
 */
function pairRole(pair: Pair, labelled: Set<NameRole>, aWords: number, bWords: number): NameRole {
  const { a, b } = pair;
  if (a.roleFrom === 'suffix') return a.role;
  if (b.roleFrom === 'suffix') return b.role;
  if (a.initial || b.initial) return (a.initial ? a : b).role; // an initial stands for a given name or a patronymic
  if (a.role === b.role) return a.role;
  if (aWords !== bWords) return aWords > bWords ? a.role : b.role;
  // the two guesses disagree: take whichever role the other pairs have not used
  return labelled.has('surname') ? 'given' : 'surname';
}

/**
 * Compound names are written as one word, hyphenated, or as two (Мұхамедсалық, Мұхамед-Салық,
 * Мұхамед Салық). On the side with more words, two neighbours whose concatenation is a word of the other
 * side are read as that one word.
 */
function joinCompounds(parts: NamePart[], other: NamePart[]): { parts: NamePart[]; joined: boolean } {
  if (parts.length <= other.length) return { parts, joined: false };
  const stems = new Set(other.filter((part) => !part.initial).map((part) => part.stem));
  const codes = new Set(other.filter((part) => !part.initial).map((part) => part.phonetic));
  const out: NamePart[] = [];
  let joined = false;
  for (let i = 0; i < parts.length; i += 1) {
    const [first, second] = [parts[i], parts[i + 1]];
    if (second && !first.initial && !second.initial && !first.suffix) {
      const stem = first.token + second.stem;
      const phonetic = phoneticCode(stem);
      if (stems.has(stem) || codes.has(phonetic)) {
        const role = second.roleFrom === 'suffix' ? second.role : first.role;
        out.push({ ...second, token: first.token + second.token, stem, phonetic, role, roleFrom: second.roleFrom });
        joined = true;
        i += 1;
        continue;
      }
    }
    out.push(first);
  }
  return { parts: out, joined };
}

function describe(pair: Pair, part: NameRole): MatchReason {
  switch (pair.match.kind) {
    case 'same':
      return reason('match.stem_matches', { part });
    case 'sounds alike':
      return reason('match.sounds_alike', { part });
    case 'similar':
      return reason('match.spelled_similarly', { part });
    case 'initial':
      return reason('match.initial_matches', { part });
    case 'initials':
      return reason('match.initials_match');
    case 'different':
      return reason('match.differs', { part });
  }
}

function keysOf(name: string | NameKeys): NameKeys {
  return typeof name === 'string' ? normaliseName(name) : name;
}

/**
 * Symmetric: compareNames(a, b) and compareNames(b, a) give the same score. Pass NameKeys instead of
 * strings to rank many candidates against one query without normalising the query each time.
 */
export function compareNames(first: string | NameKeys, second: string | NameKeys): NameComparison {
  const a = keysOf(first);
  const b = keysOf(second);
  if (a.parts.length === 0 || b.parts.length === 0) return explained(0, [reason('match.nothing_to_compare')]);

  const left = joinCompounds(a.parts, b.parts);
  const right = joinCompounds(b.parts, a.parts);
  const pairs = pairWords(left.parts, right.parts);
  const compared = pairs.length;
  const unmatched = left.parts.length + right.parts.length - 2 * compared;
  let score = (pairs.reduce((sum, pair) => sum + pair.sim, 0) / compared) * (1 - unmatchedWordCost * unmatched);

  const reasons: MatchReason[] = [];
  if (a.skeleton && a.skeleton === b.skeleton) reasons.push(reason('match.same_skeleton'));
  if (left.joined || right.joined) reasons.push(reason('match.compound_split'));
  const labelled = new Set<NameRole>();
  const described: { role: NameRole; reasons: MatchReason[] }[] = [];
  // suffix-backed pairs first, so the guesses can take the roles that are left
  const ordered = [...pairs].sort((x, y) => Number(y.a.roleFrom === 'suffix' || y.b.roleFrom === 'suffix') - Number(x.a.roleFrom === 'suffix' || x.b.roleFrom === 'suffix'));
  for (const pair of ordered) {
    const role = pairRole(pair, labelled, left.parts.length, right.parts.length);
    labelled.add(role);
    const why = [describe(pair, role)];
    if (pair.sim < pair.match.sim) why.push(reason('match.patronymic_mismatch'));
    described.push({ role, reasons: why });
  }
  // read in the order a reviewer checks: surname, given name, patronymic
  described.sort((x, y) => roleOrder[x.role] - roleOrder[y.role]);
  for (const entry of described) reasons.push(...entry.reasons);
  const pairedParts = new Set(pairs.flatMap((pair) => [pair.a, pair.b]));
  for (const part of [...left.parts, ...right.parts]) {
    if (!pairedParts.has(part)) reasons.push(reason('match.missing_on_one_side', { part: part.role }));
  }
  if (compared === 1) {
    score *= singleWordFactor;
    reasons.push(reason('match.single_word'));
  }
  if (a.gender && b.gender && a.gender !== b.gender) {
    score *= genderConflictFactor;
    reasons.push(reason('match.gender_differs'));
  }
  return explained(Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000, reasons);
}

/**
 * The comparison with its reasons once each, as codes and in English. The English texts are made when read:
 * a search compares a hundred and fifty spellings and shows ten.
 */
function explained(score: number, reasons: MatchReason[]): NameComparison {
  const seen = new Set<string>();
  const codes = reasons.filter((coded) => {
    const key = `${coded.code} ${(coded.params as { part?: string }).part ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let texts: string[] | undefined;
  return {
    score,
    codes,
    get reasons() {
      return (texts ??= codes.map((coded) => renderCode(coded.code, coded.params as never)));
    },
  };
}
