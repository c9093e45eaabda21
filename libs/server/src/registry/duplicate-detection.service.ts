import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { renderCode } from '@aqtalu/contracts';
import { autoMatchThreshold, compareNames, matchReasonOf, normaliseName, parseUncertainDate, placeSearchKey, type MatchReason, type NameKeys } from '@aqtalu/domain';
import { DataSource } from 'typeorm';
import { agreeingInitialRangesSql } from './name-initial-keys.js';

/** Pairs scoring at least this are proposed for review; nothing is ever merged without a person. */
const proposalThreshold = 0.7;
/** A proposal at or above this is shown as strong ("probably the same person"): the name's threshold. */
export const strongProposalThreshold = autoMatchThreshold;
/** Highest score of a pair whose birth year, birthplace or patronymic disagree: a proposal, never strong. */
const conflictCap = 0.75;
/** Highest score of a pair that is not worth a review: below the proposal threshold. */
const notProposedCap = 0.6;
/** Highest score of a pair whose names agree but nothing else confirms it. */
const unconfirmedCap = 0.79;
/** A block key shared by more spellings than this says nothing (a common pair of words): it is skipped. */
const maxBlock = 100;
/** Candidates scored per person: the closest by trigram similarity of the skeletons, computed in SQL. */
const candidatesPerPerson = 8;
/** Below this trigram similarity of skeletons two full names are not scored at all. */
const minCloseness = 0.4;

/** Why two records were proposed beyond their names, as reasons a reviewer reads. */
const evidenceReason = (code: 'match.birth_year_agrees' | 'match.birth_year_differs' | 'match.birthplace_agrees' | 'match.birthplace_differs' | 'match.initials_out_of_order' | 'match.unconfirmed'): MatchReason =>
  ({ code, params: {} }) as MatchReason;
const evidenceTexts = new Map<string, MatchReason>(
  (['match.birth_year_agrees', 'match.birth_year_differs', 'match.birthplace_agrees', 'match.birthplace_differs', 'match.initials_out_of_order', 'match.unconfirmed'] as const).map(
    (code) => [renderCode(code, {}), evidenceReason(code)],
  ),
);

/** The code of a stored reason (English text): the name comparison's or the duplicate detection's own. */
export function duplicateReasonOf(text: string): MatchReason | null {
  return matchReasonOf(text) ?? evidenceTexts.get(text) ?? null;
}

/** What a record says about a person besides the name. */
export interface PersonEvidence {
  birthYear: string | null;
  birthplace: string | null;
}

export interface DuplicateScore {
  score: number;
  reasons: string[];
}

type Agreement = 'agree' | 'differ' | 'unknown';

function yearSpan(text: string | null): [number, number] | null {
  if (!text) return null;
  const parsed = parseUncertainDate(text);
  if (!parsed.ok) return null;
  return [Number(parsed.value.earliest.slice(0, 4)), Number(parsed.value.latest.slice(0, 4))];
}

/** Overlapping birth years agree; years two or more apart differ (one year apart is a clerk's slip: neither). */
function yearsAgree(a: string | null, b: string | null): Agreement {
  const x = yearSpan(a);
  const y = yearSpan(b);
  if (!x || !y) return 'unknown';
  if (x[0] <= y[1] && y[0] <= x[1]) return 'agree';
  return Math.max(x[0] - y[1], y[0] - x[1]) >= 2 ? 'differ' : 'unknown';
}

