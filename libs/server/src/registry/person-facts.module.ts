import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { PersonFactService } from './person-fact.service.js';
import { RegistryModule } from './registry.module.js';

/** Facts and episodes of registry persons; apart from RegistryModule because citing evidence needs CaseAccess, and CasesModule needs the registry. */
@Module({ imports: [CasesModule, RegistryModule], providers: [PersonFactService], exports: [PersonFactService] })
export class PersonFactsModule {}
