import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search across cases: one text-search vector per searched text (a document's text or OCR, a case's
 * summary, a conclusion's reasoning, a fact's note), indexed by expression. The vector holds Russian stems
 * ('russian') and the words folded as names are ('simple' over lower case with the Kazakh letters ә ғ қ ң ө ұ ү һ і
 * and ё folded to their nearest Russian ones), so "Қарағанды" and "Караганды" find each other and "расстреляли"
 * finds "расстрел". Functions are IMMUTABLE (fixed configurations), so the indexes can use them.
 */
export class CaseFullTextSearch1796181051965 implements MigrationInterface {
  name = 'CaseFullTextSearch1796181051965';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION aqtalu_search_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT translate(lower(value), 'әғқңөұүһіё', 'агкноуухие') $$`);
    await queryRunner.query(`CREATE FUNCTION aqtalu_search_vector(value text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT to_tsvector('pg_catalog.russian'::regconfig, coalesce(value, '')) || to_tsvector('pg_catalog.simple'::regconfig, public.aqtalu_search_fold(coalesce(value, ''))) $$`);
    await queryRunner.query(`CREATE FUNCTION aqtalu_search_query(value text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT websearch_to_tsquery('pg_catalog.russian'::regconfig, value) || websearch_to_tsquery('pg_catalog.simple'::regconfig, public.aqtalu_search_fold(value)) $$`);
    await queryRunner.query(`CREATE INDEX "ix_evidence_search" ON "evidence" USING gin (aqtalu_search_vector(text_content)) WHERE text_content IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_cases_search" ON "cases" USING gin (aqtalu_search_vector(summary))`);
    await queryRunner.query(`CREATE INDEX "ix_conclusions_search" ON "conclusions" USING gin (aqtalu_search_vector(reasoning))`);
    await queryRunner.query(`CREATE INDEX "ix_person_facts_search" ON "person_facts" USING gin (aqtalu_search_vector(note)) WHERE note IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_person_facts_search"`);
    await queryRunner.query(`DROP INDEX "ix_conclusions_search"`);
    await queryRunner.query(`DROP INDEX "ix_cases_search"`);
    await queryRunner.query(`DROP INDEX "ix_evidence_search"`);
    await queryRunner.query(`DROP FUNCTION aqtalu_search_query(text)`);
    await queryRunner.query(`DROP FUNCTION aqtalu_search_vector(text)`);
    await queryRunner.query(`DROP FUNCTION aqtalu_search_fold(text)`);
  }
}
