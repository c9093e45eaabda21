import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module.js';
import { RegistryModule } from '../registry/registry.module.js';
import { OpenDataService } from './open-data.service.js';
import { PublicationService } from './publication.service.js';

@Module({ imports: [RegistryModule, OutboxModule], providers: [PublicationService, OpenDataService], exports: [PublicationService, OpenDataService] })
export class PublicationModule {}
