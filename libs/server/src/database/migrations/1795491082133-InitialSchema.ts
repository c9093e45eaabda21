import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795491082133 implements MigrationInterface {
  name = 'InitialSchema1795491082133';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "holidays" ("date" date NOT NULL, "name_kk" text NOT NULL, "name_ru" text NOT NULL, "name_en" text NOT NULL, CONSTRAINT "PK_40dfddee0c0d7125c767d8962b1" PRIMARY KEY ("date"))`);
    await queryRunner.query(`CREATE TABLE "regions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(8) NOT NULL, "kind" character varying(16) NOT NULL, "name_kk" text NOT NULL, "name_ru" text NOT NULL, "name_en" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4fcd12ed6a046276e2deb08801c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_regions_code" ON "regions"  ("code") `);
    await queryRunner.query(`CREATE TABLE "archives" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(16) NOT NULL, "kind" character varying(24) NOT NULL, "region_id" uuid, "name_kk" text NOT NULL, "name_ru" text NOT NULL, "name_en" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c3ec7997b37170870ed028fe0e3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_archives_code" ON "archives"  ("code") `);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "display_name" character varying(200) NOT NULL, "password_hash" text NOT NULL, "role" character varying(32) NOT NULL, "region_id" uuid, "archive_id" uuid, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "ck_users_email_lowercase" CHECK (email = lower(email)), CONSTRAINT "ck_users_archive_scope" CHECK (role <> 'archive_liaison' OR archive_id IS NOT NULL), CONSTRAINT "ck_users_region_scope" CHECK (role NOT IN ('wg_member','wg_lead') OR region_id IS NOT NULL), CONSTRAINT "ck_users_role" CHECK (role IN ('admin','secretary','wg_member','wg_lead','archive_liaison','commission_member','chair','auditor')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users"  ("email") `);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(100) NOT NULL, "params" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_notifications_user_created" ON "notifications"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "outbox_messages" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "job_name" character varying(100) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_messages_pending" ON "outbox_messages"  ("id") WHERE dispatched_at IS NULL`);
    await queryRunner.query(`ALTER TABLE "archives" ADD CONSTRAINT "fk_archives_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "fk_users_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "fk_users_archive" FOREIGN KEY ("archive_id") REFERENCES "archives"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "fk_notifications_user"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_archive"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_region"`);
    await queryRunner.query(`ALTER TABLE "archives" DROP CONSTRAINT "fk_archives_region"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_messages_pending"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_user_created"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."uq_archives_code"`);
    await queryRunner.query(`DROP TABLE "archives"`);
    await queryRunner.query(`DROP INDEX "public"."uq_regions_code"`);
    await queryRunner.query(`DROP TABLE "regions"`);
    await queryRunner.query(`DROP TABLE "holidays"`);
  }
}
