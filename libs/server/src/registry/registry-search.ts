/**
 * Finding the spellings a name query may mean, before they are scored word by word (compareNames).
 *
 * 1. Each full query word (its stem) is matched against the vocabulary of name words twice: by trigram
 *    similarity, and by phonetic code (`name_words.code`), so a word that differs only in vowels
 *    (Әбдірахман / Абдурахман, Жансүгір / Джансугур) is taken however many misspelled words are closer by
 *    trigrams. Each taken word gets a score (similarity, raised when the code agrees).
 * 2. Spellings are found through exact pairs of those words (name_word_pairs), all of the words at once:
 *    no early stop, so the second-closest spelling of the other word is tried too. A spelling with one
 *    full word and initials ("Baitursynov A. K.") is found through its word joined with its initials
 *    (name_initial_keys), which a one-word query with an initial ("A. Baitursynov") uses as well.
 * 3. The spellings found are ranked by how well their words agree with the query's, word by word (the best
 *    word of each query word's list, plus an agreeing initial), and the closest are handed to compareNames.
 *
 * Every step reads an index: the time depends on how many persons share a name, not on the registry's size.
 */
import { initialOf, phoneticCode, type NameKeys } from '@aqtalu/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { agreeingInitialRanges, type KeyRange } from './name-initial-keys.js';

/** At most this many full words of a query are looked up (surname, given name, patronymic). */
export const maxQueryWords = 4;
/** Vocabulary words taken for each query word: the best by score of the trigram and the code neighbours. */
const wordsPerQueryWord = 10;
/** Neighbours read from each side (trigrams, phonetic code) before the best are taken. */
const neighboursPerSide = 12;
/** A word whose phonetic code is the query word's scores this much above its trigram similarity. */
const sameCodeBonus = 0.3;
/** Words below this score are not joined with initials (they would bring thousands of weak spellings). */
const initialKeyMinScore = 0.5;
/** Spellings handed to the word-by-word comparison, without filters and with them (filters drop some). */
export const maxCandidates = 150;
export const maxFilteredCandidates = 5000;
/** An initial of the spelling that agrees with the query's adds this to the ranking. */
const initialBonus = 0.5;

export interface SpellingCandidate {
  person_id: string;
  full_name: string;
}

export interface ScoredWord {
  word: string;
  score: number;
}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** The vocabulary words each stem may mean, best first (the stem itself first when it is a word). */
export async function similarWords(db: Queryable, stems: string[]): Promise<ScoredWord[][]> {
  if (stems.length === 0) return [];
  const rows: Array<{ n: string; word: string; score: number }> = await db.query(
    `SELECT q.n, w.word, w.score
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY q(stem, code, n)
     CROSS JOIN LATERAL (
       SELECT word, max(score) AS score FROM (
         (SELECT word, similarity(word, q.stem) AS score FROM name_words WHERE word % q.stem ORDER BY 2 DESC, word LIMIT $3)
         UNION ALL
         (SELECT word, least(1, similarity(word, q.stem) + $4) FROM name_words WHERE code = q.code AND q.code <> '' ORDER BY similarity(word, q.stem) DESC, word LIMIT $3)
       ) c GROUP BY word ORDER BY max(score) DESC, word LIMIT $5
     ) w
     ORDER BY q.n, w.score DESC, w.word`,
    [stems, stems.map(phoneticCode), neighboursPerSide, sameCodeBonus, wordsPerQueryWord],
  );
  const lists: ScoredWord[][] = stems.map(() => []);
  for (const row of rows) lists[Number(row.n) - 1]!.push({ word: row.word, score: Number(row.score) });
  return lists;
}

