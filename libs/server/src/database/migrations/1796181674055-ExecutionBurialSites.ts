import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Execution and burial sites in the gazetteer, and the sources a place is known from. */
export class ExecutionBurialSites1796181674055 implements MigrationInterface {
  name = 'ExecutionBurialSites1796181674055';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "places" DROP CONSTRAINT "ck_places_kind"`);
    await queryRunner.query(`ALTER TABLE "places" ADD CONSTRAINT "ck_places_kind" CHECK (kind IN ('guberniya','oblast','okrug','uezd','volost','raion','aul_soviet','city','settlement','execution_site','burial_site'))`);
    await queryRunner.query(`CREATE TABLE "place_sources" ("source_kind" character varying(16) NOT NULL, "archive" text, "fond" text, "opis" text, "delo" text, "sheets" jsonb, "reference_text" text, "book_title" text, "book_volume" text, "book_page" integer, "evidence_id" uuid, "page_from" integer, "page_to" integer, "note" text, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "place_id" uuid NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_place_sources_source" CHECK ((source_kind = 'archival' AND reference_text IS NOT NULL AND evidence_id IS NULL AND book_title IS NULL)
   OR (source_kind = 'book' AND book_title IS NOT NULL AND book_page IS NOT NULL AND evidence_id IS NULL AND reference_text IS NULL)
   OR (source_kind = 'evidence' AND evidence_id IS NOT NULL AND page_from IS NOT NULL AND page_to IS NOT NULL AND book_title IS NULL AND reference_text IS NULL)), CONSTRAINT "ck_place_sources_source_kind" CHECK (source_kind IN ('archival','book','evidence')), CONSTRAINT "PK_88b6cfbfc105b3c18370d977ca7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_place_sources_place" ON "place_sources" ("place_id") `);
    await queryRunner.query(`ALTER TABLE "place_sources" ADD CONSTRAINT "fk_place_sources_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "place_sources" ADD CONSTRAINT "fk_place_sources_place" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "place_sources"`);
    await queryRunner.query(`DELETE FROM "places" WHERE kind IN ('execution_site', 'burial_site')`);
    await queryRunner.query(`ALTER TABLE "places" DROP CONSTRAINT "ck_places_kind"`);
    await queryRunner.query(`ALTER TABLE "places" ADD CONSTRAINT "ck_places_kind" CHECK (kind IN ('guberniya','oblast','okrug','uezd','volost','raion','aul_soviet','city','settlement'))`);
  }
}
