import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName, type JobPayload } from '@aqtalu/contracts';
import { jobLockOptions, OpenDataService } from '@aqtalu/server';
import type { Job, Queue } from 'bullmq';

/** Every night: the Book of Memory's open data rebuilt from the published records (a withdrawn record leaves it then). */
@Processor(QueueName.OpenData, jobLockOptions())
export class OpenDataProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly openData: OpenDataService,
    @InjectQueue(QueueName.OpenData) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // one scheduler for all workers: upserting is idempotent
    await this.queue.upsertJobScheduler('open-data-nightly', { pattern: '15 3 * * *', tz: 'Asia/Almaty' }, { name: JobName.BuildOpenData, data: {} });
  }

  // idempotent: a build replaces the dump as a whole
  async process(_job: Job<JobPayload[JobName.BuildOpenData]>): Promise<{ count: number }> {
    return { count: (await this.openData.build()).count };
  }
}
