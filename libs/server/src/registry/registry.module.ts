import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module.js';
import { RegistryImportService } from './registry-import.service.js';
import { RegistryService } from './registry.service.js';

@Module({ imports: [OutboxModule], providers: [RegistryService, RegistryImportService], exports: [RegistryService, RegistryImportService] })
export class RegistryModule {}
