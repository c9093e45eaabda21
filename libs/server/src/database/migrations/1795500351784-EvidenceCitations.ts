import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EvidenceCitations1795500351784 implements MigrationInterface {
  name = 'EvidenceCitations1795500351784';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "conclusion_citations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conclusion_id" uuid NOT NULL, "evidence_id" uuid NOT NULL, "page_from" integer NOT NULL, "page_to" integer NOT NULL, "statement" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "ck_conclusion_citations_pages" CHECK (page_from >= 1 AND page_to >= page_from), CONSTRAINT "PK_7cb2a32bc4273b71d1b753b084c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_conclusion_citations_evidence" ON "conclusion_citations"  ("evidence_id") `);
    await queryRunner.query(`CREATE INDEX "ix_conclusion_citations_conclusion" ON "conclusion_citations"  ("conclusion_id") `);
    await queryRunner.query(`CREATE TABLE "evidence_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evidence_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "key" text NOT NULL, "text" text NOT NULL, "page" integer NOT NULL, "value" jsonb, "person_id" uuid, "score" real, "status" character varying(16) NOT NULL DEFAULT 'proposed', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_evidence_proposals_status" CHECK (status IN ('proposed','confirmed','dismissed')), CONSTRAINT "ck_evidence_proposals_kind" CHECK (kind IN ('reference','date','person')), CONSTRAINT "PK_8f944bf80d65fe17e8ee1558842" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_evidence_proposals_finding" ON "evidence_proposals"  ("evidence_id", "kind", "key") `);
    await queryRunner.query(`ALTER TABLE "conclusions" DROP COLUMN "cited_evidence"`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "thumbnail_sha256" character(64)`);
    // written by hand: the generator does not compare CHECK expressions (two new checks: thumbnail, proposals)
    await queryRunner.query(`ALTER TABLE "evidence_checks" DROP CONSTRAINT "ck_evidence_checks_check"`);
    await queryRunner.query(`ALTER TABLE "evidence_checks" ADD CONSTRAINT "ck_evidence_checks_check" CHECK ("check" IN ('sniff','checksum','malware','text','ocr','thumbnail','proposals'))`);
    await queryRunner.query(`ALTER TABLE "conclusion_citations" ADD CONSTRAINT "fk_conclusion_citations_conclusion" FOREIGN KEY ("conclusion_id") REFERENCES "conclusions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conclusion_citations" ADD CONSTRAINT "fk_conclusion_citations_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_proposals" ADD CONSTRAINT "fk_evidence_proposals_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_proposals" ADD CONSTRAINT "fk_evidence_proposals_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_proposals" ADD CONSTRAINT "fk_evidence_proposals_decided_by" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_proposals" DROP CONSTRAINT "fk_evidence_proposals_decided_by"`);
    await queryRunner.query(`ALTER TABLE "evidence_proposals" DROP CONSTRAINT "fk_evidence_proposals_person"`);
    await queryRunner.query(`ALTER TABLE "evidence_proposals" DROP CONSTRAINT "fk_evidence_proposals_evidence"`);
    await queryRunner.query(`ALTER TABLE "conclusion_citations" DROP CONSTRAINT "fk_conclusion_citations_evidence"`);
    await queryRunner.query(`ALTER TABLE "conclusion_citations" DROP CONSTRAINT "fk_conclusion_citations_conclusion"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "thumbnail_sha256"`);
    await queryRunner.query(`ALTER TABLE "conclusions" ADD "cited_evidence" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`DELETE FROM "evidence_checks" WHERE "check" IN ('thumbnail','proposals')`);
    await queryRunner.query(`ALTER TABLE "evidence_checks" DROP CONSTRAINT "ck_evidence_checks_check"`);
    await queryRunner.query(`ALTER TABLE "evidence_checks" ADD CONSTRAINT "ck_evidence_checks_check" CHECK ("check" IN ('sniff','checksum','malware','text','ocr'))`);
    await queryRunner.query(`DROP INDEX "public"."uq_evidence_proposals_finding"`);
    await queryRunner.query(`DROP TABLE "evidence_proposals"`);
    await queryRunner.query(`DROP INDEX "public"."ix_conclusion_citations_conclusion"`);
    await queryRunner.query(`DROP INDEX "public"."ix_conclusion_citations_evidence"`);
    await queryRunner.query(`DROP TABLE "conclusion_citations"`);
  }
}
