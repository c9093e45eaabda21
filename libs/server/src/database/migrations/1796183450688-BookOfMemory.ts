import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public Book of Memory: which registry persons are published, on what basis, which of their fields,
 * and their withdrawal. `public_reads` counts the public reads of the person page (a counter, not an audit
 * row per visitor). The application role gets its privileges from aqtalu_grant_app_privileges.
 */
export class BookOfMemory1796183450688 implements MigrationInterface {
  name = 'BookOfMemory1796183450688';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "published_persons" (
      "person_id" uuid NOT NULL,
      "basis" character varying(16) NOT NULL,
      "fields" character varying(32)[] NOT NULL,
      "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "published_by" uuid,
      "withdrawn_at" TIMESTAMP WITH TIME ZONE,
      "withdrawn_by" uuid,
      "withdrawal_reason" text,
      "public_reads" bigint NOT NULL DEFAULT 0,
      CONSTRAINT "pk_published_persons" PRIMARY KEY ("person_id"),
      CONSTRAINT "ck_published_persons_basis" CHECK (basis IN ('commission','book','contributed')),
      CONSTRAINT "ck_published_persons_fields" CHECK (fields <@ ARRAY['names','birth_year','birthplace','nationality','occupation','arrest','sentencing_body','articles','sentence','camp','death','rehabilitation','sources']::varchar[]),
      CONSTRAINT "ck_published_persons_withdrawal" CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL)),
      CONSTRAINT "fk_published_persons_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE,
      CONSTRAINT "fk_published_persons_published_by" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE SET NULL,
      CONSTRAINT "fk_published_persons_withdrawn_by" FOREIGN KEY ("withdrawn_by") REFERENCES "users"("id") ON DELETE SET NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_published_persons_current" ON "published_persons" ("person_id") WHERE withdrawn_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "published_persons"`);
  }
}
