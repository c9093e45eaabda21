import { Module, type DynamicModule } from '@nestjs/common';
import {
  ApplicantMailModule,
  AuditModule,
  CasesModule,
  ConfigModule,
  RegistryModule,
  DatabaseModule,
  EvidenceModule,
  EvidenceReconciler,
  NotificationModule,
  OutboxModule,
  OutboxReconciler,
  OutboxRelayModule,
  QueueModule,
  RedisModule,
  RetentionModule,
  CorrespondenceModule,
  ContributionsModule,
  PublicationModule,
  StorageModule,
  WorkerHeartbeatWriter,
  type AppConfig,
} from '@aqtalu/server';
import { LoggerModule } from 'nestjs-pino';
import { DeadlinesProcessor } from './processors/deadlines.processor.js';
import { DocumentsProcessor } from './processors/documents.processor.js';
import { EvidenceProcessor } from './processors/evidence.processor.js';
import { NotificationProcessor } from './processors/notification.processor.js';
import { RegistryProcessor } from './processors/registry.processor.js';
import { RetentionProcessor } from './processors/retention.processor.js';
import { CorrespondenceProcessor } from './processors/correspondence.processor.js';
import { ContributionsProcessor } from './processors/contributions.processor.js';
import { OpenDataProcessor } from './processors/open-data.processor.js';
import { RegistryDuplicatesProcessor } from './processors/registry-duplicates.processor.js';
import { JobEventsRecorder } from './job-events.js';
import { ReconciliationScheduler } from './reconciliation.scheduler.js';

/** The worker: BullMQ processors, the outbox relay, the job reconciler and the heartbeat; no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        DatabaseModule.forRoot(config, 'worker'),
        RedisModule.forRoot(config),
        QueueModule.forRoot(config),
        OutboxRelayModule,
        OutboxModule,
        NotificationModule,
        ApplicantMailModule,
        AuditModule,
        CasesModule,
        RegistryModule,
        StorageModule.forRoot(config),
        EvidenceModule,
        RetentionModule,
        CorrespondenceModule,
        ContributionsModule,
        PublicationModule,
      ],
      providers: [
        WorkerHeartbeatWriter, NotificationProcessor, DocumentsProcessor, DeadlinesProcessor, RegistryProcessor, RegistryDuplicatesProcessor, EvidenceProcessor, RetentionProcessor, CorrespondenceProcessor, ContributionsProcessor, OpenDataProcessor,
        EvidenceReconciler, OutboxReconciler, ReconciliationScheduler, JobEventsRecorder,
      ],
    };
  }
}
