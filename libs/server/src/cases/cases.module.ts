import { Module } from '@nestjs/common';
import { CertificateService } from '../commission/certificate.service.js';
import { CommissionService } from '../commission/commission.service.js';
import { NotificationModule } from '../notifications/notification.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { ArchiveRequestService } from './archive-request.service.js';
import { CaseAccess } from './case-access.service.js';
import { CaseRules } from './case-rules.service.js';
import { CaseRepository } from './case.repository.js';
import { CaseService } from './case.service.js';
import { CaseWorkflowService } from './case-workflow.service.js';
import { CollaborationService } from './collaboration.service.js';
import { ConclusionService } from './conclusion.service.js';

const services = [
  CaseRepository, CaseAccess, CaseRules, CaseService, CaseWorkflowService, ArchiveRequestService, ConclusionService, CommissionService, CertificateService, CollaborationService,
];

/** Cases, their archive requests, conclusions, the commission and certificates. */
@Module({ imports: [NotificationModule, OutboxModule, RegistryModule], providers: services, exports: services })
export class CasesModule {}
