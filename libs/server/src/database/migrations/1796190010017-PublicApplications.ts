import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Online applications of the public door: each opens a case and is followed by its tracking code; the applicant's
 * consent to the processing of personal data is recorded with the version of the text agreed to; the e-mails to the
 * applicant are rows sent once by the worker. Cases and evidence name the user who made them, so the online door acts
 * as an account of its own: disabled (it never signs in, is never notified), holding no password. The application
 * role gets its privileges from aqtalu_grant_app_privileges.
 */
export class PublicApplications1796190010017 implements MigrationInterface {
  name = 'PublicApplications1796190010017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`INSERT INTO users (email, display_name, password_hash, role, disabled_at, version)
      VALUES ('online-applications@aqtalu.invalid', 'Онлайн өтініш / Онлайн-заявление', '!', 'secretary', now(), 1) ON CONFLICT (email) DO NOTHING`);
    await queryRunner.query(`CREATE TABLE "public_applications" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "tracking_code" character varying(24) NOT NULL,
      "case_id" uuid NOT NULL,
      "applicant_email" character varying(320) NOT NULL,
      "language" character varying(2) NOT NULL,
      "consent_version" character varying(32) NOT NULL,
      "consented_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "submitted_on" date NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_public_applications" PRIMARY KEY ("id"),
      CONSTRAINT "uq_public_applications_tracking_code" UNIQUE ("tracking_code"),
      CONSTRAINT "ck_public_applications_language" CHECK (language IN ('kk','ru','en')),
      CONSTRAINT "fk_public_applications_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE INDEX "ix_public_applications_case" ON "public_applications" ("case_id")`);
    await queryRunner.query(`CREATE TABLE "public_application_mails" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "application_id" uuid NOT NULL,
      "kind" character varying(32) NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "sent_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "pk_public_application_mails" PRIMARY KEY ("id"),
      CONSTRAINT "ck_public_application_mails_kind" CHECK (kind IN ('received','documents_requested')),
      CONSTRAINT "fk_public_application_mails_application" FOREIGN KEY ("application_id") REFERENCES "public_applications"("id") ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE INDEX "ix_public_application_mails_application" ON "public_application_mails" ("application_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "public_application_mails"`);
    await queryRunner.query(`DROP TABLE "public_applications"`);
    await queryRunner.query(`DELETE FROM users WHERE email = 'online-applications@aqtalu.invalid' AND NOT EXISTS (SELECT 1 FROM cases WHERE created_by = users.id) AND NOT EXISTS (SELECT 1 FROM evidence WHERE uploaded_by = users.id)`);
  }
}
