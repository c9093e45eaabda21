import { Module } from '@nestjs/common';
import { CaseSearchService } from './case-search.service.js';

/** Full-text search across cases. */
@Module({ providers: [CaseSearchService], exports: [CaseSearchService] })
export class SearchModule {}
