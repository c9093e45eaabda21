import { Module } from '@nestjs/common';
import { OutboxPruner } from './outbox-pruner.service.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { OutboxService } from './outbox.service.js';

@Module({ providers: [OutboxService], exports: [OutboxService] })
export class OutboxModule {}

/** Only the process that relays (the worker) imports this one: it also prunes published rows. */
@Module({ providers: [OutboxRelay, OutboxPruner], exports: [OutboxRelay, OutboxPruner] })
export class OutboxRelayModule {}
