import { Body, Controller, Get, NotFoundException, Param, ParseEnumPipe, Patch, Post } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Permission, RepressionDictionary } from '@aqtalu/contracts';
import { RepressionDictionaryService } from '@aqtalu/server';
import { DataSource } from 'typeorm';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CreateDictionaryEntryDto, UpdateDictionaryEntryDto } from '../dtos/registry.dto.js';

const dictionary = new ParseEnumPipe(RepressionDictionary, {
  exceptionFactory: () => new NotFoundException(`There is no such dictionary of entries by code; there are ${Object.values(RepressionDictionary).join(', ')}.`),
});
const dictionaryParam = { name: 'dictionary', enum: RepressionDictionary, enumName: 'RepressionDictionary' };

/** The dictionaries forms choose from. */
@ApiTags('dictionaries')
@Controller('dictionaries')
export class DictionariesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repression: RepressionDictionaryService,
  ) {}

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('regions')
  regions() {
    return this.dataSource.query(`SELECT code AS id, code, kind, name_kk AS "nameKk", name_ru AS "nameRu", name_en AS "nameEn" FROM regions ORDER BY code`);
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('archives')
  archives() {
    return this.dataSource.query(
      `SELECT a.code AS id, a.code, a.kind, r.code AS "regionCode", a.name_kk AS "nameKk", a.name_ru AS "nameRu", a.name_en AS "nameEn"
       FROM archives a LEFT JOIN regions r ON r.id = a.region_id ORDER BY a.code`,
    );
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('victim-categories')
  categories() {
    return this.dataSource.query(`SELECT code AS id, code, name_kk AS "nameKk", name_ru AS "nameRu", name_en AS "nameEn", criterion_kk AS "criterionKk", criterion_ru AS "criterionRu", criterion_en AS "criterionEn" FROM victim_categories ORDER BY code`);
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('legal-articles')
  articles() {
    return this.dataSource.query(`SELECT code AS id, code, name_kk AS "nameKk", name_ru AS "nameRu", name_en AS "nameEn" FROM legal_articles ORDER BY code`);
  }

  /** Bodies that passed sentences (OGPU and NKVD troikas, the "dvoika", the Special Council, the Military Collegium …). */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('sentencing-bodies')
  sentencingBodies() {
    return this.repression.list(RepressionDictionary.SentencingBodies);
  }

  /** Articles of the criminal codes (RSFSR Criminal Code of 1926, art. 58-1а … 58-14 and others). */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('criminal-articles')
  criminalArticles() {
    return this.repression.list(RepressionDictionary.CriminalArticles);
  }

  /** Kinds of sentence (1st category = shooting, camp term, exile, deportation, confiscation …). */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('sentence-kinds')
  sentenceKinds() {
    return this.repression.list(RepressionDictionary.SentenceKinds);
  }

  /** Camps (Karlag, ALZHIR, Steplag, Peschanlag …) with coordinates where known. */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('camps')
  camps() {
    return this.repression.list(RepressionDictionary.Camps);
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get(':dictionary/:code')
  @ApiParam(dictionaryParam)
  entry(@Param('dictionary', dictionary) name: RepressionDictionary, @Param('code') code: string) {
    return this.repression.get(name, code);
  }

  /** Adds an entry to a repression dictionary (administrators). */
  @Authenticated({ permission: Permission.ReferenceManage })
  @Post(':dictionary')
  @ApiParam(dictionaryParam)
  create(@Param('dictionary', dictionary) name: RepressionDictionary, @Body() body: CreateDictionaryEntryDto) {
    const { code, ...fields } = body;
    return this.repression.create(name, code, fields);
  }

  /** Changes an entry's names or fields (administrators; send the version you read). Codes never change. */
  @Authenticated({ permission: Permission.ReferenceManage })
  @Patch(':dictionary/:code')
  @ApiParam(dictionaryParam)
  update(@Param('dictionary', dictionary) name: RepressionDictionary, @Param('code') code: string, @Body() body: UpdateDictionaryEntryDto) {
    const { version, ...fields } = body;
    return this.repression.update(name, code, version, fields);
  }
}
