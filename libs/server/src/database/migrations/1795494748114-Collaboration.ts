import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Collaboration1795494748114 implements MigrationInterface {
  name = 'Collaboration1795494748114';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "mentions" uuid array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e309fb1394ca40f0f931642981f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_case_comments_case" ON "case_comments"  ("case_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "case_tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "title" text NOT NULL, "assignee_id" uuid NOT NULL, "due_date" date, "done_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_6884bc205016f0df75a601d9311" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_case_tasks_assignee" ON "case_tasks"  ("assignee_id", "done_at") `);
    await queryRunner.query(`ALTER TABLE "case_comments" ADD CONSTRAINT "fk_case_comments_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_comments" ADD CONSTRAINT "fk_case_comments_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_tasks" ADD CONSTRAINT "fk_case_tasks_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_tasks" ADD CONSTRAINT "fk_case_tasks_assignee" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_tasks" DROP CONSTRAINT "fk_case_tasks_assignee"`);
    await queryRunner.query(`ALTER TABLE "case_tasks" DROP CONSTRAINT "fk_case_tasks_case"`);
    await queryRunner.query(`ALTER TABLE "case_comments" DROP CONSTRAINT "fk_case_comments_author"`);
    await queryRunner.query(`ALTER TABLE "case_comments" DROP CONSTRAINT "fk_case_comments_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_tasks_assignee"`);
    await queryRunner.query(`DROP TABLE "case_tasks"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_comments_case"`);
    await queryRunner.query(`DROP TABLE "case_comments"`);
  }
}
