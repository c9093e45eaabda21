import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The active-content check of PDFs, and two partial indexes for the job reconciler and health: the
 * check-evidence outbox rows by evidence (which job belongs to an evidence), and unfinished checks by age.
 */
export class EvidenceActiveContentReconciliation1796171677104 implements MigrationInterface {
  name = 'EvidenceActiveContentReconciliation1796171677104';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_checks" DROP CONSTRAINT "ck_evidence_checks_check"`);
    await queryRunner.query(`ALTER TABLE "evidence_checks" ADD CONSTRAINT "ck_evidence_checks_check" CHECK ("check" IN ('sniff','checksum','malware','active_content','text','ocr','thumbnail','proposals'))`);
    await queryRunner.query(`CREATE INDEX "ix_evidence_checks_unfinished" ON "evidence_checks" ("updated_at") WHERE state IN ('pending', 'running')`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_messages_evidence" ON "outbox_messages" ((payload->>'evidenceId'), "id") WHERE job_name = 'check-evidence'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_messages_evidence"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_checks_unfinished"`);
    await queryRunner.query(`DELETE FROM "evidence_checks" WHERE "check" = 'active_content'`);
    await queryRunner.query(`ALTER TABLE "evidence_checks" DROP CONSTRAINT "ck_evidence_checks_check"`);
    await queryRunner.query(`ALTER TABLE "evidence_checks" ADD CONSTRAINT "ck_evidence_checks_check" CHECK ("check" IN ('sniff','checksum','malware','text','ocr','thumbnail','proposals'))`);
  }
}
