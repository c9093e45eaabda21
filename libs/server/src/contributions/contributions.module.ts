import { Module } from '@nestjs/common';
import { MailerService } from '../notifications/mailer.service.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { PersonFactsModule } from '../registry/person-facts.module.js';
import { ContributionService } from './contribution.service.js';

/** Contributions to the Book of Memory and their moderation; needs StorageModule (global) in the process. */
@Module({ imports: [OutboxModule, PersonFactsModule], providers: [ContributionService, MailerService], exports: [ContributionService] })
export class ContributionsModule {}
