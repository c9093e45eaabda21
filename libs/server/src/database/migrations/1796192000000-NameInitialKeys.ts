import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Word-and-initials keys as rows of their own, read by an index-only range scan.
 *
 * `name_word_initial_keys(skeleton, initials)` kept the keys in a GIN index on the spellings: a common surname
 * with a common initial ("abai|a") is ten thousand spellings, each read from the table and its keys computed
 * again to recheck it; among a million persons that one lookup took most of a slow search. Now every word of
 * a spelling that has initials is a row `word|initials` ("abai|a.o.") of `name_initial_keys`, with the
 * spelling's skeleton and initials in the index itself, so that
 * - "Абаев А. О." reads the keys `abai|a.o.` and `abai|a.` (every initial agrees, or the spelling has only the
 *   given one), not every Abaev with an A.;
 * - "А. Абаев" reads the range `abai|a.…` (C collation: the prefix is a range of the primary key);
 * - a query of several full words reads only the spellings of one word (`position(' ' in skeleton) = 0`).
 *
 * The rows follow the spellings by statement-level triggers with transition tables (set-based: one INSERT per
 * statement, whether a person's form adds one spelling or an import a million), and go with them by the
 * foreign key's cascade, so no write path has to remember them.
 */
export class NameInitialKeys1796192000000 implements MigrationInterface {
  name = 'NameInitialKeys1796192000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "name_initial_keys" (
         "key" text COLLATE "C" NOT NULL,
         "variant_id" uuid NOT NULL,
         "skeleton" text NOT NULL,
         "initials" text NOT NULL,
         CONSTRAINT "pk_name_initial_keys" PRIMARY KEY ("key", "variant_id") INCLUDE ("skeleton", "initials"),
         CONSTRAINT "fk_name_initial_keys_variant" FOREIGN KEY ("variant_id") REFERENCES "person_name_variants"("id") ON DELETE CASCADE
       )`,
    );
    await queryRunner.query(`CREATE INDEX "ix_name_initial_keys_variant" ON "name_initial_keys" ("variant_id")`);
    await queryRunner.query(
      `CREATE FUNCTION name_initial_keys_of(skeleton text, initials text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
         SELECT CASE WHEN initials = '' OR skeleton = '' THEN '{}'::text[]
                ELSE (SELECT coalesce(array_agg(DISTINCT w || '|' || initials), '{}') FROM unnest(string_to_array(skeleton, ' ')) w) END
       $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION name_initial_keys_added() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO name_initial_keys (key, variant_id, skeleton, initials)
         SELECT k, n.id, n.skeleton, n.initials FROM added n, unnest(name_initial_keys_of(n.skeleton, n.initials)) k
         ON CONFLICT DO NOTHING;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION name_initial_keys_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         -- only spellings whose keys changed (a merge moves spellings to another person and keeps their keys)
         DELETE FROM name_initial_keys x USING changed n JOIN previous o ON o.id = n.id
         WHERE x.variant_id = n.id AND (n.skeleton, n.initials) IS DISTINCT FROM (o.skeleton, o.initials);
         INSERT INTO name_initial_keys (key, variant_id, skeleton, initials)
         SELECT k, n.id, n.skeleton, n.initials FROM changed n JOIN previous o ON o.id = n.id, unnest(name_initial_keys_of(n.skeleton, n.initials)) k
         WHERE (n.skeleton, n.initials) IS DISTINCT FROM (o.skeleton, o.initials)
         ON CONFLICT DO NOTHING;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "name_initial_keys_on_insert" AFTER INSERT ON "person_name_variants" REFERENCING NEW TABLE AS added
       FOR EACH STATEMENT EXECUTE FUNCTION name_initial_keys_added()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "name_initial_keys_on_update" AFTER UPDATE ON "person_name_variants" REFERENCING OLD TABLE AS previous NEW TABLE AS changed
       FOR EACH STATEMENT EXECUTE FUNCTION name_initial_keys_changed()`,
    );
    await queryRunner.query(
      `INSERT INTO name_initial_keys (key, variant_id, skeleton, initials)
       SELECT k, v.id, v.skeleton, v.initials FROM person_name_variants v, unnest(name_initial_keys_of(v.skeleton, v.initials)) k
       ON CONFLICT DO NOTHING`,
    );
    await queryRunner.query(`DROP INDEX IF EXISTS "ix_person_name_variants_initial_keys"`);
    await queryRunner.query(`DROP FUNCTION name_word_initial_keys(text, text)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION name_word_initial_keys(skeleton text, initials text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
         SELECT CASE WHEN initials = '' OR skeleton = '' THEN '{}'::text[]
                ELSE (SELECT coalesce(array_agg(DISTINCT w || '|' || split_part(initials, '.', 1)), '{}') FROM unnest(string_to_array(skeleton, ' ')) w) END
       $$`,
    );
    await queryRunner.query(`CREATE INDEX "ix_person_name_variants_initial_keys" ON "person_name_variants" USING gin (name_word_initial_keys("skeleton", "initials"))`);
    await queryRunner.query(`DROP TRIGGER "name_initial_keys_on_update" ON "person_name_variants"`);
    await queryRunner.query(`DROP TRIGGER "name_initial_keys_on_insert" ON "person_name_variants"`);
    await queryRunner.query(`DROP FUNCTION name_initial_keys_changed()`);
    await queryRunner.query(`DROP FUNCTION name_initial_keys_added()`);
    await queryRunner.query(`DROP FUNCTION name_initial_keys_of(text, text)`);
    await queryRunner.query(`DROP TABLE "name_initial_keys"`);
  }
}
