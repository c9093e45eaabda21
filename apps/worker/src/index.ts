export { createWorker } from './bootstrap.js';
export { ReconciliationScheduler, type ReconcileReport } from './reconciliation.scheduler.js';
export { EvidenceProcessor } from './processors/evidence.processor.js';
