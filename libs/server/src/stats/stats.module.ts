import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module.js';
import { StatsRepository } from './stats.repository.js';
import { StatsService } from './stats.service.js';

/** The commission's statistics. */
@Module({ imports: [ExportsModule], providers: [StatsRepository, StatsService], exports: [StatsService] })
export class StatsModule {}
