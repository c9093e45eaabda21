import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contributions to the Book of Memory ("I know more about this person"): a fact told by a visitor with its
 * source and an optional scan (checked before a moderator sees it), awaiting moderation; accepted it points to
 * the person fact it became, rejected it keeps the reason's code. The contributor's e-mail is kept to tell them
 * the outcome and is never public. The application role gets its privileges from aqtalu_grant_app_privileges.
 */
export class Contributions1796189951874 implements MigrationInterface {
  name = 'Contributions1796189951874';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "contributions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "person_id" uuid NOT NULL,
      "subject" character varying(32) NOT NULL,
      "value" text,
      "date_text" text,
      "place_text" text,
      "details" text,
      "source_text" text NOT NULL,
      "contributor_name" text NOT NULL,
      "contributor_email" character varying(320) NOT NULL,
      "language" character varying(2) NOT NULL,
      "scan_sha256" character(64),
      "scan_mime" character varying(100),
      "scan_name" text,
      "scan_size" bigint,
      "scan_state" character varying(16) NOT NULL DEFAULT 'none',
      "scan_reason_code" character varying(64),
      "scan_reason_params" jsonb,
      "status" character varying(16) NOT NULL DEFAULT 'pending',
      "rejection" character varying(32),
      "fact_id" uuid,
      "decided_by" uuid,
      "decided_at" TIMESTAMP WITH TIME ZONE,
      "mailed_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_contributions" PRIMARY KEY ("id"),
      CONSTRAINT "ck_contributions_subject" CHECK (subject IN ('nationality','occupation','social_position','party_membership','arrest','sentence','camp','exile','release','death','execution')),
      CONSTRAINT "ck_contributions_status" CHECK (status IN ('pending','accepted','rejected')),
      CONSTRAINT "ck_contributions_scan_state" CHECK (scan_state IN ('none','pending','passed','quarantined')),
      CONSTRAINT "ck_contributions_rejection" CHECK (rejection IS NULL OR rejection IN ('no_source','contradicts_records','other_person','already_known','unverifiable','scan_unsafe')),
      CONSTRAINT "ck_contributions_language" CHECK (language IN ('kk','ru','en')),
      CONSTRAINT "ck_contributions_scan" CHECK ((scan_sha256 IS NULL) = (scan_state = 'none')),
      CONSTRAINT "ck_contributions_decision" CHECK ((status = 'pending') = (decided_at IS NULL) AND (status = 'rejected') = (rejection IS NOT NULL) AND (status <> 'accepted' OR fact_id IS NOT NULL)),
      CONSTRAINT "fk_contributions_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE,
      CONSTRAINT "fk_contributions_fact" FOREIGN KEY ("fact_id") REFERENCES "person_facts"("id") ON DELETE SET NULL,
      CONSTRAINT "fk_contributions_decided_by" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE SET NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_contributions_queue" ON "contributions" ("created_at") WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX "ix_contributions_person" ON "contributions" ("person_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "contributions"`);
  }
}
