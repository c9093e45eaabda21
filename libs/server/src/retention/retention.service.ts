import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  RetentionAction,
  RetentionCategory,
  retentionActions,
  reducedApplicantFields,
  type RetentionRuleView,
  type RetentionRunView,
  type SessionUser,
} from '@aqtalu/contracts';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { sqlRows } from '../database/sql.js';
import { CodedException } from '../errors/coded.exception.js';

const dayMs = 86_400_000;
/** Rows deleted per statement: short transactions, never a long lock on a table others write. */
const deleteBatch = 5_000;
/** Cases reduced per transaction (each with its audit entry). */
const reduceBatch = 200;

interface RuleRow {
  category: RetentionCategory;
  keepDays: number;
  action: RetentionAction;
  updatedAt: Date;
  updatedBy: string | null;
}

/**
 * The tables a rule deletes from: `where` selects the records older than the cutoff ($1), by the same test in
 * the dry run's count and in the deletion, so a dry run counts exactly what a run on the same data deletes.
 */
const prunedTables: Partial<Record<RetentionCategory, { table: string; key: string[]; where: string }>> = {
  // a row not yet handed to the queue has no dispatched_at and is never deleted, however old
  [RetentionCategory.OutboxMessages]: { table: 'outbox_messages', key: ['id'], where: 'dispatched_at < $1' },
  [RetentionCategory.DeliveredNotifications]: { table: 'notifications', key: ['id'], where: 'delivered_at < $1' },
  // only imports that finished: a running or failed one may still resume from its staged rows
  [RetentionCategory.ImportStaging]: {
    table: 'registry_import_rows',
    key: ['import_id', 'line'],
    where: `import_id IN (SELECT id FROM registry_imports WHERE status = 'done' AND finished_at < $1)`,
  },
};

/** Closed cases whose applicant still has details beyond what the decision needs, closed before the cutoff ($1). */
const unreducedClosedCases = `
  SELECT c.id, c.number, closed.at AS "closedAt"
  FROM cases c
  CROSS JOIN LATERAL (
    SELECT coalesce(
      (SELECT max(e.occurred_at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'transition' AND e.data->>'to' = 'closed'),
      c.updated_at) AS at
  ) closed
  WHERE c.status = 'closed'
    AND (c.applicant_kinship_proof IS NOT NULL OR c.applicant_email IS NOT NULL OR c.applicant_phone IS NOT NULL OR c.applicant_address IS NOT NULL)
    AND closed.at < $1`;

const columnOf: Record<(typeof reducedApplicantFields)[number], string> = {
  applicantKinshipProof: 'applicant_kinship_proof',
  applicantEmail: 'applicant_email',
  applicantPhone: 'applicant_phone',
  applicantAddress: 'applicant_address',
};

