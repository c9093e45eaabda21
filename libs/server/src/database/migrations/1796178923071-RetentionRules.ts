import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention as data: one rule per category (how many days records are kept, then delete, reduce or keep),
 * seeded with the defaults below and edited by an administrator through the API. The values are data from
 * here on; this migration is never edited to change them.
 */
export class RetentionRules1796178923071 implements MigrationInterface {
  name = 'RetentionRules1796178923071';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "retention_rules" ("category" character varying(40) NOT NULL, "keep_days" integer NOT NULL, "action" character varying(16) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "ck_retention_rules_category" CHECK (category IN ('outbox_messages','delivered_notifications','import_staging','temporary_uploads','closed_case_applicants')), CONSTRAINT "ck_retention_rules_action" CHECK (action IN ('delete','reduce','keep')), CONSTRAINT "ck_retention_rules_keep_days" CHECK (keep_days BETWEEN 1 AND 36500), CONSTRAINT "pk_retention_rules" PRIMARY KEY ("category"))`,
    );
    await queryRunner.query(`ALTER TABLE "retention_rules" ADD CONSTRAINT "fk_retention_rules_updated_by" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    // defaults: published outbox rows a week, delivered notifications a year, staged rows of finished imports a month,
    // upload leftovers a day; the applicant's contact details five years after the case was closed
    await queryRunner.query(`INSERT INTO "retention_rules" (category, keep_days, action) VALUES
      ('outbox_messages', 7, 'delete'),
      ('delivered_notifications', 365, 'delete'),
      ('import_staging', 30, 'delete'),
      ('temporary_uploads', 1, 'delete'),
      ('closed_case_applicants', 1825, 'reduce')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "retention_rules" DROP CONSTRAINT "fk_retention_rules_updated_by"`);
    await queryRunner.query(`DROP TABLE "retention_rules"`);
  }
}
