import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module.js';
import { DuplicateDetectionService } from './duplicate-detection.service.js';
import { PlaceService } from './place.service.js';
import { RegistryImportService } from './registry-import.service.js';
import { RegistryService } from './registry.service.js';
import { RepressionDictionaryService } from './repression-dictionary.service.js';

const services = [RegistryService, RegistryImportService, DuplicateDetectionService, PlaceService, RepressionDictionaryService];

@Module({ imports: [OutboxModule], providers: services, exports: services })
export class RegistryModule {}
