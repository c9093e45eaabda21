import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { EvidenceCheckService } from './evidence-check.service.js';
import { EvidenceService } from './evidence.service.js';

/** Evidence of cases and its background checks; needs StorageModule (global) in the process. */
@Module({ imports: [CasesModule, OutboxModule, RegistryModule], providers: [EvidenceService, EvidenceCheckService], exports: [EvidenceService, EvidenceCheckService] })
export class EvidenceModule {}
