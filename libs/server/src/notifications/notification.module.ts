import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module.js';
import { NotificationService } from './notification.service.js';

@Module({ imports: [OutboxModule], providers: [NotificationService], exports: [NotificationService] })
export class NotificationModule {}
