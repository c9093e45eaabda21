import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registry search through a vocabulary of name words and exact word pairs, instead of a trigram scan over
 * every spelling (seconds at a million persons): a misspelled query word is matched against `name_words`
 * (thousands of rows) by trigram similarity, and spellings are found through `name_word_pairs`, whose
 * primary key carries the skeleton so the lookup and the ranking read the index only. The old trigram and
 * phonetic indexes of the spellings are no longer used.
 */
export class RegistryWordSearch1795504139032 implements MigrationInterface {
  name = 'RegistryWordSearch1795504139032';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_person_name_variants_skeleton_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_name_variants_phonetic"`);
    await queryRunner.query(`CREATE TABLE "name_words" ("word" text NOT NULL, CONSTRAINT "PK_7ac7907009da304834165b1f076" PRIMARY KEY ("word"))`);
    // by hand from here: INCLUDE, functions and expression indexes are beyond the generator
    await queryRunner.query(
      `CREATE TABLE "name_word_pairs" ("pair" text NOT NULL, "variant_id" uuid NOT NULL, "skeleton" text NOT NULL,
         CONSTRAINT "PK_50f2b7d30fbf27d3e78bf94900d" PRIMARY KEY ("pair", "variant_id") INCLUDE ("skeleton"))`,
    );
    await queryRunner.query(`ALTER TABLE "name_word_pairs" ADD CONSTRAINT "fk_name_word_pairs_variant" FOREIGN KEY ("variant_id") REFERENCES "person_name_variants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE INDEX "ix_name_words_trgm" ON "name_words" USING gin ("word" gin_trgm_ops)`);
    await queryRunner.query(
      // every two words of a skeleton ("kunanbai saken"); a skeleton of one word (a surname and initials) is
      // keyed by that word alone, so a fuller query still finds it
      `CREATE FUNCTION name_word_pairs(skeleton text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
         SELECT CASE WHEN cardinality(string_to_array(skeleton, ' ')) = 1 THEN string_to_array(skeleton, ' ')
                ELSE (SELECT coalesce(array_agg(DISTINCT a.w || ' ' || b.w), '{}')
                      FROM unnest(string_to_array(skeleton, ' ')) a(w), unnest(string_to_array(skeleton, ' ')) b(w) WHERE a.w < b.w) END
       $$`,
    );
    await queryRunner.query(`CREATE INDEX "ix_person_name_variants_words" ON "person_name_variants" USING gin (string_to_array("skeleton", ' '))`);
    await queryRunner.query(`INSERT INTO "name_words" ("word") SELECT DISTINCT unnest(string_to_array("skeleton", ' ')) FROM "person_name_variants" ON CONFLICT DO NOTHING`);
    await queryRunner.query(`INSERT INTO "name_word_pairs" ("pair", "variant_id", "skeleton") SELECT unnest(name_word_pairs("skeleton")), "id", "skeleton" FROM "person_name_variants"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_person_name_variants_words"`);
    await queryRunner.query(`DROP FUNCTION name_word_pairs(text)`);
    await queryRunner.query(`ALTER TABLE "name_word_pairs" DROP CONSTRAINT "fk_name_word_pairs_variant"`);
    await queryRunner.query(`DROP TABLE "name_word_pairs"`);
    await queryRunner.query(`DROP TABLE "name_words"`);
    await queryRunner.query(`CREATE INDEX "ix_person_name_variants_phonetic" ON "person_name_variants" USING gin ("phonetic_tokens")`);
    await queryRunner.query(`CREATE INDEX "ix_person_name_variants_skeleton_trgm" ON "person_name_variants" USING gin ("skeleton" gin_trgm_ops)`);
  }
}
