import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName, type JobPayload } from '@aqtalu/contracts';
import { jobLockOptions, OpenDataService, PublicationService, regionalBookLanguages } from '@aqtalu/server';
import type { Job, Queue } from 'bullmq';

/** Every night: the Book of Memory's open data and regional PDF books rebuilt from the published records (a withdrawn record leaves them then); a regional book on request. */
@Processor(QueueName.OpenData, jobLockOptions())
export class OpenDataProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly openData: OpenDataService,
    private readonly publication: PublicationService,
    @InjectQueue(QueueName.OpenData) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // one scheduler for all workers: upserting is idempotent
    await this.queue.upsertJobScheduler('open-data-nightly', { pattern: '15 3 * * *', tz: 'Asia/Almaty' }, { name: JobName.BuildOpenData, data: {} });
    await this.queue.upsertJobScheduler('public-reads-flush', { every: 60_000 }, { name: JobName.FlushPublicReads, data: {} });
  }

  // idempotent: a build replaces the dump (and a rendering the PDF) as a whole
  async process(job: Job<JobPayload[JobName.BuildOpenData] | JobPayload[JobName.RenderRegionalBook] | JobPayload[JobName.FlushPublicReads], unknown, JobName>): Promise<{ count: number }> {
    if (job.name === JobName.FlushPublicReads) return { count: await this.publication.flushPublicReads() };
    if (job.name === JobName.RenderRegionalBook) {
      const { regionCode, language } = job.data as JobPayload[JobName.RenderRegionalBook];
      return { count: (await this.openData.renderRegionalBook(regionCode, language)).count };
    }
    const built = await this.openData.build();
    // the regional books of the night, in both languages
    for (const regionCode of await this.openData.regionsWithPublished()) {
      for (const language of regionalBookLanguages) await this.openData.renderRegionalBook(regionCode, language);
    }
    return { count: built.count };
  }
}
