import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batch printing and the incoming register. `session_print_batches`: one PDF holding every certificate and
 * decision letter of a commission session, merged by the worker. Incoming letters get a number of the
 * register (`ВХ-<year>/<0001>`, from a counter per year, like outgoing ones) and keep the sender's number
 * in `sender_number`; letters registered before keep theirs there and are numbered in the order they came.
 * The application role gets its privileges from aqtalu_grant_app_privileges.
 */
export class SessionPrintBatchesIncomingNumbers1796189931197 implements MigrationInterface {
  name = 'SessionPrintBatchesIncomingNumbers1796189931197';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "session_print_batches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "session_id" uuid NOT NULL REFERENCES "commission_sessions"("id") ON DELETE CASCADE,
        "status" character varying(16) NOT NULL, "documents" integer, "pdf" bytea, "rendered_at" TIMESTAMP WITH TIME ZONE,
        "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_session_print_batches_status" CHECK (status IN ('rendering','ready')),
        CONSTRAINT "pk_session_print_batches" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_session_print_batches_session" ON "session_print_batches" ("session_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "incoming_letter_counters" ("year" integer NOT NULL, "last_no" integer NOT NULL, CONSTRAINT "pk_incoming_letter_counters" PRIMARY KEY ("year"))`);
    await queryRunner.query(`ALTER TABLE "letters" ADD "sender_number" text`);
    await queryRunner.query(
      `WITH numbered AS (
         SELECT id, extract(year FROM created_at AT TIME ZONE 'Asia/Almaty')::int AS y,
                row_number() OVER (PARTITION BY extract(year FROM created_at AT TIME ZONE 'Asia/Almaty') ORDER BY created_at, id)::int AS n
         FROM letters WHERE direction = 'incoming')
       UPDATE letters l SET sender_number = l.number, year = numbered.y, seq = numbered.n, number = 'ВХ-' || numbered.y || '/' || lpad(numbered.n::text, 4, '0')
       FROM numbered WHERE numbered.id = l.id`,
    );
    await queryRunner.query(`INSERT INTO incoming_letter_counters (year, last_no) SELECT year, max(seq) FROM letters WHERE direction = 'incoming' GROUP BY year`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_letters_incoming_number" ON "letters" ("year", "seq") WHERE direction = 'incoming'`);
    await queryRunner.query(`ALTER TABLE "letters" ADD CONSTRAINT "ck_letters_incoming" CHECK (direction = 'outgoing' OR (year IS NOT NULL AND seq IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "ck_letters_incoming"`);
    await queryRunner.query(`DROP INDEX "uq_letters_incoming_number"`);
    await queryRunner.query(`UPDATE letters SET number = sender_number, year = NULL, seq = NULL WHERE direction = 'incoming'`);
    await queryRunner.query(`ALTER TABLE "letters" DROP COLUMN "sender_number"`);
    await queryRunner.query(`DROP TABLE "incoming_letter_counters"`);
    await queryRunner.query(`DROP TABLE "session_print_batches"`);
  }
}
