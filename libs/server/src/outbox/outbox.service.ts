import { Injectable } from '@nestjs/common';
import type { JobName, JobPayload } from '@aqtalu/contracts';
import type { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from './outbox-message.entity.js';

/** Records a job in the caller's transaction; the relay hands it to BullMQ after the commit. */
@Injectable()
export class OutboxService {
  async enqueue<J extends JobName>(manager: EntityManager, jobName: J, payload: JobPayload[J]): Promise<void> {
    await manager.insert(OutboxMessageEntity, { jobName, payload: { ...payload } });
  }
}
