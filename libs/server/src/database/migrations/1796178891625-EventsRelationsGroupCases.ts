import type { MigrationInterface, QueryRunner } from 'typeorm';

const sourceColumns = `"source_kind" character varying(16) NOT NULL, "archive" text, "fond" text, "opis" text, "delo" text, "sheets" jsonb, "reference_text" text, "book_title" text, "book_volume" text, "book_page" integer, "evidence_id" uuid, "page_from" integer, "page_to" integer, "note" text`;
const sourceCheck = (table: string) => `CONSTRAINT "ck_${table}_source" CHECK ((source_kind = 'archival' AND reference_text IS NOT NULL AND evidence_id IS NULL AND book_title IS NULL)
   OR (source_kind = 'book' AND book_title IS NOT NULL AND book_page IS NOT NULL AND evidence_id IS NULL AND reference_text IS NULL)
   OR (source_kind = 'evidence' AND evidence_id IS NOT NULL AND page_from IS NOT NULL AND page_to IS NOT NULL AND book_title IS NULL AND reference_text IS NULL)), CONSTRAINT "ck_${table}_source_kind" CHECK (source_kind IN ('archival','book','evidence'))`;

/**
 * Events (uprisings, mass operations, group trials, echelons, confiscation campaigns) with places, sources and
 * participants; typed relations between persons, stored once per unordered pair and kind family, and
 * `person_relation_pairs()` for duplicate detection (relatives are never one person); subjects of a group case
 * marked for an exception before the decision.
 */
export class EventsRelationsGroupCases1796178891625 implements MigrationInterface {
  name = 'EventsRelationsGroupCases1796178891625';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(32) NOT NULL, "name_kk" text NOT NULL DEFAULT '', "name_ru" text NOT NULL DEFAULT '', "name_en" text NOT NULL DEFAULT '', "date_text" text, "date_earliest" date, "date_latest" date, "date_precision" character varying(16), "description" text NOT NULL DEFAULT '', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_events_name" CHECK (name_kk <> '' OR name_ru <> ''), CONSTRAINT "ck_events_dates" CHECK (date_earliest IS NULL OR date_earliest <= date_latest), CONSTRAINT "ck_events_kind" CHECK (kind IN ('uprising','mass_operation','group_trial','deportation_echelon','confiscation_campaign')), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_events_dates" ON "events" ("date_earliest", "date_latest") `);
    await queryRunner.query(`CREATE INDEX "ix_events_kind" ON "events" ("kind") `);
    await queryRunner.query(`CREATE TABLE "event_places" ("event_id" uuid NOT NULL, "place_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_46ea8ad33dd44ab868e31748a02" PRIMARY KEY ("event_id", "place_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_event_places_place" ON "event_places" ("place_id") `);
    await queryRunner.query(`CREATE TABLE "event_sources" (${sourceColumns}, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "position" integer NOT NULL, ${sourceCheck('event_sources')}, CONSTRAINT "PK_b0129e201a1275fbc2ef2ae3718" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_event_sources_event" ON "event_sources" ("event_id") `);
    await queryRunner.query(`CREATE TABLE "event_participants" (${sourceColumns}, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "person_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "sentence_kind_code" character varying(48), "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ${sourceCheck('event_participants')}, CONSTRAINT "ck_event_participants_role" CHECK (role IN ('participant','leader','accused','victim','witness')), CONSTRAINT "PK_b65ffd558d76fd51baffe81d42b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_event_participants_person" ON "event_participants" ("person_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_event_participants_person_role" ON "event_participants" ("event_id", "person_id", "role") `);
    await queryRunner.query(`CREATE TABLE "person_relations" (${sourceColumns}, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "relative_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ${sourceCheck('person_relations')}, CONSTRAINT "ck_person_relations_not_self" CHECK (person_id <> relative_id), CONSTRAINT "ck_person_relations_kind" CHECK (kind IN ('father','mother','son','daughter','brother','sister','spouse','co_defendant','same_list')), CONSTRAINT "PK_56aa2d087f7f3009d3ec32fe1c3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_person_relations_relative" ON "person_relations" ("relative_id") `);
    await queryRunner.query(`CREATE INDEX "ix_person_relations_person" ON "person_relations" ("person_id") `);
    // stored once: one family relation, one co-defendant and one same-list relation per unordered pair
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_person_relations_pair" ON "person_relations" (least(person_id, relative_id), greatest(person_id, relative_id),
      (CASE WHEN kind IN ('father','mother','son','daughter','brother','sister','spouse') THEN 'family' ELSE kind END))`);
    await queryRunner.query(`ALTER TABLE "case_subjects" ADD "exception_outcome" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "case_subjects" ADD "exception_reason" text`);
    await queryRunner.query(`ALTER TABLE "case_subjects" ADD CONSTRAINT "ck_case_subjects_exception_outcome" CHECK (exception_outcome IS NULL OR exception_outcome IN ('rehabilitated','rejected','returned_for_evidence'))`);
    await queryRunner.query(`ALTER TABLE "events" ADD CONSTRAINT "fk_events_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_places" ADD CONSTRAINT "fk_event_places_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_places" ADD CONSTRAINT "fk_event_places_place" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_sources" ADD CONSTRAINT "fk_event_sources_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_sources" ADD CONSTRAINT "fk_event_sources_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_participants" ADD CONSTRAINT "fk_event_participants_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_participants" ADD CONSTRAINT "fk_event_participants_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_participants" ADD CONSTRAINT "fk_event_participants_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_participants" ADD CONSTRAINT "fk_event_participants_sentence_kind" FOREIGN KEY ("sentence_kind_code") REFERENCES "sentence_kinds"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_relations" ADD CONSTRAINT "fk_person_relations_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_relations" ADD CONSTRAINT "fk_person_relations_person" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_relations" ADD CONSTRAINT "fk_person_relations_relative" FOREIGN KEY ("relative_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Every related pair once, the smaller id first, with the kind as stored. A SQL function (inlined by the
    // planner, run with the caller's rights) rather than a view, so the application role needs no grant of its own.
    await queryRunner.query(`CREATE FUNCTION person_relation_pairs() RETURNS TABLE (person_a_id uuid, person_b_id uuid, kind varchar)
      LANGUAGE sql STABLE AS $$
        SELECT least(r.person_id, r.relative_id), greatest(r.person_id, r.relative_id), r.kind FROM person_relations r
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION person_relation_pairs()`);
    await queryRunner.query(`ALTER TABLE "case_subjects" DROP CONSTRAINT "ck_case_subjects_exception_outcome"`);
    await queryRunner.query(`ALTER TABLE "case_subjects" DROP COLUMN "exception_reason"`);
    await queryRunner.query(`ALTER TABLE "case_subjects" DROP COLUMN "exception_outcome"`);
    await queryRunner.query(`DROP TABLE "person_relations"`);
    await queryRunner.query(`DROP TABLE "event_participants"`);
    await queryRunner.query(`DROP TABLE "event_sources"`);
    await queryRunner.query(`DROP TABLE "event_places"`);
    await queryRunner.query(`DROP TABLE "events"`);
  }
}
