import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API and the worker connect as an application role that is not the owner of the schema: it reads and
 * writes the tables, but may only SELECT and INSERT audit entries (and seal them once, through the chain
 * columns), with no trigger control and no TRUNCATE. `aqtalu_grant_app_privileges(role)` grants exactly that;
 * the owner calls it after every migration run (prepare-database.ts). Partitions of the audit log are
 * created by the owner (SECURITY DEFINER), reached by the application only through `audit_log`.
 */
export class AppRolePrivileges1796170366811 implements MigrationInterface {
  name = 'AppRolePrivileges1796170366811';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER FUNCTION audit_log_ensure_partitions(timestamptz, timestamptz) SECURITY DEFINER SET search_path = public`);
    await queryRunner.query(`CREATE FUNCTION aqtalu_grant_app_privileges(app_role name) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        item record;
      BEGIN
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
        FOR item IN
          SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT IN ('audit_log', 'migrations')
        LOOP
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', item.relname, app_role);
          -- VACUUM and ANALYZE after a registry import (PostgreSQL 17+; older servers skip it, the import tolerates it)
          BEGIN
            EXECUTE format('GRANT MAINTAIN ON %I TO %I', item.relname, app_role);
          EXCEPTION WHEN OTHERS THEN NULL;
          END;
        END LOOP;
        EXECUTE format('GRANT SELECT ON migrations TO %I', app_role);
        EXECUTE format('REVOKE ALL ON audit_log FROM %I', app_role);
        EXECUTE format('GRANT SELECT, INSERT ON audit_log TO %I', app_role);
        EXECUTE format('GRANT UPDATE (chain_seq, previous_hash, hash, sealed_at) ON audit_log TO %I', app_role);
        FOR item IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_log'::regclass
        LOOP
          EXECUTE format('REVOKE ALL ON %I FROM %I', item.relname, app_role);
        END LOOP;
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
        EXECUTE format('REVOKE EXECUTE ON FUNCTION aqtalu_grant_app_privileges(name) FROM %I', app_role);
      END $$`);
    await queryRunner.query(`REVOKE EXECUTE ON FUNCTION aqtalu_grant_app_privileges(name) FROM PUBLIC`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION aqtalu_grant_app_privileges(name)`);
    await queryRunner.query(`ALTER FUNCTION audit_log_ensure_partitions(timestamptz, timestamptz) SECURITY INVOKER RESET search_path`);
  }
}
