import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay.service.js';
import { OutboxService } from './outbox.service.js';

@Module({ providers: [OutboxService], exports: [OutboxService] })
export class OutboxModule {}

/** Only the process that relays (the worker) imports this one. */
@Module({ providers: [OutboxRelay], exports: [OutboxRelay] })
export class OutboxRelayModule {}
