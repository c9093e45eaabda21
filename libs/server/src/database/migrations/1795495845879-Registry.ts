import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Registry1795495845879 implements MigrationInterface {
  name = 'Registry1795495845879';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram similarity for name search; ships with PostgreSQL (contrib).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE TABLE "person_name_variants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "recorded_for_id" uuid NOT NULL, "full_name" text NOT NULL, "script" character varying(16) NOT NULL, "source" text, "skeleton" text NOT NULL, "phonetic_tokens" text array NOT NULL, "initials" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_person_name_variants_script" CHECK (script IN ('kk-cyrl','ru-cyrl','latin','other')), CONSTRAINT "PK_a61ec3914c790f0945b659db6b1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_person_name_variants_person" ON "person_name_variants"  ("person_id") `);
    await queryRunner.query(`CREATE TABLE "duplicate_candidates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_a_id" uuid NOT NULL, "person_b_id" uuid NOT NULL, "score" real NOT NULL, "reasons" jsonb NOT NULL, "status" character varying(16) NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_duplicate_candidates_status" CHECK (status IN ('proposed','merged','different')), CONSTRAINT "ck_duplicate_candidates_order" CHECK (person_a_id < person_b_id), CONSTRAINT "PK_ab92e7eb022be6482abf6d575f6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_duplicate_candidates_status" ON "duplicate_candidates"  ("status", "score") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_duplicate_candidates_pair" ON "duplicate_candidates"  ("person_a_id", "person_b_id") `);
    await queryRunner.query(`ALTER TABLE "persons" ADD "merged_into_id" uuid`);
    await queryRunner.query(`ALTER TABLE "persons" ADD "duplicates_checked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "person_name_variants" ADD CONSTRAINT "fk_person_name_variants_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "duplicate_candidates" ADD CONSTRAINT "fk_duplicate_candidates_a" FOREIGN KEY ("person_a_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "duplicate_candidates" ADD CONSTRAINT "fk_duplicate_candidates_b" FOREIGN KEY ("person_b_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "duplicate_candidates" ADD CONSTRAINT "fk_duplicate_candidates_decided_by" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE INDEX "ix_person_name_variants_skeleton_trgm" ON "person_name_variants" USING gin ("skeleton" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_person_name_variants_phonetic" ON "person_name_variants" USING gin ("phonetic_tokens")`);
    await queryRunner.query(`CREATE INDEX "ix_persons_duplicates_unchecked" ON "persons" ("created_at") WHERE duplicates_checked_at IS NULL AND merged_into_id IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_persons_duplicates_unchecked"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_name_variants_phonetic"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_name_variants_skeleton_trgm"`);
    await queryRunner.query(`ALTER TABLE "duplicate_candidates" DROP CONSTRAINT "fk_duplicate_candidates_decided_by"`);
    await queryRunner.query(`ALTER TABLE "duplicate_candidates" DROP CONSTRAINT "fk_duplicate_candidates_b"`);
    await queryRunner.query(`ALTER TABLE "duplicate_candidates" DROP CONSTRAINT "fk_duplicate_candidates_a"`);
    await queryRunner.query(`ALTER TABLE "person_name_variants" DROP CONSTRAINT "fk_person_name_variants_person"`);
    await queryRunner.query(`ALTER TABLE "persons" DROP COLUMN "duplicates_checked_at"`);
    await queryRunner.query(`ALTER TABLE "persons" DROP COLUMN "merged_into_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_duplicate_candidates_pair"`);
    await queryRunner.query(`DROP INDEX "public"."ix_duplicate_candidates_status"`);
    await queryRunner.query(`DROP TABLE "duplicate_candidates"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_name_variants_person"`);
    await queryRunner.query(`DROP TABLE "person_name_variants"`);
  }
}
