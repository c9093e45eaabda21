/**
 * Queue and job names with their payloads: the code that enqueues a job and the code that runs it
 * share these types and nothing else. Payloads carry ids only.
 */
export enum QueueName {
  Notifications = 'notifications',
}

export enum JobName {
  DeliverNotification = 'deliver-notification',
}

export interface JobPayload {
  [JobName.DeliverNotification]: { notificationId: string };
}

/** Which queue each job runs on. */
export const jobQueue: { readonly [J in JobName]: QueueName } = {
  [JobName.DeliverNotification]: QueueName.Notifications,
};

export const allQueues: readonly QueueName[] = Object.values(QueueName);
