import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versioned search keys and the lookups that find spellings trigrams miss.
 *
 * - `person_name_variants.key_version`: the folding version (libs/domain `nameKeyVersion`) a spelling's keys
 *   were computed with. Spellings keyed before are version 1; new rows get the current version by default
 *   (the import's bulk insert relies on it). `npm run registry:reindex` recomputes older keys.
 * - `name_words.code`: the phonetic code of each vocabulary word (consonant classes, vowels dropped; the same
 *   as libs/domain phoneticCode), so a query word finds words that differ from it in vowels only
 *   (Әбдірахман / Абдурахман, Жансүгір / Джансугур) however many misspelled words are closer by trigrams.
 * - `name_word_initial_keys(skeleton, initials)`: every word of a spelling joined with the first given
 *   initial ("baitursin|a"), GIN-indexed, so "A. Baitursynov" finds the spellings with an A. given name
 *   without reading every Baitursynov.
 */
export class RegistrySearchKeyVersions1796179155992 implements MigrationInterface {
  name = 'RegistrySearchKeyVersions1796179155992';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person_name_variants" ADD "key_version" smallint NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "person_name_variants" ALTER COLUMN "key_version" SET DEFAULT 2`);
    // by hand from here: functions, generated columns and expression indexes are beyond the generator
    await queryRunner.query(
      // phoneticCode() of libs/domain, on a folded word: an opening vowel is A (a glide уә is F), zh/sh/ch
      // are one class, ts is s, rn is m (OCR), pairs of letters fold to classes, vowels separate repeats
      `CREATE FUNCTION name_word_code(word text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
         SELECT replace(regexp_replace(regexp_replace(translate(
                  regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
                    CASE WHEN word ~ '^u[aeiou]' THEN 'F' || substr(word, 2) WHEN word ~ '^[aeiou]' THEN 'A' || word ELSE word END,
                    'ts', 'S', 'g'), 'zh', 'J', 'g'), 'sh', 'J', 'g'), 'ch', 'J', 'g'), 'rn', 'M', 'g'),
                  'bpvfdtgkhzslrmnaeiou', 'PPFFTTKKKSSLRMN.....'), '[a-z]', '', 'g'), '([A-Z])\\1+', '\\1', 'g'), '.', '')
       $$`,
    );
    await queryRunner.query(`ALTER TABLE "name_words" ADD "code" text GENERATED ALWAYS AS (name_word_code("word")) STORED`);
    await queryRunner.query(`CREATE INDEX "ix_name_words_code" ON "name_words" ("code")`);
    // TypeORM keeps a generated column's expression in its own table (which its migration runner creates, like
    // "migrations"); without the row the schema generator would drop and re-add the column on every comparison
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value") VALUES (current_database(), 'public', 'name_words', 'GENERATED_COLUMN', 'code', 'name_word_code("word")')`,
    );
    await queryRunner.query(
      `CREATE FUNCTION name_word_initial_keys(skeleton text, initials text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
         SELECT CASE WHEN initials = '' OR skeleton = '' THEN '{}'::text[]
                ELSE (SELECT coalesce(array_agg(DISTINCT w || '|' || split_part(initials, '.', 1)), '{}') FROM unnest(string_to_array(skeleton, ' ')) w) END
       $$`,
    );
    await queryRunner.query(`CREATE INDEX "ix_person_name_variants_initial_keys" ON "person_name_variants" USING gin (name_word_initial_keys("skeleton", "initials"))`);
    // the reindex walks older spellings in id order
    await queryRunner.query(`CREATE INDEX "ix_person_name_variants_key_version" ON "person_name_variants" ("key_version", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_person_name_variants_key_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_name_variants_initial_keys"`);
    await queryRunner.query(`DROP FUNCTION name_word_initial_keys(text, text)`);
    await queryRunner.query(`DROP INDEX "public"."ix_name_words_code"`);
    await queryRunner.query(`ALTER TABLE "name_words" DROP COLUMN "code"`);
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'name_words' AND "name" = 'code'`);
    await queryRunner.query(`DROP FUNCTION name_word_code(text)`);
    await queryRunner.query(`ALTER TABLE "person_name_variants" DROP COLUMN "key_version"`);
  }
}
