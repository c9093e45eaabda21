import { nameKeyVersion, spellingKeys } from '@aqtalu/domain';
import type { DataSource } from 'typeorm';

export interface ReindexProgress {
  /** Spellings brought to the current version so far in this run. */
  done: number;
  /** Spellings still on an older version, counted once at the start of the run. */
  total: number;
  /** Of those done, how many got different keys (the rest only had their version raised). */
  changed: number;
}

export interface ReindexOptions {
  /** Spellings per transaction. */
  batchSize?: number;
  onProgress?: (progress: ReindexProgress) => void;
  /** Checked between batches: true stops after the batch in hand (the next run resumes there). */
  shouldStop?: () => boolean;
}

export interface ReindexResult extends ReindexProgress {
  /** Whether every spelling is on the current version. */
  complete: boolean;
  /** Vocabulary words no spelling uses any more, removed at the end. */
  prunedWords: number;
}

/**
 * Recomputes the search keys of spellings keyed by an older folding (`key_version` below libs/domain
 * `nameKeyVersion`), in batches of one transaction each: the keys, the version, the spelling's word pairs and
 * the vocabulary move together, so a batch is all or nothing. Resumable by construction: an interrupted run
 * leaves the rest on the old version, and the next run picks them up. Concurrent writers are not blocked
 * (rows in hand are skipped, SKIP LOCKED). Words no spelling uses any more are removed at the end.
 */
export async function reindexSpellings(dataSource: DataSource, options: ReindexOptions = {}): Promise<ReindexResult> {
  const batchSize = options.batchSize ?? 2000;
  const [{ total }] = await dataSource.query(`SELECT count(*)::int AS total FROM person_name_variants WHERE key_version < $1`, [nameKeyVersion]);
  const progress: ReindexProgress = { done: 0, total, changed: 0 };
  let complete = false;
  while (!options.shouldStop?.()) {
    const batch = await dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string; full_name: string; skeleton: string; initials: string; phonetic_tokens: string[] }> = await manager.query(
        `SELECT id, full_name, skeleton, initials, phonetic_tokens FROM person_name_variants
         WHERE key_version < $1 ORDER BY key_version, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [nameKeyVersion, batchSize],
      );
      if (rows.length === 0) return { rows: 0, changed: 0 };
      const updates = rows.map((row) => ({ id: row.id, before: row, keys: spellingKeys(row.full_name) }));
      const moved = updates.filter(({ before, keys }) => before.skeleton !== keys.skeleton);
      const changed = updates.filter(
        ({ before, keys }) => before.skeleton !== keys.skeleton || before.initials !== keys.initials || before.phonetic_tokens.join(' ') !== keys.phoneticTokens.join(' '),
      );
      await manager.query(
        `UPDATE person_name_variants v SET skeleton = u.skeleton, phonetic_tokens = u.phonetic_tokens, initials = u.initials, key_version = $2
         FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, skeleton text, phonetic_tokens text[], initials text)
         WHERE v.id = u.id`,
        [JSON.stringify(updates.map(({ id, keys }) => ({ id, skeleton: keys.skeleton, phonetic_tokens: keys.phoneticTokens, initials: keys.initials }))), nameKeyVersion],
      );
      if (moved.length > 0) {
        const ids = moved.map((update) => update.id);
        await manager.query(`DELETE FROM name_word_pairs WHERE variant_id = ANY($1::uuid[])`, [ids]);
        await manager.query(
          `INSERT INTO name_words (word) SELECT DISTINCT unnest(string_to_array(skeleton, ' ')) FROM person_name_variants WHERE id = ANY($1::uuid[]) ON CONFLICT DO NOTHING`,
          [ids],
        );
        await manager.query(
          `INSERT INTO name_word_pairs (pair, variant_id, skeleton) SELECT unnest(name_word_pairs(skeleton)), id, skeleton FROM person_name_variants WHERE id = ANY($1::uuid[])
           ON CONFLICT DO NOTHING`,
          [ids],
        );
      }
      return { rows: rows.length, changed: changed.length };
    });
    if (batch.rows === 0) {
      complete = true;
      break;
    }
    progress.done += batch.rows;
    progress.changed += batch.changed;
    options.onProgress?.({ ...progress });
  }
  const prunedWords = complete && progress.changed > 0 ? await pruneVocabulary(dataSource, batchSize) : 0;
  if (complete) {
    // rows another writer held while we passed are picked up by the next run; say complete only when none is left
    const [{ left }] = await dataSource.query(`SELECT count(*)::int AS left FROM person_name_variants WHERE key_version < $1`, [nameKeyVersion]);
    complete = left === 0;
  }
  return { ...progress, complete, prunedWords };
}

/**
 * Removes vocabulary words that no spelling has any more, a batch of words at a time. The lock makes a
 * writer adding a spelling wait, then insert its words again (ON CONFLICT DO NOTHING finds them gone), so a
 * word a new spelling needs is never lost.
 */
async function pruneVocabulary(dataSource: DataSource, batchSize: number): Promise<number> {
  let pruned = 0;
  let after = '';
  for (;;) {
    const result = await dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE name_words IN SHARE ROW EXCLUSIVE MODE`);
      const [{ last, removed }] = await manager.query(
        `WITH batch AS (SELECT word FROM name_words WHERE word > $1 ORDER BY word LIMIT $2),
              gone AS (DELETE FROM name_words w USING batch b
                       WHERE w.word = b.word AND NOT EXISTS (SELECT 1 FROM person_name_variants v WHERE string_to_array(v.skeleton, ' ') @> ARRAY[b.word])
                       RETURNING w.word)
         SELECT (SELECT max(word) FROM batch) AS last, (SELECT count(*)::int FROM gone) AS removed`,
        [after, batchSize],
      );
      return { last: last as string | null, removed: removed as number };
    });
    pruned += result.removed;
    if (result.last === null) return pruned;
    after = result.last;
  }
}
