import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Evidence1795496868427 implements MigrationInterface {
  name = 'Evidence1795496868427';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "archive_request_id" uuid, "uploaded_by" uuid NOT NULL, "kind" character varying(32) NOT NULL, "declared_mime" character varying(100) NOT NULL, "detected_mime" character varying(100), "sha256" character(64) NOT NULL, "size" bigint NOT NULL, "original_name" text NOT NULL, "version_no" integer NOT NULL DEFAULT '1', "previous_id" uuid, "duplicate_of" uuid, "document_date" text, "language" character varying(16), "archive_code" text, "fond" text, "opis" text, "delo" text, "sheets" jsonb, "reference_text" text, "pages" integer, "text_content" text, "tsv" tsvector, "verification" character varying(16) NOT NULL DEFAULT 'unverified', "verified_by" uuid, "verified_at" TIMESTAMP WITH TIME ZONE, "verification_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_evidence_verification" CHECK (verification IN ('unverified','verified','rejected')), CONSTRAINT "ck_evidence_kind" CHECK (kind IN ('investigation_file','troika_protocol','execution_act','rehabilitation_certificate','photo','other')), CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_evidence_case_sha256" ON "evidence"  ("case_id", "sha256") `);
    await queryRunner.query(`CREATE INDEX "ix_evidence_case" ON "evidence"  ("case_id", "created_at") `);
    // Written by hand: full-text search over the extracted text (the entity declares it synchronize: false).
    await queryRunner.query(`CREATE INDEX "ix_evidence_tsv" ON "evidence" USING gin ("tsv")`);
    await queryRunner.query(`CREATE TABLE "evidence_checks" ("evidence_id" uuid NOT NULL, "check" character varying(16) NOT NULL, "state" character varying(16) NOT NULL DEFAULT 'pending', "reason" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_evidence_checks_state" CHECK (state IN ('pending','running','passed','failed','quarantined','not_scanned')), CONSTRAINT "ck_evidence_checks_check" CHECK ("check" IN ('sniff','checksum','malware','text','ocr')), CONSTRAINT "PK_350cd4b489e0ede6e2b22ba7f5f" PRIMARY KEY ("evidence_id", "check"))`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_archive_request" FOREIGN KEY ("archive_request_id") REFERENCES "archive_requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_previous" FOREIGN KEY ("previous_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_duplicate_of" FOREIGN KEY ("duplicate_of") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_verified_by" FOREIGN KEY ("verified_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_checks" ADD CONSTRAINT "fk_evidence_checks_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_checks" DROP CONSTRAINT "fk_evidence_checks_evidence"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_verified_by"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_duplicate_of"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_previous"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_uploaded_by"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_archive_request"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_case"`);
    await queryRunner.query(`DROP TABLE "evidence_checks"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_tsv"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_case_sha256"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
  }
}
