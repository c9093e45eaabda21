import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry at an archive's scale. Imports apply in line order behind a watermark
 * (`registry_imports.applied_line`) instead of marking every staged row, so a million-row apply rewrites no
 * staging row (a row's person is set at load, its new one, and replaced by the apply when the registry has
 * the person). A source's
 * own ids (`person_external_ids`: source + externalId) let a corrected list update its persons. Facts and
 * episodes are found by an overlap of their uncertain dates through a GiST index on the date range.
 */
export class RegistryImportAtScale1796178642543 implements MigrationInterface {
  name = 'RegistryImportAtScale1796178642543';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registry_imports" ADD "unchanged_rows" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "registry_imports" ADD "applied_line" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "registry_import_rows" ADD "external_id" text`);
    // imports under way keep their progress: batches were applied in line order
    await queryRunner.query(
      `UPDATE "registry_imports" i SET "applied_line" = coalesce((SELECT max(r.line) FROM "registry_import_rows" r WHERE r.import_id = i.id AND r.person_id IS NOT NULL), 0)`,
    );
    // a row's person is known from the load on (its new person), replaced when the apply finds an existing one
    await queryRunner.query(`UPDATE "registry_import_rows" SET "person_id" = "new_person_id" WHERE "person_id" IS NULL`);
    await queryRunner.query(`DROP INDEX "public"."ix_registry_import_rows_pending"`);
    await queryRunner.query(
      `CREATE TABLE "person_external_ids" ("source" text NOT NULL, "external_id" text NOT NULL, "person_id" uuid NOT NULL, "variant_id" uuid,
         "full_name" text NOT NULL, "birth_year" text, "birthplace" text, "import_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_person_external_ids" PRIMARY KEY ("source", "external_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_person_external_ids_person" ON "person_external_ids" ("person_id") `);
    await queryRunner.query(`ALTER TABLE "person_external_ids" ADD CONSTRAINT "fk_person_external_ids_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_external_ids" ADD CONSTRAINT "fk_person_external_ids_variant" FOREIGN KEY ("variant_id") REFERENCES "person_name_variants"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_external_ids" ADD CONSTRAINT "fk_person_external_ids_import" FOREIGN KEY ("import_id") REFERENCES "registry_imports"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    // by hand: an expression index the generator cannot write. "Arrested 1937–1938" overlaps "autumn 1937".
    await queryRunner.query(
      `CREATE INDEX "ix_person_facts_date_range" ON "person_facts" USING gist (daterange("date_earliest", "date_latest", '[]')) WHERE "date_earliest" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_person_facts_date_range"`);
    await queryRunner.query(`ALTER TABLE "person_external_ids" DROP CONSTRAINT "fk_person_external_ids_import"`);
    await queryRunner.query(`ALTER TABLE "person_external_ids" DROP CONSTRAINT "fk_person_external_ids_variant"`);
    await queryRunner.query(`ALTER TABLE "person_external_ids" DROP CONSTRAINT "fk_person_external_ids_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_external_ids_person"`);
    await queryRunner.query(`DROP TABLE "person_external_ids"`);
    await queryRunner.query(`UPDATE "registry_import_rows" r SET "person_id" = NULL FROM "registry_imports" i WHERE i.id = r.import_id AND r.line > i.applied_line`);
    await queryRunner.query(`CREATE INDEX "ix_registry_import_rows_pending" ON "registry_import_rows" ("import_id", "line") WHERE person_id IS NULL`);
    await queryRunner.query(`ALTER TABLE "registry_import_rows" DROP COLUMN "external_id"`);
    await queryRunner.query(`ALTER TABLE "registry_imports" DROP COLUMN "applied_line"`);
    await queryRunner.query(`ALTER TABLE "registry_imports" DROP COLUMN "unchanged_rows"`);
  }
}
