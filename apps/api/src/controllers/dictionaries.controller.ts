import { Body, Controller, Get, HttpStatus, Param, ParseEnumPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Permission, RepressionDictionary, type EntityName } from '@aqtalu/contracts';
import { CodedException, RepressionDictionaryService } from '@aqtalu/server';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CreateDictionaryEntryDto, UpdateDictionaryEntryDto } from '../dtos/registry.dto.js';
import { listAnswer, type ListQueryParams, pageOf, parseListQuery } from '../http/list-query.js';
import { ApiAnswer } from '../dtos/responses/api-answer.js';

const dictionary = new ParseEnumPipe(RepressionDictionary, {
  exceptionFactory: () => new CodedException(HttpStatus.NOT_FOUND, 'dictionary.unknown', { values: Object.values(RepressionDictionary) }),
});
const regionColumns = `code AS id, code, kind, name_kk AS "nameKk", name_ru AS "nameRu", name_en AS "nameEn"`;
const archiveColumns = `a.code AS id, a.code, a.kind, r.code AS "regionCode", a.name_kk AS "nameKk", a.name_ru AS "nameRu", a.name_en AS "nameEn"
  FROM archives a LEFT JOIN regions r ON r.id = a.region_id`;
const categoryColumns = `code AS id, code, name_kk AS "nameKk", name_ru AS "nameRu", name_en AS "nameEn", criterion_kk AS "criterionKk", criterion_ru AS "criterionRu", criterion_en AS "criterionEn"`;
const articleColumns = `code AS id, code, name_kk AS "nameKk", name_ru AS "nameRu", name_en AS "nameEn"`;
const filterExample = (example: string) => ({ name: 'filter', required: false, example });

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
  @ApiQuery(filterExample('{"kind":"region","q":"Алматы"}'))
  @ApiAnswer('DictionaryEntryResponse', { list: true, description: 'Regions (kind, nameKk/Ru/En)' })
  async regions(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response) {
    return this.page(response, 'regions', query, await this.dataSource.query(`SELECT ${regionColumns} FROM regions ORDER BY code`), ['kind']);
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('regions/:code')
  @ApiAnswer('DictionaryEntryResponse')
  async region(@Param('code') code: string) {
    return this.one('region', await this.dataSource.query(`SELECT ${regionColumns} FROM regions WHERE code = $1`, [code]), code);
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('archives')
  @ApiQuery(filterExample('{"regionCode":"ALM"}'))
  @ApiAnswer('DictionaryEntryResponse', { list: true, description: 'Archives (kind, regionCode, nameKk/Ru/En)' })
  async archives(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response) {
    return this.page(response, 'archives', query, await this.dataSource.query(`SELECT ${archiveColumns} ORDER BY a.code`), ['kind', 'regionCode']);
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('archives/:code')
  @ApiAnswer('DictionaryEntryResponse')
  async archive(@Param('code') code: string) {
    return this.one('archive', await this.dataSource.query(`SELECT ${archiveColumns} WHERE a.code = $1`, [code]), code);
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('victim-categories')
  @ApiQuery(filterExample('{"q":"kulak"}'))
  @ApiAnswer('DictionaryEntryResponse', { list: true, description: 'Victim categories with their criteria' })
  async categories(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response) {
    return this.page(response, 'victim-categories', query, await this.dataSource.query(`SELECT ${categoryColumns} FROM victim_categories ORDER BY code`));
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('victim-categories/:code')
  @ApiAnswer('DictionaryEntryResponse')
  async category(@Param('code') code: string) {
    return this.one('victim category', await this.dataSource.query(`SELECT ${categoryColumns} FROM victim_categories WHERE code = $1`, [code]), code);
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('legal-articles')
  @ApiQuery(filterExample('{"q":"58"}'))
  @ApiAnswer('DictionaryEntryResponse', { list: true, description: 'Legal articles of rehabilitation' })
  async articles(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response) {
    return this.page(response, 'legal-articles', query, await this.dataSource.query(`SELECT ${articleColumns} FROM legal_articles ORDER BY code`));
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('legal-articles/:code')
  @ApiAnswer('DictionaryEntryResponse')
  async article(@Param('code') code: string) {
    return this.one('legal article', await this.dataSource.query(`SELECT ${articleColumns} FROM legal_articles WHERE code = $1`, [code]), code);
  }

  /** Bodies that passed sentences (OGPU and NKVD troikas, the "dvoika", the Special Council, the Military Collegium …). */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('sentencing-bodies')
  @ApiQuery(filterExample('{"q":"troika"}'))
  @ApiAnswer('DictionaryEntryResponse', { list: true })
  async sentencingBodies(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response) {
    return this.page(response, 'sentencing-bodies', query, await this.repression.list(RepressionDictionary.SentencingBodies));
  }

  /** Articles of the criminal codes (RSFSR Criminal Code of 1926, art. 58-1а … 58-14 and others). */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('criminal-articles')
  @ApiQuery(filterExample('{"criminalCode":"rsfsr_1926"}'))
  @ApiAnswer('DictionaryEntryResponse', { list: true })
  async criminalArticles(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response) {
    return this.page(response, 'criminal-articles', query, await this.repression.list(RepressionDictionary.CriminalArticles), ['criminalCode', 'article']);
  }

  /** Kinds of sentence (1st category = shooting, camp term, exile, deportation, confiscation …). */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('sentence-kinds')
  @ApiQuery(filterExample('{"q":"exile"}'))
  @ApiAnswer('DictionaryEntryResponse', { list: true })
  async sentenceKinds(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response) {
    return this.page(response, 'sentence-kinds', query, await this.repression.list(RepressionDictionary.SentenceKinds));
  }

  /** Camps (Karlag, ALZHIR, Steplag, Peschanlag …) with coordinates where known. */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('camps')
  @ApiQuery(filterExample('{"q":"Karlag"}'))
  @ApiAnswer('DictionaryEntryResponse', { list: true })
  async camps(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response) {
    return this.page(response, 'camps', query, await this.repression.list(RepressionDictionary.Camps));
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get(':dictionary/:code')
  @ApiParam(dictionaryParam)
  @ApiAnswer('DictionaryEntryResponse')
  entry(@Param('dictionary', dictionary) name: RepressionDictionary, @Param('code') code: string) {
    return this.repression.get(name, code);
  }

  /** Adds an entry to a repression dictionary (administrators). */
  @Authenticated({ permission: Permission.ReferenceManage })
  @Post(':dictionary')
  @ApiParam(dictionaryParam)
  @ApiAnswer('DictionaryEntryResponse', { status: HttpStatus.CREATED })
  create(@Param('dictionary', dictionary) name: RepressionDictionary, @Body() body: CreateDictionaryEntryDto) {
    const { code, ...fields } = body;
    return this.repression.create(name, code, fields);
  }

  /** Changes an entry's names or fields (administrators; send the version you read). Codes never change. */
  @Authenticated({ permission: Permission.ReferenceManage })
  @Patch(':dictionary/:code')
  @ApiParam(dictionaryParam)
  @ApiAnswer('DictionaryEntryResponse')
  update(@Param('dictionary', dictionary) name: RepressionDictionary, @Param('code') code: string, @Body() body: UpdateDictionaryEntryDto) {
    const { version, ...fields } = body;
    return this.repression.update(name, code, version, fields);
  }

  /**
   * A dictionary is short: read whole, then filtered (`id` = codes, `q` on the code and names, other fields
   * exactly), sorted and paged in the dialect like every other list.
   */
  private page(response: Response, resource: string, query: ListQueryParams, rows: Array<Record<string, unknown>>, fields: readonly string[] = []) {
    // any column of the entries may be sorted by (they are few and held in memory); the filters are the short fields
    const columns = Object.keys(rows[0] ?? {}).filter((column) => column !== 'id');
    const list = parseListQuery(query, { sortable: ['code', ...columns], defaultSort: 'code', filters: ['q', ...fields], idKind: 'code' });
    return listAnswer(response, resource, list, pageOf(rows, list, ['code', 'nameKk', 'nameRu', 'nameEn']));
  }

  private one(what: string, rows: Array<Record<string, unknown>>, code: string) {
    if (!rows[0]) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: what.replace(' ', '_') as EntityName, id: code });
    return rows[0];
  }
}
