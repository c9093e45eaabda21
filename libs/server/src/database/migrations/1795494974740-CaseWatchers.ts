import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseWatchers1795494974740 implements MigrationInterface {
  name = 'CaseWatchers1795494974740';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_watchers" ("case_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_case_watchers" PRIMARY KEY ("case_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_case_watchers_user" ON "case_watchers"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "case_watchers" ADD CONSTRAINT "fk_case_watchers_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_watchers" ADD CONSTRAINT "fk_case_watchers_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_watchers" DROP CONSTRAINT "fk_case_watchers_user"`);
    await queryRunner.query(`ALTER TABLE "case_watchers" DROP CONSTRAINT "fk_case_watchers_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_watchers_user"`);
    await queryRunner.query(`DROP TABLE "case_watchers"`);
  }
}
