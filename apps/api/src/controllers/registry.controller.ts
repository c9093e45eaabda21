import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseEnumPipe, ParseUUIDPipe, Patch, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { diskStorage } from 'multer';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { EpisodeKind, FactKind, Permission, type SessionUser } from '@aqtalu/contracts';
import { AuditService, CodedException, importFormatOf, PersonFactService, previewTable, RegistryImportService, RegistryService, type ImportMapping } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CreateFactDto, CreatePersonDto, ImportRequestDto, NameDto, UpdateFactDto, UpdatePersonDto } from '../dtos/registry.dto.js';
import { VersionDto } from '../dtos/user.dto.js';
import { idFilter, listAnswer, ListQueryError, listQueryError, type ListQueryParams, oneOfFilter, parseListQuery, setContentRange, textFilter } from '../http/list-query.js';
import { ApiAnswer, type Sent } from '../dtos/responses/api-answer.js';
import type { DuplicateResponse, FactResponse, ImportPreviewResponse, ImportProgressResponse, MarkedDifferentResponse, MergeResponse, PersonCaseResponse, PersonResponse, UnmergeResponse } from '@aqtalu/contracts';

const id = new ParseUUIDPipe({ version: '4' });

@ApiTags('registry')
@Controller('registry')
export class RegistryController {
  constructor(
    private readonly registry: RegistryService,
    private readonly imports: RegistryImportService,
    private readonly facts: PersonFactService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Search the registry in any script: `filter={"q":"Bokeikhan","birthYear":1866,"tolerance":2}`.
   * Results are ranked with a score and the reasons each matched. More filters: `regionCode` (today's region of
   * the birthplace, through the gazetteer), `sentenceKind` (a sentence-kind code of any episode), `hasCase`
   * (true / false: a subject of any case).
   */
  @Authenticated({ permission: Permission.RegistryRead })
  @Get('persons')
  @ApiQuery({ name: 'filter', required: true, example: '{"q":"Букейханов Алихан"}' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiAnswer('PersonSearchHit', { list: true, description: 'With q: ranked hits (Content-Range says whether more follow); without: the registry browsed (PersonListItem rows)' })
  async search(@CurrentUser() user: SessionUser, @Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response) {
    const list = parseListQuery(query, {
      sortable: ['score', 'nameKk', 'nameRu', 'birthYear'],
      defaultSort: 'score',
      defaultOrder: 'DESC',
      filters: ['q', 'birthYear', 'tolerance', 'regionCode', 'sentenceKind', 'hasCase'],
    });
    const q = textFilter(list.filter, 'q');
    if (!q) {
      const searchOnly = Object.keys(list.filter).filter((key) => list.filter[key] !== undefined && list.filter[key] !== null);
      if (searchOnly.length > 0) throw listQueryError(ListQueryError.Filter, { filters: searchOnly, needs: 'q' });
      // no name: the registry in the order asked (by name when the sort is the search's score), or exactly the ids asked for
      const sort = list.sortField === 'score' ? 'nameKk' : list.sortField;
      const page = await this.registry.list({ offset: list.offset, limit: list.limit, sort, order: list.sortField === 'score' ? 'ASC' : list.sortOrder, ids: list.ids });
      await this.audit.record({ action: 'person.list', details: { ids: list.ids ?? null, offset: list.offset, returned: page.rows.length } });
      return listAnswer(response, 'persons', list, page);
    }
    if (list.ids) throw listQueryError(ListQueryError.Filter, { filters: ['q', 'id'] });
    const birthYear = list.filter.birthYear;
    const tolerance = list.filter.tolerance ?? 0;
    const wholeIn = (value: unknown, from: number, to: number) => Number.isInteger(value) && (value as number) >= from && (value as number) <= to;
    if (birthYear !== undefined && (!wholeIn(birthYear, 1800, 2100) || !wholeIn(tolerance, 0, 50))) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.birth_year_filter');
    }
    const regionCode = list.filter.regionCode;
    if (regionCode !== undefined && (typeof regionCode !== 'string' || !/^[A-Z]{3}$/.test(regionCode))) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.format', { field: 'filter.regionCode', example: '"KAR"' });
    }
    const sentenceKind = list.filter.sentenceKind;
    if (sentenceKind !== undefined && (typeof sentenceKind !== 'string' || sentenceKind.length === 0)) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.format', { field: 'filter.sentenceKind', example: '"first_category"' });
    }
    const hasCase = list.filter.hasCase;
    if (hasCase !== undefined && typeof hasCase !== 'boolean') throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_boolean', { field: 'filter.hasCase' });
    const hits = await this.registry.search(q, {
      limit: list.limit + 1, offset: list.offset, birthYear: birthYear as number | undefined, tolerance: tolerance as number,
      regionCode: regionCode as string | undefined, sentenceKind: sentenceKind as string | undefined, hasCase: hasCase as boolean | undefined, caller: user,
    });
    const page = hits.slice(0, list.limit).map((hit) => ({ id: hit.personId, ...hit }));
    // a ranked search has no exact total; say whether more follow
    setContentRange(response, 'persons', list.offset, page.length, list.offset + hits.length);
    // the validated filters only: the raw query is the caller's and goes nowhere near the audit chain
    const filters = { birthYear, tolerance: birthYear === undefined ? undefined : tolerance, regionCode, sentenceKind, hasCase };
    await this.audit.record({ action: 'person.search', details: { q: q.slice(0, 200), filter: filters, returned: page.length } });
    return page;
  }

