import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName, type JobPayload } from '@aqtalu/contracts';
import { NotificationService, jobLockOptions } from '@aqtalu/server';
import type { Job } from 'bullmq';

@Processor(QueueName.Notifications, jobLockOptions())
export class NotificationProcessor extends WorkerHost {
  constructor(private readonly notifications: NotificationService) {
    super();
  }

  async process(job: Job<JobPayload[JobName.DeliverNotification]>): Promise<{ delivered: boolean }> {
    // idempotent: a second run finds the notification delivered and does nothing
    return { delivered: await this.notifications.deliver(job.data.notificationId) };
  }
}
