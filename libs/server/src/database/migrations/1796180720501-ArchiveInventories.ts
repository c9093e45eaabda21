import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Archive inventories (fonds → opisi → files with declassification), the persons a file mentions, and requests citing a file. */
export class ArchiveInventories1796180720501 implements MigrationInterface {
  name = 'ArchiveInventories1796180720501';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "archive_inventory_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "archive_id" uuid NOT NULL, "fond" text NOT NULL, "opis" text NOT NULL, "delo" text NOT NULL, "title" text NOT NULL DEFAULT '', "years_text" text, "status" character varying(16) NOT NULL, "declassified_on" date, "note" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_archive_inventory_entries_status" CHECK (status IN ('declassified','classified','unknown')), CONSTRAINT "PK_e092b05948d03c28512578d6e2c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_archive_inventory_entries_file" ON "archive_inventory_entries" ("archive_id", "fond", "opis", "delo") `);
    await queryRunner.query(`CREATE TABLE "archive_inventory_mentions" ("entry_id" uuid NOT NULL, "person_id" uuid NOT NULL, "sheets" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6e9e223f98bd5da2c47726e5557" PRIMARY KEY ("entry_id", "person_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_archive_inventory_mentions_person" ON "archive_inventory_mentions" ("person_id") `);
    await queryRunner.query(`ALTER TABLE "archive_requests" ADD "inventory_entry_id" uuid`);
    await queryRunner.query(`ALTER TABLE "archive_inventory_entries" ADD CONSTRAINT "fk_archive_inventory_entries_archive" FOREIGN KEY ("archive_id") REFERENCES "archives"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "archive_inventory_mentions" ADD CONSTRAINT "fk_archive_inventory_mentions_entry" FOREIGN KEY ("entry_id") REFERENCES "archive_inventory_entries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "archive_inventory_mentions" ADD CONSTRAINT "fk_archive_inventory_mentions_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "archive_requests" ADD CONSTRAINT "fk_archive_requests_inventory_entry" FOREIGN KEY ("inventory_entry_id") REFERENCES "archive_inventory_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "archive_requests" DROP CONSTRAINT "fk_archive_requests_inventory_entry"`);
    await queryRunner.query(`ALTER TABLE "archive_requests" DROP COLUMN "inventory_entry_id"`);
    await queryRunner.query(`DROP TABLE "archive_inventory_mentions"`);
    await queryRunner.query(`DROP TABLE "archive_inventory_entries"`);
  }
}
