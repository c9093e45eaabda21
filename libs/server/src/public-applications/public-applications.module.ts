import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { EvidenceModule } from '../evidence/evidence.module.js';
import { MailerService } from '../notifications/mailer.service.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { PublicationModule } from '../publication/publication.module.js';
import { RedisThrottlerStorage } from '../queue/redis-throttler.storage.js';
import { ApplicantMailService } from './applicant-mail.service.js';
import { PublicApplicationService } from './public-application.service.js';

/** Online applications through the public door (the API); needs StorageModule (global) in the process. */
@Module({
  imports: [CasesModule, EvidenceModule, OutboxModule, PublicationModule],
  providers: [PublicApplicationService, RedisThrottlerStorage],
  exports: [PublicApplicationService],
})
export class PublicApplicationsModule {}

/** The e-mails to online applicants (the worker's side). */
@Module({ providers: [ApplicantMailService, MailerService], exports: [ApplicantMailService] })
export class ApplicantMailModule {}