  @Authenticated({ permission: Permission.RegistryManage })
  @Post('persons')
  @ApiAnswer('PersonResponse', { status: HttpStatus.CREATED })
  create(@CurrentUser() user: SessionUser, @Body() body: CreatePersonDto): Promise<Sent<PersonResponse>> {
    return this.registry.create(user, body);
  }

  @Authenticated({ permission: Permission.RegistryRead })
  @Get('persons/:id')
  @ApiAnswer('PersonResponse')
  get(@CurrentUser() user: SessionUser, @Param('id', id) personId: string): Promise<Sent<PersonResponse>> {
    return this.registry.get(user, personId);
  }

  /** Changes the person's own birth year and birthplace (optimistic locking: send the version you read). */
  @Authenticated({ permission: Permission.RegistryManage })
  @Patch('persons/:id')
  @ApiAnswer('PersonResponse')
  update(@CurrentUser() user: SessionUser, @Param('id', id) personId: string, @Body() body: UpdatePersonDto): Promise<Sent<PersonResponse>> {
    return this.registry.update(user, personId, body);
  }

  /** The cases the person is a subject of, those the caller may see (region and archive scope). */
  @Authenticated({ permission: Permission.RegistryRead })
  @Get('persons/:id/cases')
  @ApiAnswer('PersonCaseResponse', { list: true, description: 'The cases of the person the caller may see' })
  casesOf(@CurrentUser() user: SessionUser, @Param('id', id) personId: string): Promise<Sent<PersonCaseResponse[]>> {
    return this.registry.casesOf(user, personId);
  }