function placesAgree(a: string | null, b: string | null): Agreement {
  if (!a || !b) return 'unknown';
  const x = placeSearchKey(a);
  const y = placeSearchKey(b);
  if (!x || !y) return 'unknown';
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `) ? 'agree' : 'differ';
}

/**
 * Initials stand for the given name then the patronymic, in that order: "Омаров А. Н." is Askar son of
 * Nurlan, never Nurlan son of Askar. When either name is written with initials, its initials and the
 * other's (the first sounds of its given name and patronymic) must agree in order; one side may lack the
 * patronymic.
 */
function initialsInOrder(a: NameKeys, b: NameKeys): boolean {
  if (!a.parts.some((part) => part.initial) && !b.parts.some((part) => part.initial)) return true;
  if (!a.initials || !b.initials) return true;
  return a.initials.startsWith(b.initials) || b.initials.startsWith(a.initials);
}

/**
 * How likely two records are one person: the names' comparison (libs/domain), then what else the records
 * say. Initials in another order are not proposed; two disagreements among birth year (two or more years
 * apart), birthplace and patronymic are not proposed, one keeps the pair below strong. A strong pair needs,
 * besides alike names with every part (a patronymic among them) on both records, an agreeing birth year and
 * birthplace (or the one of them both records give). Names alone never make a strong proposal: among a million persons, namesakes and
 * brothers sharing surname and patronymic are many.
 */
export function scoreDuplicate(a: NameKeys, b: NameKeys, aFacts: PersonEvidence, bFacts: PersonEvidence): DuplicateScore {
  const comparison = compareNames(a, b);
  let score = comparison.score;
  const reasons = [...comparison.reasons];
  const codes = comparison.codes;
  if (!initialsInOrder(a, b)) {
    reasons.push(renderCode('match.initials_out_of_order', {}));
    return { score: Math.min(score, 0.5), reasons };
  }
  const year = yearsAgree(aFacts.birthYear, bFacts.birthYear);
  const place = placesAgree(aFacts.birthplace, bFacts.birthplace);
  if (year === 'agree') reasons.push(renderCode('match.birth_year_agrees', {}));
  if (year === 'differ') reasons.push(renderCode('match.birth_year_differs', {}));
  if (place === 'agree') reasons.push(renderCode('match.birthplace_agrees', {}));
  if (place === 'differ') reasons.push(renderCode('match.birthplace_differs', {}));
  const patronymicDiffers = codes.some((reason) => reason.code === 'match.differs' && (reason.params as { part?: string }).part === 'patronymic')
    || codes.some((reason) => reason.code === 'match.patronymic_mismatch');
  const conflicts = [year === 'differ', place === 'differ', patronymicDiffers].filter(Boolean).length;
  // two disagreements (another year and another place): two people, not even worth a review
  if (conflicts >= 2) return { score: Math.min(score, notProposedCap), reasons };
  if (conflicts === 1) return { score: Math.min(score, conflictCap), reasons };
  const initialsOnly = a.parts.some((part) => part.initial) || b.parts.some((part) => part.initial);
  const agreements = (year === 'agree' ? 1 : 0) + (place === 'agree' ? 1 : 0);
  // among a million persons, unrelated people share a full name and one of birth year or birthplace often enough:
  // strong takes both (or the one both records give); an initial takes both to be strong, one of them to be proposed
  // a name part one record lacks (a patronymic, most often) may be the one that tells two namesakes apart
  const partMissing = codes.some((reason) => reason.code === 'match.missing_on_one_side');
  // namesakes who differ in their father's name look alike in every other part: a strong pair shows the patronymic on both
  const patronymicShown = a.parts.some((part) => part.role === 'patronymic') && b.parts.some((part) => part.role === 'patronymic');
  const confirmed = partMissing || !patronymicShown
    ? false
    : initialsOnly
    ? agreements === 2
    : agreements === 2 || (year === 'agree' && (!aFacts.birthplace || !bFacts.birthplace)) || (place === 'agree' && !aFacts.birthYear && !bFacts.birthYear);
  if (!confirmed) {
    if (score >= strongProposalThreshold) reasons.push(renderCode('match.unconfirmed', {}));
    return { score: Math.min(score, initialsOnly && agreements === 0 ? notProposedCap : unconfirmedCap), reasons };
  }
  score = Math.min(1, score + (year === 'agree' ? 0.05 : 0) + (place === 'agree' ? 0.05 : 0));
  return { score: Math.round(score * 1000) / 1000, reasons };
}

/**
 * The name keys of spellings, kept across batches: a sweep reads the same common names for thousands of
 * persons. Bounded; emptied when full.
 */
const knownKeys = new Map<string, NameKeys>();
function keysOf(fullName: string): NameKeys {
  let keys = knownKeys.get(fullName);
  if (!keys) {
    if (knownKeys.size >= 100_000) knownKeys.clear();
    keys = normaliseName(fullName);
    knownKeys.set(fullName, keys);
  }
  return keys;
}

interface Spelling {
  person_id: string;
  full_name: string;
  birth_year: string | null;
  birthplace: string | null;
}

/**
 * Duplicate detection at list speed. Persons not yet checked are taken a batch at a time (SKIP LOCKED, so
 * several workers share the work); candidates are found in SQL by blocking on the search keys every
 * spelling already has (its word pairs in `name_word_pairs`; a surname-and-initials record by its one word),
 * skipping keys so common they would pair hundreds of people, and pairs a relation links (relatives are two
 * people), and keeping each person's closest candidates by trigram similarity; these pairs are then scored in
 * memory (scoreDuplicate) and the proposals written in one statement.
 */
@Injectable()
export class DuplicateDetectionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One batch: the persons checked and the new proposals. Idempotent: a pair is proposed once, a decided pair never again. */
  async detect(batchSize = 1000): Promise<{ checked: number; proposed: number }> {
    return this.dataSource.transaction(async (manager) => {
      const ids: string[] = (
        await manager.query(
          `SELECT id FROM persons WHERE duplicates_checked_at IS NULL AND merged_into_id IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [batchSize],
        )
      ).map((row: { id: string }) => row.id);
      if (ids.length === 0) return { checked: 0, proposed: 0 };
      const pairs: Array<{ a: string; b: string }> = await manager.query(
        `WITH mine AS MATERIALIZED (SELECT v.person_id, v.skeleton, v.initials FROM person_name_variants v WHERE v.person_id = ANY($1::uuid[]) AND v.skeleton <> ''),
         keys AS (SELECT DISTINCT m.person_id, m.skeleton, k.key FROM mine m, unnest(name_word_pairs(m.skeleton) || string_to_array(m.skeleton, ' ')) k(key)),
         by_key AS (
           SELECT k.person_id, k.skeleton AS mine, hit.variant_id, hit.skeleton FROM keys k
           CROSS JOIN LATERAL (SELECT array_agg(variant_id) AS ids, array_agg(skeleton) AS skeletons
                               FROM (SELECT variant_id, skeleton FROM name_word_pairs WHERE pair = k.key LIMIT ${maxBlock + 1}) s) block
           CROSS JOIN LATERAL unnest(block.ids, block.skeletons) hit(variant_id, skeleton)
           WHERE cardinality(block.ids) <= ${maxBlock}),
         -- a surname with initials (one word): the spellings of that word whose initials agree, read from the
         -- initial keys (every initial, or the given one only; with one initial, every spelling starting with it)
         initial_ranges AS (
           SELECT m.person_id, m.skeleton, r.low, r.high FROM mine m
           CROSS JOIN LATERAL ${agreeingInitialRangesSql('m.skeleton', 'm.initials')} r(low, high)
           WHERE position(' ' in m.skeleton) = 0 AND m.initials <> ''),
         by_initials AS (
           SELECT DISTINCT r.person_id, r.skeleton AS mine, hit.variant_id, hit.skeleton FROM initial_ranges r
           CROSS JOIN LATERAL (SELECT array_agg(variant_id) AS ids, array_agg(skeleton) AS skeletons FROM (SELECT variant_id, skeleton FROM name_initial_keys
                                WHERE key >= r.low COLLATE "C" AND key < r.high COLLATE "C" LIMIT ${maxBlock + 1}) s) block
           CROSS JOIN LATERAL unnest(block.ids, block.skeletons) hit(variant_id, skeleton)
           WHERE cardinality(block.ids) <= ${maxBlock}),
         -- a surname alone: every spelling with that word
         by_word AS (
           SELECT m.person_id, m.skeleton AS mine, hit.variant_id, hit.skeleton FROM mine m
           CROSS JOIN LATERAL (SELECT array_agg(id) AS ids, array_agg(skeleton) AS skeletons FROM (SELECT id, skeleton FROM person_name_variants o
                                WHERE string_to_array(o.skeleton, ' ') @> string_to_array(m.skeleton, ' ') LIMIT ${maxBlock + 1}) s) block
           CROSS JOIN LATERAL unnest(block.ids, block.skeletons) hit(variant_id, skeleton)
           WHERE position(' ' in m.skeleton) = 0 AND m.initials = '' AND cardinality(block.ids) <= ${maxBlock}),
         hits AS (SELECT person_id, variant_id, max(similarity(mine, skeleton)) AS closeness,
                         bool_or(position(' ' in mine) = 0 OR position(' ' in skeleton) = 0) AS one_word
                  FROM (SELECT * FROM by_key UNION ALL SELECT * FROM by_initials UNION ALL SELECT * FROM by_word) h GROUP BY 1, 2),
         -- a surname with initials is alike no full name by trigrams: it is kept, the rest must be close; the
         -- closest spellings first, before their persons are read (three for each candidate person kept)
         close AS (SELECT person_id, variant_id, closeness FROM (
                     SELECT *, row_number() OVER (PARTITION BY person_id ORDER BY closeness DESC, variant_id) AS rank FROM hits
                     WHERE closeness >= ${minCloseness} OR one_word) c
                   WHERE rank <= ${3 * candidatesPerPerson}),
         found AS (SELECT h.person_id AS a, v.person_id AS b, max(h.closeness) AS closeness FROM close h
                   JOIN person_name_variants v ON v.id = h.variant_id
                   WHERE v.person_id <> h.person_id GROUP BY 1, 2),
         ranked AS (SELECT a, b, row_number() OVER (PARTITION BY a ORDER BY closeness DESC, b) AS rank FROM found)
         SELECT f.a, f.b FROM ranked f JOIN persons p ON p.id = f.b AND p.merged_into_id IS NULL
         WHERE f.rank <= ${candidatesPerPerson}
           AND NOT EXISTS (SELECT 1 FROM duplicate_candidates d WHERE d.person_a_id = least(f.a, f.b) AND d.person_b_id = greatest(f.a, f.b))
           -- relatives, co-defendants, people of one list (person_relations) are two people, never one
           AND NOT EXISTS (SELECT 1 FROM person_relation_pairs() r WHERE r.person_a_id = least(f.a, f.b) AND r.person_b_id = greatest(f.a, f.b))`,
        [ids],
      );
      const involved = [...new Set([...ids, ...pairs.map((pair) => pair.b)])];
      const spellings: Spelling[] = pairs.length
        ? await manager.query(
            `SELECT v.person_id, v.full_name, p.birth_year, p.birthplace FROM person_name_variants v JOIN persons p ON p.id = v.person_id WHERE v.person_id = ANY($1::uuid[])`,
            [involved],
          )
        : [];
      const byPerson = new Map<string, { keys: NameKeys[]; facts: PersonEvidence }>();
      for (const spelling of spellings) {
        const entry = byPerson.get(spelling.person_id) ?? { keys: [], facts: { birthYear: spelling.birth_year, birthplace: spelling.birthplace } };
        entry.keys.push(keysOf(spelling.full_name));
        byPerson.set(spelling.person_id, entry);
      }
      const proposals = new Map<string, { a: string; b: string; score: number; reasons: string[] }>();
      for (const pair of pairs) {
        const [a, b] = pair.a < pair.b ? [pair.a, pair.b] : [pair.b, pair.a];
        const key = `${a} ${b}`;
        if (proposals.has(key)) continue;
        const x = byPerson.get(a);
        const y = byPerson.get(b);
        if (!x || !y) continue;
        let best: DuplicateScore | null = null;
        for (const left of x.keys) {
          for (const right of y.keys) {
            const scored = scoreDuplicate(left, right, x.facts, y.facts);
            if (!best || scored.score > best.score) best = scored;
          }
        }
        if (best && best.score >= proposalThreshold) proposals.set(key, { a, b, ...best });
      }
      const found = [...proposals.values()];
      const inserted: unknown[] = found.length
        ? await manager.query(
            `INSERT INTO duplicate_candidates (person_a_id, person_b_id, score, reasons, status)
             SELECT a, b, score, reasons, 'proposed' FROM unnest($1::uuid[], $2::uuid[], $3::real[], $4::jsonb[]) AS t(a, b, score, reasons)
             ON CONFLICT (person_a_id, person_b_id) DO NOTHING RETURNING id`,
            [found.map((p) => p.a), found.map((p) => p.b), found.map((p) => p.score), found.map((p) => JSON.stringify(p.reasons))],
          )
        : [];
      await manager.query(`UPDATE persons SET duplicates_checked_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
      return { checked: ids.length, proposed: inserted.length };
    });
  }

  /** Works through every person not yet checked; returns the totals. */
  async detectAll(batchSize = 1000): Promise<{ checked: number; proposed: number }> {
    const total = { checked: 0, proposed: 0 };
    for (;;) {
      const batch = await this.detect(batchSize);
      total.checked += batch.checked;
      total.proposed += batch.proposed;
      if (batch.checked === 0) return total;
    }
  }
}