/** Every two lists' words joined ("a b", sorted), weighted by the sum of their scores. */
function wordPairs(lists: ScoredWord[][]): Map<string, number> {
  const pairs = new Map<string, number>();
  for (let i = 0; i < lists.length; i++) {
    for (let j = i + 1; j < lists.length; j++) {
      for (const a of lists[i]!) {
        for (const b of lists[j]!) {
          if (a.word === b.word) continue;
          const pair = a.word < b.word ? `${a.word} ${b.word}` : `${b.word} ${a.word}`;
          pairs.set(pair, Math.max(pairs.get(pair) ?? 0, a.score + b.score));
        }
      }
    }
  }
  return pairs;
}

/**
 * Word-and-initials keys to read ("baitursin|a.k."): the lists' good words, each with each possible given
 * initial. With the query's patronymic initial too, the spellings whose initials both agree and those with
 * the given initial only; with the given initial alone, every spelling whose initials start with it.
 */
function initialKeyRanges(lists: ScoredWord[][], givenInitials: string[], queryInitials: string): KeyRange[] {
  const ranges = new Map<string, KeyRange>();
  const full = queryInitials.split('.').filter(Boolean).length >= 2;
  for (const list of lists) {
    for (const { word, score } of list) {
      if (score < initialKeyMinScore) continue;
      for (const initial of givenInitials) {
        for (const range of agreeingInitialRanges(word, full && queryInitials.startsWith(`${initial}.`) ? queryInitials : `${initial}.`)) ranges.set(`${range.from} ${range.to}`, range);
      }
    }
  }
  return [...ranges.values()];
}

/** Keys read per range at most: a common surname with a common initial is ranked on a sample. */
const maxHitsPerRange = 5000;

/** Hits read per search at most: a name shared by more spellings than this is ranked on a sample of them. */
const maxHits = 20_000;

/**
 * The spellings to score for a query: the closest `take` of those found (see the module comment), with their
 * persons' filters applied (`filterSql` over `p`, its parameters first in `params`). The ranking runs here, on
 * the distinct skeletons found, not in SQL: a common name is thousands of rows but a few hundred skeletons.
 */