  /**
   * The person's facts and repression episodes, each with its source (archival reference, book and page, or
   * evidence and pages) and whether it is the accepted value. Other facts first, then episodes by date.
   */
  @Authenticated({ permission: Permission.RegistryRead })
  @Get('persons/:id/facts')
  @ApiQuery({ name: 'kind', required: false, enum: FactKind, enumName: 'FactKind' })
  @ApiQuery({ name: 'episodeKind', required: false, enum: EpisodeKind, enumName: 'EpisodeKind' })
  @ApiAnswer('FactResponse', { list: true, description: 'Facts first, then episodes by date' })
  listFacts(
    @Param('id', id) personId: string,
    @Query('kind', new ParseEnumPipe(FactKind, { optional: true, exceptionFactory: () => new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_one_of', { field: 'kind', values: Object.values(FactKind) }) }))
    kind?: FactKind,
    @Query('episodeKind', new ParseEnumPipe(EpisodeKind, { optional: true, exceptionFactory: () => new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_one_of', { field: 'episodeKind', values: Object.values(EpisodeKind) }) }))
    episodeKind?: EpisodeKind,
  ): Promise<Sent<FactResponse[]>> {
    return this.facts.list(personId, { kind, episodeKind });
  }

  /**
   * Facts and episodes across the registry, in react-admin's list dialect: `filter={"episodeKind":"arrest",
   * "dateFrom":1937,"dateTo":1938}` finds arrests whose uncertain date may fall in 1937–1938 ("autumn 1937",
   * "1937 or 1938", "before 1938"). `dateFrom`/`dateTo` take a year or any date the registry reads
   * ("1937-10", "осень 1937"); more filters: `kind`, `personId`. Sorted by date (`sort=["date","ASC"]`).
   */
  @Authenticated({ permission: Permission.RegistryRead })
  @Get('facts')
  @ApiQuery({ name: 'filter', required: false, example: '{"episodeKind":"arrest","dateFrom":1937,"dateTo":1938}' })
  @ApiAnswer('FactResponse', { list: true })
  async browseFacts(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response) {
    const list = parseListQuery(query, { sortable: ['date'], defaultSort: 'date', defaultOrder: 'ASC', filters: ['personId', 'kind', 'episodeKind', 'dateFrom', 'dateTo'] });
    const dateFilter = (key: 'dateFrom' | 'dateTo') => {
      const value = list.filter[key];
      if (value === undefined || value === null || value === '') return undefined;
      if (typeof value !== 'number' && typeof value !== 'string') throw listQueryError(ListQueryError.FilterValue, { filter: key, expected: 'date' });
      return value;
    };
    const page = await this.facts.browse(
      {
        personId: idFilter(list.filter, 'personId'),
        kind: oneOfFilter(list.filter, 'kind', Object.values(FactKind)),
        episodeKind: oneOfFilter(list.filter, 'episodeKind', Object.values(EpisodeKind)),
        dateFrom: dateFilter('dateFrom'),
        dateTo: dateFilter('dateTo'),
      },
      { offset: list.offset, limit: list.limit, sort: list.sortField === 'id' ? 'id' : 'date', order: list.sortOrder, ids: list.ids },
    );
    return listAnswer(response, 'facts', list, page);
  }

  /**
   * Records a fact or an episode as one source states it. Citing evidence needs read access to its case (else
   * 404); quarantined evidence cannot be cited (409); pages must lie within the document.
   */
  @Authenticated({ permission: Permission.RegistryManage })
  @Post('persons/:id/facts')
  @ApiAnswer('FactResponse', { status: HttpStatus.CREATED })
  addFact(@CurrentUser() user: SessionUser, @Param('id', id) personId: string, @Body() body: CreateFactDto): Promise<Sent<FactResponse>> {
    return this.facts.add(user, personId, body);
  }

  /** Corrects a recorded fact (send the fact's version you read); checked again as a new fact. Its kind never changes. */
  @Authenticated({ permission: Permission.RegistryManage })
  @Patch('persons/:id/facts/:factId')
  @ApiAnswer('FactResponse')
  updateFact(@CurrentUser() user: SessionUser, @Param('id', id) personId: string, @Param('factId', id) factId: string, @Body() body: UpdateFactDto): Promise<Sent<FactResponse>> {
    const { version, ...changes } = body;
    return this.facts.update(user, personId, factId, version, changes);
  }

  /** Marks the fact as the value the commission accepts; the one accepted before for the same kind is un-accepted. `version`: the person's. */
  @Authenticated({ permission: Permission.RegistryManage })
  @Post('persons/:id/facts/:factId/accept')
  @HttpCode(200)
  @ApiAnswer('FactResponse')
  acceptFact(@CurrentUser() user: SessionUser, @Param('id', id) personId: string, @Param('factId', id) factId: string, @Body() body: VersionDto): Promise<Sent<FactResponse>> {
    return this.facts.accept(user, personId, factId, body.version);
  }

  @Authenticated({ permission: Permission.RegistryManage })
  @Post('persons/:id/variants')
  @ApiAnswer('PersonResponse', { status: HttpStatus.CREATED })
  addVariant(@CurrentUser() user: SessionUser, @Param('id', id) personId: string, @Body() body: NameDto): Promise<Sent<PersonResponse>> {
    return this.registry.addVariant(user, personId, body);
  }

  /** Proposed duplicate pairs, strongest first; `filter={"status":"different"}` for decided ones, `{"personId":…}` for one person's. */
  @Authenticated({ permission: Permission.RegistryRead })
  @Get('duplicates')
  @ApiAnswer('DuplicateResponse', { list: true })
  async duplicates(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<Sent<DuplicateResponse[]>> {
    const list = parseListQuery(query, { sortable: ['score'], defaultSort: 'score', defaultOrder: 'DESC', filters: ['status', 'personId'] });
    const status = oneOfFilter(list.filter, 'status', ['proposed', 'merged', 'different']);
    const page = await this.registry.candidates({
      offset: list.offset, limit: list.limit, status, ids: list.ids, personId: idFilter(list.filter, 'personId'), sort: list.sortField, order: list.sortOrder,
    });
    return listAnswer(response, 'duplicates', list, page);
  }

  /** One proposed or decided pair. */
  @Authenticated({ permission: Permission.RegistryRead })
  @Get('duplicates/:id')
  @ApiAnswer('DuplicateResponse')
  duplicate(@Param('id', id) candidateId: string): Promise<Sent<DuplicateResponse>> {
    return this.registry.candidate(candidateId);
  }

  @Authenticated({ permission: Permission.RegistryManage })
  @Post('duplicates/:id/merge')
  @HttpCode(200)
  @ApiAnswer('MergeResponse')
  merge(@CurrentUser() user: SessionUser, @Param('id', id) candidateId: string): Promise<Sent<MergeResponse>> {
    return this.registry.merge(user, candidateId);
  }

  @Authenticated({ permission: Permission.RegistryManage })
  @Post('duplicates/:id/unmerge')
  @HttpCode(200)
  @ApiAnswer('UnmergeResponse')
  unmerge(@CurrentUser() user: SessionUser, @Param('id', id) candidateId: string): Promise<Sent<UnmergeResponse>> {
    return this.registry.unmerge(user, candidateId);
  }

  @Authenticated({ permission: Permission.RegistryManage })
  @Post('duplicates/:id/different')
  @HttpCode(200)
  @ApiAnswer('MarkedDifferentResponse')
  different(@CurrentUser() user: SessionUser, @Param('id', id) candidateId: string): Promise<Sent<MarkedDifferentResponse>> {
    return this.registry.markDifferent(user, candidateId);
  }

  /**
   * Imports an archival list: CSV, or XLSX (its first worksheet), with a header row. `dryRun=true` reports every
   * bad row with its line (the row number in a worksheet) and reason, and how many rows are new, change a person
   * of the source (mapping `externalId`: the source's own id of the person) or are unchanged, and writes nothing;
   * a real import refuses a file with bad rows, else loads it and applies it in the background (progress at
   * GET /registry/imports/:id). A list imported again with the same `source` and ids updates its persons.
   */
  @Authenticated({ permission: Permission.RegistryManage })
  @Post('imports')
  @UseInterceptors(FileInterceptor('file', { storage: diskStorage({ destination: tmpdir() }), limits: { fileSize: 200 * 1024 * 1024 } }))
  @ApiAnswer('ImportReportResponse', { status: HttpStatus.CREATED })
  async import(@CurrentUser() user: SessionUser, @UploadedFile() file: Express.Multer.File | undefined, @Body() body: ImportRequestDto) {
    if (!file) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.required', { field: 'file' });
    try {
      const format = importFormatOf(file.originalname, file.mimetype);
      if (!format) throw new CodedException(HttpStatus.BAD_REQUEST, 'import.file_format', { fileName: file.originalname });
      let mapping: ImportMapping;
      try {
        mapping = JSON.parse(body.mapping) as ImportMapping;
      } catch {
        throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_json', { field: 'mapping', example: '{"fullName":"ФИО","birthYear":"Год рождения"}' });
      }
      if (body.dryRun === 'true') return { dryRun: true, format, ...(await this.imports.dryRun(file.path, body.source, mapping, format)) };
      const { importId, report } = await this.imports.load(user, file.path, file.originalname, body.source, mapping, format);
      return { dryRun: false, format, importId, ...report };
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /**
   * The header and first rows of a list, read as the import reads it (the CSV's encoding and separator detected
   * here, the one place that does), for mapping its columns. A CSV may be sent as its first bytes only.
   */
  @Authenticated({ permission: Permission.RegistryManage })
  @Post('imports/preview')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { storage: diskStorage({ destination: tmpdir() }), limits: { fileSize: 200 * 1024 * 1024 } }))
  @ApiAnswer('ImportPreviewResponse')
  async previewImport(@UploadedFile() file: Express.Multer.File | undefined): Promise<Sent<ImportPreviewResponse>> {
    if (!file) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.required', { field: 'file' });
    try {
      const format = importFormatOf(file.originalname, file.mimetype);
      if (!format) throw new CodedException(HttpStatus.BAD_REQUEST, 'import.file_format', { fileName: file.originalname });
      const { dialect, header, rows } = await previewTable(file.path, format);
      return { format, encoding: dialect?.encoding ?? null, delimiter: dialect?.delimiter ?? null, header, rows };
    } finally {
      await rm(file.path, { force: true });
    }
  }

  @Authenticated({ permission: Permission.RegistryRead })
  @Get('imports/:id')
  @ApiAnswer('ImportProgressResponse')
  importProgress(@Param('id', id) importId: string): Promise<Sent<ImportProgressResponse>> {
    return this.imports.progress(importId);
  }
}
