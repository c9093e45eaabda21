import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistryImports1795496461618 implements MigrationInterface {
  name = 'RegistryImports1795496461618';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "registry_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "file_name" text NOT NULL, "source" text NOT NULL, "mapping" jsonb NOT NULL, "status" character varying(16) NOT NULL, "total_rows" integer NOT NULL, "created_persons" integer NOT NULL DEFAULT '0', "updated_persons" integer NOT NULL DEFAULT '0', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_registry_imports_status" CHECK (status IN ('loaded','running','done','failed')), CONSTRAINT "PK_be5990f618e9bde82c9f55e866d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "registry_import_rows" ("import_id" uuid NOT NULL, "line" integer NOT NULL, "full_name" text NOT NULL, "birth_year" text, "birthplace" text, "person_ref" uuid, "new_person_id" uuid NOT NULL, "script" character varying(16) NOT NULL, "skeleton" text NOT NULL, "phonetic_tokens" text array NOT NULL, "initials" character varying(64) NOT NULL, "person_id" uuid, CONSTRAINT "PK_a7e3a31c421f351476e05952df0" PRIMARY KEY ("import_id", "line"))`);
    await queryRunner.query(`CREATE INDEX "ix_registry_import_rows_pending" ON "registry_import_rows"  ("import_id", "line") WHERE person_id IS NULL`);
    await queryRunner.query(`ALTER TABLE "registry_import_rows" ADD CONSTRAINT "fk_registry_import_rows_import" FOREIGN KEY ("import_id") REFERENCES "registry_imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registry_import_rows" DROP CONSTRAINT "fk_registry_import_rows_import"`);
    await queryRunner.query(`DROP INDEX "public"."ix_registry_import_rows_pending"`);
    await queryRunner.query(`DROP TABLE "registry_import_rows"`);
    await queryRunner.query(`DROP TABLE "registry_imports"`);
  }
}
