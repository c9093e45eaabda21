import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module.js';
import { PublicationService } from './publication.service.js';

@Module({ imports: [RegistryModule], providers: [PublicationService], exports: [PublicationService] })
export class PublicationModule {}
