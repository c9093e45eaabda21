import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { PersonFactsModule } from '../registry/person-facts.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { EventService } from './event.service.js';
import { GroupCaseService } from './group-case.service.js';
import { PlaceSourceService } from './place-source.service.js';
import { RelationService } from './relation.service.js';

const services = [EventService, RelationService, GroupCaseService, PlaceSourceService];

/** Events and their participants, typed relations between persons, group cases made from a list. */
@Module({ imports: [CasesModule, RegistryModule, PersonFactsModule, OutboxModule], providers: services, exports: services })
export class EventsModule {}
