import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { InventoryService } from './inventory.service.js';

/** Archive inventories, the persons their files mention, and requests citing a file. */
@Module({ imports: [CasesModule], providers: [InventoryService], exports: [InventoryService] })
export class InventoryModule {}
