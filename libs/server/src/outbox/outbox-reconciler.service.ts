import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JobName, jobQueue } from '@aqtalu/contracts';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';

/** Rows looked at per round; the next round takes the rest. */
const batchSize = 500;

/**
 * Where a lost job matters: the job's work is still undone in the database (`m` is the outbox row). Jobs not
 * listed are re-run by their schedulers (duplicates, overdue requests) or reconciled elsewhere (evidence checks,
 * by EvidenceReconciler, which also knows when a check failed).
 */
const unfinished: Partial<Record<JobName, string>> = {
  [JobName.DeliverNotification]: `EXISTS (SELECT 1 FROM notifications n WHERE n.id::text = m.payload->>'notificationId' AND n.delivered_at IS NULL)`,
  [JobName.ApplyRegistryImport]: `EXISTS (SELECT 1 FROM registry_imports i WHERE i.id::text = m.payload->>'importId' AND i.status IN ('loaded', 'running'))`,
};

/**
 * Outbox rows published more than `afterMinutes` ago whose job is not in BullMQ at all (Redis lost its data)
 * while their work is still undone: sent again by the relay under the same job id (`outbox-<row id>`).
 */
@Injectable()
export class OutboxReconciler {
  private readonly logger = new Logger(OutboxReconciler.name);

  constructor(private readonly moduleRef: ModuleRef) {}

  async reconcile(manager: EntityManager, afterMinutes: number): Promise<number> {
    const kinds = Object.entries(unfinished).map(([job, condition]) => `(m.job_name = '${job}' AND ${condition})`);
    const rows: Array<{ id: string; jobName: JobName }> = await manager.query(
      `SELECT m.id, m.job_name AS "jobName" FROM outbox_messages m
       WHERE m.dispatched_at IS NOT NULL AND m.dispatched_at <= now() - make_interval(mins => $1) AND (${kinds.join(' OR ')})
       ORDER BY m.id LIMIT $2`,
      [afterMinutes, batchSize],
    );
    const lost: string[] = [];
    for (const row of rows) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(jobQueue[row.jobName]), { strict: false });
      if ((await queue.getJobState(`outbox-${row.id}`)) === 'unknown') lost.push(row.id);
    }
    if (lost.length) {
      await manager.query(`UPDATE outbox_messages SET dispatched_at = NULL, last_error = 'job lost from Redis: sent again' WHERE id = ANY($1::bigint[])`, [lost]);
      this.logger.warn(`outbox rows sent again after their jobs were lost from Redis: ${lost.length}`);
    }
    return lost.length;
  }
}
