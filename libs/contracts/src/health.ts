/** Redis key the worker refreshes while it runs; the API's health check reads it. */
export const workerHeartbeatKey = (prefix: string) => `${prefix}:worker:heartbeat`;
/** The worker writes its heartbeat this often, and it expires after three missed beats. */
export const workerHeartbeatIntervalMs = 5_000;