/**
 * Retention as data: the rules (category, days kept, action) live in `retention_rules`; `run` applies each,
 * or in a dry run counts what it would touch, and writes one audit entry with the counts. Every step is
 * idempotent, so the daily job may be retried or run by two workers at once.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async rules(): Promise<RetentionRuleView[]> {
    return (await this.loadRules()).map(view);
  }

  /** Changes a rule's days or action; audited with the values before and after. */
  async updateRule(user: SessionUser, category: string, change: { keepDays?: number; action?: RetentionAction }): Promise<RetentionRuleView> {
    if (!isCategory(category)) {
      throw new CodedException(HttpStatus.NOT_FOUND, 'retention.rule_unknown', { category, known: Object.values(RetentionCategory) });
    }
    const allowed = retentionActions[category];
    if (change.action !== undefined && !allowed.includes(change.action)) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_one_of', { field: 'action', values: [...allowed] });
    }
    const updated = await this.dataSource.transaction(async (manager) => {
      const [before] = await sqlRows<RuleRow>(manager, `${selectRules} WHERE category = $1 FOR UPDATE`, [category]);
      if (!before) throw new CodedException(HttpStatus.NOT_FOUND, 'retention.rule_unknown', { category, known: Object.values(RetentionCategory) });
      const [after] = await sqlRows<RuleRow>(
        manager,
        `UPDATE retention_rules SET keep_days = $2, action = $3, updated_by = $4, updated_at = now() WHERE category = $1
         RETURNING category, keep_days AS "keepDays", action, updated_at AS "updatedAt", updated_by AS "updatedBy"`,
        [category, change.keepDays ?? before.keepDays, change.action ?? before.action, user.id],
      );
      await this.audit.record(
        {
          action: 'retention.rule_update',
          entityType: 'retention_rule',
          entityId: category,
          before: { keepDays: before.keepDays, action: before.action },
          after: { keepDays: after!.keepDays, action: after!.action },
        },
        manager,
      );
      return after!;
    });
    return view(updated);
  }

  /**
   * Applies every rule (or, with `dryRun`, counts what each would delete or reduce and changes nothing) and
   * writes one audit entry with the counts. The cutoffs are fixed when the run starts.
   */
  async run({ dryRun }: { dryRun: boolean }): Promise<RetentionRunView> {
    const startedAt = new Date();
    const rules = await this.loadRules();
    const counts = Object.fromEntries(Object.values(RetentionCategory).map((category) => [category, 0])) as Record<RetentionCategory, number>;
    for (const rule of rules) {
      if (rule.action === RetentionAction.Keep) continue;
      const cutoff = new Date(startedAt.getTime() - rule.keepDays * dayMs);
      counts[rule.category] = await this.apply(rule, cutoff, dryRun);
    }
    const finishedAt = new Date();
    const applied = rules.map(({ category, keepDays, action }) => ({ category, keepDays, action }));
    await this.audit.record({
      action: dryRun ? 'retention.dry_run' : 'retention.run',
      entityType: 'retention',
      details: { dryRun, counts, rules: applied, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString() },
    });
    if (!dryRun) this.logger.log(`retention run: ${Object.entries(counts).map(([category, n]) => `${category} ${n}`).join(', ')}`);
    return { dryRun, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), counts, rules: applied };
  }

  private async apply(rule: RuleRow, cutoff: Date, dryRun: boolean): Promise<number> {
    switch (rule.category) {
      case RetentionCategory.TemporaryUploads:
        return this.pruneUploads(cutoff, dryRun);
      case RetentionCategory.ClosedCaseApplicants:
        return dryRun ? this.count(`SELECT count(*)::int AS n FROM (${unreducedClosedCases}) due`, cutoff) : this.reduceApplicants(cutoff, rule.keepDays);
      default: {
        const target = prunedTables[rule.category]!;
        if (dryRun) return this.count(`SELECT count(*)::int AS n FROM ${target.table} WHERE ${target.where}`, cutoff);
        return this.deleteInBatches(target, cutoff);
      }
    }
  }

  private async count(sql: string, cutoff: Date): Promise<number> {
    const [row] = await sqlRows<{ n: number }>(this.dataSource.manager, sql, [cutoff]);
    return row?.n ?? 0;
  }

  private async deleteInBatches(target: { table: string; key: string[]; where: string }, cutoff: Date): Promise<number> {
    const key = target.key.join(', ');
    let total = 0;
    for (;;) {
      const [, deleted]: [unknown[], number] = await this.dataSource.query(
        `DELETE FROM ${target.table} WHERE (${key}) IN (
           SELECT ${key} FROM ${target.table} WHERE ${target.where} LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [cutoff, deleteBatch],
      );
      total += deleted;
      if (deleted < deleteBatch) return total;
    }
  }

  /**
   * Nulls the applicant's kinship proof, e-mail, phone and address on closed cases closed before the cutoff;
   * the name and kinship stay, as the decision records them. One audit entry per case, naming the fields
   * cleared (never their values), in the same transaction. A case already reduced is not selected again.
   */
  private async reduceApplicants(cutoff: Date, keepDays: number): Promise<number> {
    let total = 0;
    for (;;) {
      const reduced = await this.dataSource.transaction(async (manager) => {
        const due = await sqlRows<{ id: string; number: string; closedAt: Date }>(manager, `${unreducedClosedCases} ORDER BY c.id LIMIT $2`, [cutoff, reduceBatch]);
        if (due.length === 0) return 0;
        const rows = await this.reduce(manager, due.map((row) => row.id));
        const closedAt = new Map(due.map((row) => [row.id, row.closedAt]));
        for (const row of rows) {
          const fields = reducedApplicantFields.filter((field) => row[field]);
          await this.audit.record(
            {
              action: 'case.applicant_reduce',
              entityType: 'case',
              entityId: row.id,
              details: { number: row.number, fields, closedAt: new Date(closedAt.get(row.id)!).toISOString(), keepDays },
            },
            manager,
          );
        }
        return rows.length;
      });
      total += reduced;
      if (reduced === 0) return total;
    }
  }

  private async reduce(manager: EntityManager, ids: string[]) {
    const cleared = reducedApplicantFields.map((field) => `${columnOf[field]} = NULL`).join(', ');
    const had = reducedApplicantFields.map((field) => `${columnOf[field]} IS NOT NULL AS "${field}"`).join(', ');
    return sqlRows<{ id: string; number: string } & Record<(typeof reducedApplicantFields)[number], boolean>>(
      manager,
      `WITH target AS (
         SELECT id, ${had} FROM cases
         WHERE id = ANY($1::uuid[]) AND status = 'closed'
           AND (applicant_kinship_proof IS NOT NULL OR applicant_email IS NOT NULL OR applicant_phone IS NOT NULL OR applicant_address IS NOT NULL)
         FOR UPDATE SKIP LOCKED)
       UPDATE cases c SET ${cleared}, version = c.version + 1, updated_at = now()
       FROM target t WHERE c.id = t.id
       RETURNING c.id, c.number, ${reducedApplicantFields.map((field) => `t."${field}"`).join(', ')}`,
      [ids],
    );
  }

  /** Files a crashed upload left in the storage folder (`incoming/` from multer, `tmp/` from the local store). */
  private async pruneUploads(cutoff: Date, dryRun: boolean): Promise<number> {
    let total = 0;
    for (const folder of ['incoming', 'tmp']) {
      const dir = join(this.config.storage.dir, folder);
      const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const path = join(dir, entry.name);
        const info = await stat(path).catch(() => null);
        if (!info || info.mtime >= cutoff) continue;
        if (!dryRun) await rm(path, { force: true });
        total += 1;
      }
    }
    return total;
  }

  private loadRules(): Promise<RuleRow[]> {
    return sqlRows<RuleRow>(this.dataSource.manager, `${selectRules} ORDER BY category`);
  }
}

const selectRules = `SELECT category, keep_days AS "keepDays", action, updated_at AS "updatedAt", updated_by AS "updatedBy" FROM retention_rules`;

function isCategory(value: string): value is RetentionCategory {
  return (Object.values(RetentionCategory) as string[]).includes(value);
}

function view(row: RuleRow): RetentionRuleView {
  return {
    category: row.category,
    keepDays: row.keepDays,
    action: row.action,
    allowedActions: [...retentionActions[row.category]],
    updatedAt: new Date(row.updatedAt).toISOString(),
    updatedBy: row.updatedBy,
  };
}
