import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { MailerService } from '../notifications/mailer.service.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { CorrespondenceService } from './correspondence.service.js';
import { SessionBatchService } from './session-batch.service.js';

/** The correspondence register: templates, outgoing and incoming letters, sessions' batch prints (the API) and their rendering (the worker). */
@Module({ imports: [CasesModule, OutboxModule], providers: [CorrespondenceService, SessionBatchService, MailerService], exports: [CorrespondenceService, SessionBatchService] })
export class CorrespondenceModule {}
