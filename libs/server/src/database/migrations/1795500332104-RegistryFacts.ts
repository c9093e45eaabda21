import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistryFacts1795500332104 implements MigrationInterface {
  name = 'RegistryFacts1795500332104';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "places" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64), "kind" character varying(16) NOT NULL, "region_id" uuid, "parent_id" uuid, "name_kk" text NOT NULL, "name_ru" text NOT NULL, "name_en" text NOT NULL, "valid_from" integer, "valid_to" integer, "latitude" double precision, "longitude" double precision, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_places_years" CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to), CONSTRAINT "ck_places_kind" CHECK (kind IN ('guberniya','oblast','okrug','uezd','volost','raion','aul_soviet','city','settlement')), CONSTRAINT "PK_1afab86e226b4c3bc9a74465c12" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_places_region" ON "places"  ("region_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_places_code" ON "places"  ("code") `);
    await queryRunner.query(`CREATE TABLE "place_names" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "place_id" uuid NOT NULL, "name" text NOT NULL, "language" character varying(8) NOT NULL, "valid_from" integer, "valid_to" integer, "search_key" text NOT NULL, CONSTRAINT "ck_place_names_language" CHECK (language IN ('kk','ru','lat')), CONSTRAINT "PK_28a7440d7b09af0282f27a96f9e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_place_names_place" ON "place_names"  ("place_id") `);
    // written by hand: trigram search over every name of a place, in any script (entity: synchronize false)
    await queryRunner.query(`CREATE INDEX "ix_place_names_search_key_trgm" ON "place_names" USING gin ("search_key" gin_trgm_ops)`);
    await queryRunner.query(`CREATE TABLE "sentencing_bodies" ("code" character varying(48) NOT NULL, "name_kk" text NOT NULL, "name_ru" text NOT NULL, "name_en" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5b7f30737b855690683961abf6b" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "criminal_articles" ("code" character varying(48) NOT NULL, "name_kk" text NOT NULL, "name_ru" text NOT NULL, "name_en" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "criminal_code" character varying(32) NOT NULL, "article" character varying(32) NOT NULL, CONSTRAINT "PK_b09a189ea90866c312de033318c" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "sentence_kinds" ("code" character varying(48) NOT NULL, "name_kk" text NOT NULL, "name_ru" text NOT NULL, "name_en" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4d16ca0c43612322f46e2a319bc" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "camps" ("code" character varying(48) NOT NULL, "name_kk" text NOT NULL, "name_ru" text NOT NULL, "name_en" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "latitude" double precision, "longitude" double precision, "opened_year" integer, "closed_year" integer, CONSTRAINT "PK_97664f46340b6ef77b512ae84cc" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "person_facts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "recorded_for_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "episode_kind" character varying(32), "accept_key" character varying(80) NOT NULL, "value" text, "date_text" text, "date_earliest" date, "date_latest" date, "date_precision" character varying(16), "place_id" uuid, "place_text" text, "related_person_id" uuid, "sentencing_body_code" character varying(48), "article_codes" character varying(48) array NOT NULL DEFAULT '{}', "sentence_kind_code" character varying(48), "sentence_term" text, "camp_code" character varying(48), "source_kind" character varying(16) NOT NULL, "archive" text, "fond" text, "opis" text, "delo" text, "sheets" jsonb, "reference_text" text, "book_title" text, "book_volume" text, "book_page" integer, "evidence_id" uuid, "page_from" integer, "page_to" integer, "note" text, "accepted" boolean NOT NULL DEFAULT false, "accepted_by" uuid, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_before_merge" boolean NOT NULL DEFAULT false, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_person_facts_dates" CHECK (date_earliest IS NULL OR date_earliest <= date_latest), CONSTRAINT "ck_person_facts_book_page" CHECK (book_page IS NULL OR book_page >= 1), CONSTRAINT "ck_person_facts_pages" CHECK (page_from IS NULL OR (page_from >= 1 AND page_to >= page_from)), CONSTRAINT "ck_person_facts_source" CHECK ((source_kind = 'archival' AND reference_text IS NOT NULL AND evidence_id IS NULL AND book_title IS NULL)
   OR (source_kind = 'book' AND book_title IS NOT NULL AND book_page IS NOT NULL AND evidence_id IS NULL AND reference_text IS NULL)
   OR (source_kind = 'evidence' AND evidence_id IS NOT NULL AND page_from IS NOT NULL AND page_to IS NOT NULL AND book_title IS NULL AND reference_text IS NULL)), CONSTRAINT "ck_person_facts_source_kind" CHECK (source_kind IN ('archival','book','evidence')), CONSTRAINT "ck_person_facts_episode_kind" CHECK ((kind = 'episode') = (episode_kind IS NOT NULL) AND (episode_kind IS NULL OR episode_kind IN ('arrest','indictment','sentence','execution','camp','exile','special_settlement','release','re_arrest','death','earlier_rehabilitation'))), CONSTRAINT "ck_person_facts_kind" CHECK (kind IN ('birth_year','birthplace','nationality','occupation','social_position','party_membership','family_link','linked_event','episode')), CONSTRAINT "PK_dfcb6dc69e1b5c929d08c852741" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_person_facts_accepted" ON "person_facts"  ("person_id", "accept_key") WHERE accepted`);
    await queryRunner.query(`CREATE INDEX "ix_person_facts_sentence_kind" ON "person_facts"  ("sentence_kind_code", "person_id") WHERE sentence_kind_code IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_person_facts_evidence" ON "person_facts"  ("evidence_id") WHERE evidence_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_person_facts_recorded_for" ON "person_facts"  ("recorded_for_id") `);
    await queryRunner.query(`CREATE INDEX "ix_person_facts_person" ON "person_facts"  ("person_id", "date_earliest", "date_latest") `);
    await queryRunner.query(`ALTER TABLE "persons" ADD "birthplace_place_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_persons_birthplace_place" ON "persons"  ("birthplace_place_id") WHERE birthplace_place_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "places" ADD CONSTRAINT "fk_places_region" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "places" ADD CONSTRAINT "fk_places_parent" FOREIGN KEY ("parent_id") REFERENCES "places"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "place_names" ADD CONSTRAINT "fk_place_names_place" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "persons" ADD CONSTRAINT "fk_persons_birthplace_place" FOREIGN KEY ("birthplace_place_id") REFERENCES "places"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_facts" ADD CONSTRAINT "fk_person_facts_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_facts" ADD CONSTRAINT "fk_person_facts_place" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_facts" ADD CONSTRAINT "fk_person_facts_related_person" FOREIGN KEY ("related_person_id") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_facts" ADD CONSTRAINT "fk_person_facts_sentencing_body" FOREIGN KEY ("sentencing_body_code") REFERENCES "sentencing_bodies"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_facts" ADD CONSTRAINT "fk_person_facts_sentence_kind" FOREIGN KEY ("sentence_kind_code") REFERENCES "sentence_kinds"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_facts" ADD CONSTRAINT "fk_person_facts_camp" FOREIGN KEY ("camp_code") REFERENCES "camps"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_facts" ADD CONSTRAINT "fk_person_facts_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_facts" ADD CONSTRAINT "fk_person_facts_accepted_by" FOREIGN KEY ("accepted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_facts" ADD CONSTRAINT "fk_person_facts_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person_facts" DROP CONSTRAINT "fk_person_facts_created_by"`);
    await queryRunner.query(`ALTER TABLE "person_facts" DROP CONSTRAINT "fk_person_facts_accepted_by"`);
    await queryRunner.query(`ALTER TABLE "person_facts" DROP CONSTRAINT "fk_person_facts_evidence"`);
    await queryRunner.query(`ALTER TABLE "person_facts" DROP CONSTRAINT "fk_person_facts_camp"`);
    await queryRunner.query(`ALTER TABLE "person_facts" DROP CONSTRAINT "fk_person_facts_sentence_kind"`);
    await queryRunner.query(`ALTER TABLE "person_facts" DROP CONSTRAINT "fk_person_facts_sentencing_body"`);
    await queryRunner.query(`ALTER TABLE "person_facts" DROP CONSTRAINT "fk_person_facts_related_person"`);
    await queryRunner.query(`ALTER TABLE "person_facts" DROP CONSTRAINT "fk_person_facts_place"`);
    await queryRunner.query(`ALTER TABLE "person_facts" DROP CONSTRAINT "fk_person_facts_person"`);
    await queryRunner.query(`ALTER TABLE "persons" DROP CONSTRAINT "fk_persons_birthplace_place"`);
    await queryRunner.query(`ALTER TABLE "place_names" DROP CONSTRAINT "fk_place_names_place"`);
    await queryRunner.query(`ALTER TABLE "places" DROP CONSTRAINT "fk_places_parent"`);
    await queryRunner.query(`ALTER TABLE "places" DROP CONSTRAINT "fk_places_region"`);
    await queryRunner.query(`DROP INDEX "public"."ix_persons_birthplace_place"`);
    await queryRunner.query(`ALTER TABLE "persons" DROP COLUMN "birthplace_place_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_facts_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_facts_recorded_for"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_facts_evidence"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_facts_sentence_kind"`);
    await queryRunner.query(`DROP INDEX "public"."uq_person_facts_accepted"`);
    await queryRunner.query(`DROP TABLE "person_facts"`);
    await queryRunner.query(`DROP TABLE "camps"`);
    await queryRunner.query(`DROP TABLE "sentence_kinds"`);
    await queryRunner.query(`DROP TABLE "criminal_articles"`);
    await queryRunner.query(`DROP TABLE "sentencing_bodies"`);
    await queryRunner.query(`DROP INDEX "public"."ix_place_names_search_key_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_place_names_place"`);
    await queryRunner.query(`DROP TABLE "place_names"`);
    await queryRunner.query(`DROP INDEX "public"."uq_places_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_places_region"`);
    await queryRunner.query(`DROP TABLE "places"`);
  }
}
