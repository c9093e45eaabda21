import { Global, Module } from '@nestjs/common';
import { AuditCheckpoints } from './audit-checkpoints.service.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditSealer } from './audit-sealer.service.js';
import { AuditService } from './audit.service.js';

@Global()
@Module({ providers: [AuditService, AuditQueryService, AuditSealer, AuditCheckpoints], exports: [AuditService, AuditQueryService, AuditCheckpoints] })
export class AuditModule {}
