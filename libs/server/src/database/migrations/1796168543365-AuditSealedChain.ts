import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit entries are appended without a lock and hash-chained afterwards by one sealer (chain order is seal
 * order, `chain_seq`), and the log is partitioned by month. Rows already chained keep their hashes: their
 * chain order was their id order. By hand: partitioning, partial indexes and triggers are beyond the generator.
 */
export class AuditSealedChain1796168543365 implements MigrationInterface {
  name = 'AuditSealedChain1796168543365';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_log" RENAME TO "audit_log_unpartitioned"`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON "audit_log_unpartitioned"`);
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON "audit_log_unpartitioned"`);
    for (const index of ['uq_audit_log_hash', 'ix_audit_log_action', 'ix_audit_log_occurred_at', 'ix_audit_log_actor', 'ix_audit_log_entity']) {
      await queryRunner.query(`DROP INDEX "public"."${index}"`);
    }
    await queryRunner.query(`CREATE SEQUENCE "audit_log_entry_id_seq" AS bigint`);
    await queryRunner.query(
      `SELECT setval('audit_log_entry_id_seq', COALESCE((SELECT max(id) FROM "audit_log_unpartitioned"), 0) + 1, false)`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" bigint NOT NULL DEFAULT nextval('audit_log_entry_id_seq'), "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
         "actor_id" uuid, "actor_role" character varying(32), "action" character varying(100) NOT NULL, "outcome" character varying(16) NOT NULL,
         "entity_type" character varying(50), "entity_id" character varying(100), "diff" jsonb, "details" jsonb,
         "request_id" character varying(128), "ip" character varying(64),
         "chain_seq" bigint, "previous_hash" character(64), "hash" character(64), "sealed_at" TIMESTAMP WITH TIME ZONE,
         CONSTRAINT "pk_audit_log" PRIMARY KEY ("id", "occurred_at"),
         CONSTRAINT "ck_audit_log_sealed_together" CHECK (
           (chain_seq IS NULL) = (hash IS NULL) AND (hash IS NULL) = (previous_hash IS NULL) AND (hash IS NULL) = (sealed_at IS NULL))
       ) PARTITION BY RANGE ("occurred_at")`,
    );
    await queryRunner.query(`ALTER SEQUENCE "audit_log_entry_id_seq" OWNED BY "audit_log"."id"`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_entity" ON "audit_log" ("entity_type", "entity_id")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_actor" ON "audit_log" ("actor_id", "occurred_at")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_occurred_at" ON "audit_log" ("occurred_at")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_action" ON "audit_log" ("action")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_chain" ON "audit_log" ("chain_seq") WHERE chain_seq IS NOT NULL`);
    // the sealer's work list: small, because entries are sealed within seconds
    await queryRunner.query(`CREATE INDEX "ix_audit_log_unsealed" ON "audit_log" ("id") WHERE hash IS NULL`);

    // Append-only, except the one-time seal of an entry's chain columns; its content never changes.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
           AND (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_role, NEW.action, NEW.outcome, NEW.entity_type, NEW.entity_id,
                NEW.diff, NEW.details, NEW.request_id, NEW.ip)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_role, OLD.action, OLD.outcome, OLD.entity_type, OLD.entity_id,
                OLD.diff, OLD.details, OLD.request_id, OLD.ip) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    // Row triggers of a partitioned table are cloned onto every partition; TRUNCATE triggers are not, so each
    // new partition gets its own (audit_log_ensure_partitions).
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
    );
    await queryRunner.query(`CREATE FUNCTION audit_log_ensure_partitions(from_month timestamptz, to_month timestamptz) RETURNS integer
      LANGUAGE plpgsql AS $$
      DECLARE
        month timestamptz := date_trunc('month', from_month, 'UTC');
        partition text;
        created integer := 0;
      BEGIN
        WHILE month <= date_trunc('month', to_month, 'UTC') LOOP
          partition := 'audit_log_' || to_char(month AT TIME ZONE 'UTC', 'YYYY_MM');
          IF to_regclass(partition) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF audit_log FOR VALUES FROM (%L) TO (%L)',
                           partition, month, month + interval '1 month');
            EXECUTE format('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()', partition);
            created := created + 1;
          END IF;
          month := month + interval '1 month';
        END LOOP;
        RETURN created;
      END $$`);
    // Never lose an entry whose month has no partition yet (the sealer creates them months ahead).
    await queryRunner.query(`CREATE TABLE "audit_log_default" PARTITION OF "audit_log" DEFAULT`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log_default" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
    );
    await queryRunner.query(
      `SELECT audit_log_ensure_partitions(COALESCE((SELECT min(occurred_at) FROM "audit_log_unpartitioned"), now()), now() + interval '3 months')`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_log" (id, occurred_at, actor_id, actor_role, action, outcome, entity_type, entity_id, diff, details, request_id, ip,
                                chain_seq, previous_hash, hash, sealed_at)
       SELECT id, occurred_at, actor_id, actor_role, action, outcome, entity_type, entity_id, diff, details, request_id, ip,
              row_number() OVER (ORDER BY id), previous_hash, hash, occurred_at
       FROM "audit_log_unpartitioned"`,
    );
    await queryRunner.query(`DROP TABLE "audit_log_unpartitioned"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to one table in chain order; entries not yet sealed cannot be kept by the old schema.
    await queryRunner.query(
      `CREATE TABLE "audit_log_unpartitioned" ("id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_role" character varying(32), "action" character varying(100) NOT NULL, "outcome" character varying(16) NOT NULL, "entity_type" character varying(50), "entity_id" character varying(100), "diff" jsonb, "details" jsonb, "request_id" character varying(128), "ip" character varying(64), "previous_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_log_unpartitioned" (id, occurred_at, actor_id, actor_role, action, outcome, entity_type, entity_id, diff, details, request_id, ip, previous_hash, hash)
       OVERRIDING SYSTEM VALUE
       SELECT id, occurred_at, actor_id, actor_role, action, outcome, entity_type, entity_id, diff, details, request_id, ip, previous_hash, hash
       FROM "audit_log" WHERE hash IS NOT NULL ORDER BY chain_seq`,
    );
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_ensure_partitions(timestamptz, timestamptz)`);
    await queryRunner.query(`ALTER TABLE "audit_log_unpartitioned" RENAME TO "audit_log"`);
    await queryRunner.query(
      `SELECT setval(pg_get_serial_sequence('audit_log', 'id'), COALESCE((SELECT max(id) FROM "audit_log"), 0) + 1, false)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_audit_log_hash" ON "audit_log" ("hash")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_action" ON "audit_log" ("action")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_occurred_at" ON "audit_log" ("occurred_at")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_actor" ON "audit_log" ("actor_id", "occurred_at")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_entity" ON "audit_log" ("entity_type", "entity_id")`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
    );
  }
}
