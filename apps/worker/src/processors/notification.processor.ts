import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, QueueName, type JobPayload } from '@aqtalu/contracts';
import { ApplicantMailService, NotificationService, jobLockOptions } from '@aqtalu/server';
import type { Job } from 'bullmq';

@Processor(QueueName.Notifications, jobLockOptions())
export class NotificationProcessor extends WorkerHost {
  constructor(
    private readonly notifications: NotificationService,
    private readonly applicantMails: ApplicantMailService,
  ) {
    super();
  }

  async process(job: Job<JobPayload[JobName.DeliverNotification] | JobPayload[JobName.MailApplicant]>): Promise<{ delivered: boolean }> {
    // idempotent: a second run finds the notification delivered (the e-mail sent) and does nothing
    if (job.name === JobName.MailApplicant) return { delivered: await this.applicantMails.deliver((job.data as JobPayload[JobName.MailApplicant]).mailId) };
    return { delivered: await this.notifications.deliver((job.data as JobPayload[JobName.DeliverNotification]).notificationId) };
  }
}
