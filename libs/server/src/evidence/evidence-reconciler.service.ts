import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { JobName, QueueName, type Coded } from '@aqtalu/contracts';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../outbox/outbox.service.js';
import { EvidenceCheckService } from './evidence-check.service.js';

/** Evidence looked at per round; the next round takes the rest. */
const batchSize = 500;

export interface EvidenceReconcileReport {
  /** Evidence whose job was gone (lost with Redis's data, or ended without finishing): queued again. */
  redriven: number;
  /** Evidence whose job is in BullMQ's failed set: its unfinished checks now say `failed`. */
  failed: number;
}

/** What BullMQ's failed job says, as a reason a person reads. */
export function jobFailureReason(failedReason: string | undefined): Coded {
  return /stalled more than allowable limit/i.test(failedReason ?? '')
    ? { code: 'check.job_stalled', params: {} }
    : { code: 'check.job_failed', params: { message: (failedReason || 'unknown error').slice(0, 500) } };
}

/**
 * Finds evidence whose checks are unfinished and whose job is no longer waiting, active or delayed in
 * BullMQ, and re-drives it: a job that vanished (Redis lost its data) is sent again from its own outbox row
 * with the same job id (`outbox-<row id>`, so a copy that is still somewhere collapses into it); a job that
 * completed without finishing them gets a new outbox row; a job in the failed set makes its checks `failed`
 * with the reason (a recheck runs them again). Runs inside the reconciler's transaction, one at a time.
 */
@Injectable()
export class EvidenceReconciler {
  private readonly logger = new Logger(EvidenceReconciler.name);

  constructor(
    private readonly checks: EvidenceCheckService,
    private readonly outbox: OutboxService,
    @InjectQueue(QueueName.Evidence) private readonly queue: Queue,
  ) {}

  /** `afterMinutes`: only checks unchanged for this long (a job just sent is given time to start). */
  async reconcile(manager: EntityManager, afterMinutes: number): Promise<EvidenceReconcileReport> {
    const rows: Array<{ evidenceId: string; outboxId: string | null; dispatched: boolean | null }> = await manager.query(
      `SELECT e.evidence_id AS "evidenceId", m.id AS "outboxId", m.dispatched_at IS NOT NULL AS dispatched
       FROM (SELECT DISTINCT evidence_id FROM evidence_checks
             WHERE state IN ('pending', 'running') AND updated_at <= now() - make_interval(mins => $1) LIMIT $2) e
       LEFT JOIN LATERAL (
         SELECT id, dispatched_at FROM outbox_messages m
         WHERE m.job_name = $3 AND m.payload->>'evidenceId' = e.evidence_id::text ORDER BY id DESC LIMIT 1) m ON true`,
      [afterMinutes, batchSize, JobName.CheckEvidence],
    );
    const report: EvidenceReconcileReport = { redriven: 0, failed: 0 };
    for (const row of rows) {
      if (row.outboxId && !row.dispatched) continue; // the relay sends it
      const jobId = row.outboxId ? `outbox-${row.outboxId}` : null;
      const state = jobId ? await this.queue.getJobState(jobId) : 'unknown';
      if (state === 'failed') {
        const job = await this.queue.getJob(jobId!);
        report.failed += (await this.checks.markJobFailed(row.evidenceId, row.outboxId, jobFailureReason(job?.failedReason))) > 0 ? 1 : 0;
      } else if (state === 'unknown' && row.outboxId) {
        await manager.query(`UPDATE outbox_messages SET dispatched_at = NULL, last_error = 'job lost from Redis: sent again' WHERE id = $1`, [row.outboxId]);
        report.redriven += 1;
      } else if ((state === 'unknown' || state === 'completed') && (await this.stillUnfinished(manager, row.evidenceId))) {
        // no row left (pruned), or its job finished while checks were set back: a job of its own
        await this.outbox.enqueue(manager, JobName.CheckEvidence, { evidenceId: row.evidenceId });
        report.redriven += 1;
      }
    }
    if (report.redriven || report.failed) this.logger.warn(`evidence checks re-driven: ${report.redriven}, marked failed after their job failed: ${report.failed}`);
    return report;
  }

  /** A job that completed just now finished the checks it found: read them again before sending another. */
  private async stillUnfinished(manager: EntityManager, evidenceId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM evidence_checks WHERE evidence_id = $1 AND state IN ('pending', 'running') LIMIT 1`, [evidenceId]);
    return rows.length > 0;
  }
}
