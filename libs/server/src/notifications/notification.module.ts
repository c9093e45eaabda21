import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module.js';
import { MailerService } from './mailer.service.js';
import { NotificationService } from './notification.service.js';

@Module({ imports: [OutboxModule], providers: [MailerService, NotificationService], exports: [NotificationService] })
export class NotificationModule {}
