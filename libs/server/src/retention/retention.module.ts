import { Module } from '@nestjs/common';
import { RetentionService } from './retention.service.js';

/** Retention rules and their daily run (the worker's processor) and dry run (the API). */
@Module({ providers: [RetentionService], exports: [RetentionService] })
export class RetentionModule {}
