import type { Redis } from 'ioredis';

/** Events of BullMQ jobs that a person should hear about, counted per queue across every worker. */
export type JobEvent = 'stalled' | 'failed';

/** One hash per installation; a Redis that lost its data starts counting again (Prometheus reads it as a counter reset). */
export const jobStatsKey = (queuePrefix: string) => `${queuePrefix}:job-stats`;

export async function recordJobEvent(redis: Redis, queuePrefix: string, event: JobEvent, queue: string): Promise<void> {
  await redis.hincrby(jobStatsKey(queuePrefix), `${event}:${queue}`, 1);
}

/** Counts by event and queue, e.g. `{ stalled: { evidence: 2 } }`. */
export async function readJobStats(redis: Redis, queuePrefix: string): Promise<Record<JobEvent, Record<string, number>>> {
  const raw = await redis.hgetall(jobStatsKey(queuePrefix));
  const stats: Record<JobEvent, Record<string, number>> = { stalled: {}, failed: {} };
  for (const [field, value] of Object.entries(raw)) {
    const [event, queue] = field.split(':', 2) as [JobEvent, string];
    if (event in stats && queue) stats[event][queue] = Number(value);
  }
  return stats;
}