export async function findSpellings(
  db: Queryable,
  query: NameKeys,
  options: { filterSql: string; params: unknown[]; take: number },
): Promise<SpellingCandidate[]> {
  const full = query.parts.filter((part) => !part.initial).slice(0, maxQueryWords);
  const found = await similarWords(db, full.map((part) => part.stem));
  const lists = found.filter((list) => list.length > 0);
  if (lists.length === 0) return [];
  const pairs = wordPairs(lists);
  // spellings of one word and initials are keyed by their word (a surname) and their given initial: the
  // query's surname list with the initials of its given names (every list when no word is a surname)
  const queryInitials = query.parts.filter((part) => part.initial && part.role === 'given').map((part) => initialOf(part.stem));
  const given = full.filter((part, i) => part.role === 'given' && found[i]!.length > 0).map((part) => initialOf(part.stem));
  const surnameAt = full.findIndex((part, i) => part.role === 'surname' && found[i]!.length > 0);
  const keyLists = surnameAt >= 0 ? [found[surnameAt]!] : lists;
  const ranges = initialKeyRanges(keyLists, [...new Set([...queryInitials, ...(surnameAt >= 0 ? given : full.map((part) => initialOf(part.stem)))])], query.initials);
  // one word and no initial: every spelling with one of its words
  const byWords = lists.length === 1 && ranges.length === 0;

  const hitParams: unknown[] = [];
  const hp = (value: unknown) => `$${hitParams.push(value)}`;
  const hitSources: string[] = [];
  if (pairs.size > 0) hitSources.push(`SELECT variant_id, skeleton, NULL::text AS initials FROM name_word_pairs WHERE pair = ANY(${hp([...pairs.keys()])}::text[])`);
  // a query of several full words finds the spellings of full words through their pairs: by an initial it needs only
  // the spellings of one full word ("Baitursynov A. K.")
  if (ranges.length > 0) {
    hitSources.push(
      `SELECT k.variant_id, k.skeleton, k.initials FROM unnest(${hp(ranges.map((range) => range.from))}::text[], ${hp(ranges.map((range) => range.to))}::text[]) r(low, high)
       CROSS JOIN LATERAL (SELECT variant_id, skeleton, initials FROM name_initial_keys
                           WHERE key >= r.low COLLATE "C" AND key < r.high COLLATE "C"${lists.length > 1 ? ` AND position(' ' in skeleton) = 0` : ''}
                           LIMIT ${maxHitsPerRange}) k`,
    );
  }
  if (byWords) hitSources.push(`SELECT id, skeleton, NULL FROM person_name_variants WHERE string_to_array(skeleton, ' ') && ${hp(lists[0]!.map((entry) => entry.word))}::text[]`);
  // initials are read for the spellings found by an initial (their given initial agrees), to rank by the rest
  // the ids as one text, not an array: parsing thousands of uuid arrays took more than ranking them
  const hits: Array<{ skeleton: string; ids: string; initials: string | null }> = await db.query(
    `SELECT skeleton, initials, string_agg(DISTINCT variant_id::text, ',') AS ids
     FROM (SELECT * FROM (${hitSources.join(' UNION ALL ')}) h(variant_id, skeleton, initials) LIMIT ${maxHits}) h
     GROUP BY skeleton, initials`,
    hitParams,
  );

  // closeness: for each query word, the best score among the skeleton's words; agreeing initials; a one-word
  // query with one initial ranks fuller spellings a little higher ("A. Baitursynov" is more likely Akhmet
  // Baitursynov than another A. K.), with two initials the spellings whose initials all agree
  const scoreOf = new Map<string, Array<{ n: number; score: number }>>();
  lists.forEach((list, n) => {
    for (const { word, score } of list) scoreOf.set(word, [...(scoreOf.get(word) ?? []), { n, score }]);
  });
  const ranked: Array<{ id: string; closeness: number }> = [];
  const queryWords = query.skeleton ? query.skeleton.split(' ').length : 0;
  for (const hit of hits) {
    const words = hit.skeleton.split(' ');
    const best = new Array<number>(lists.length).fill(0);
    for (const word of words) for (const { n, score } of scoreOf.get(word) ?? []) best[n] = Math.max(best[n]!, score);
    // ties (the same words matched) go to the spelling with as many words as the query
    let closeness = best.reduce((sum, score) => sum + score, 0) - 0.02 * Math.abs(words.length - queryWords);
    if (hit.initials !== null) {
      closeness += initialBonus;
      // every initial of the query agrees (Агеев Д. А. for Агеев Д. А.)
      if (query.initials.length > 2 && hit.initials.startsWith(query.initials)) closeness += initialBonus / 2;
    }
    if (lists.length === 1 && query.initials.length <= 2) closeness += 0.1 * Math.min(2, words.length - 1);
    for (const id of hit.ids.split(',')) ranked.push({ id, closeness });
  }
  ranked.sort((a, b) => b.closeness - a.closeness || (a.id < b.id ? -1 : 1));
  const chosen = ranked.slice(0, Math.max(options.take, maxCandidates));
  if (chosen.length === 0) return [];

  const params = [...options.params];
  const idsParam = `$${params.push(chosen.map((entry) => entry.id))}`;
  const rows: Array<SpellingCandidate & { id: string }> = await db.query(
    options.filterSql
      ? `SELECT v.id, v.person_id, v.full_name FROM person_name_variants v JOIN persons p ON p.id = v.person_id
         WHERE v.id = ANY(${idsParam}::uuid[]) AND p.merged_into_id IS NULL ${options.filterSql}`
      : `SELECT v.id, v.person_id, v.full_name FROM person_name_variants v WHERE v.id = ANY(${idsParam}::uuid[])`,
    params,
  );
  const order = new Map(chosen.map((entry, i) => [entry.id, i]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).slice(0, maxCandidates).map(({ person_id, full_name }) => ({ person_id, full_name }));
}
