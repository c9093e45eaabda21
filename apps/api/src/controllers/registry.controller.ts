import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { diskStorage } from 'multer';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import { AuditService, RegistryImportService, RegistryService, type ImportMapping } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CreatePersonDto, ImportRequestDto, NameDto } from '../dtos/registry.dto.js';
import { parseListQuery, setContentRange, textFilter } from '../http/list-query.js';

const id = new ParseUUIDPipe({ version: '4' });

@ApiTags('registry')
@Controller('registry')
export class RegistryController {
  constructor(
    private readonly registry: RegistryService,
    private readonly imports: RegistryImportService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Search the registry in any script: `filter={"q":"Bokeikhan","birthYear":1866,"tolerance":2}`.
   * Results are ranked with a score and the reasons each matched.
   */
  @Authenticated({ permission: Permission.RegistryRead })
  @Get('persons')
  @ApiQuery({ name: 'filter', required: true, example: '{"q":"Букейханов Алихан"}' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  async search(@Query() query: { sort?: string; range?: string; filter?: string }, @Res({ passthrough: true }) response: Response) {
    const list = parseListQuery(query, ['score'] as const, 'score');
    const q = textFilter(list.filter, 'q');
    if (!q) throw new BadRequestException('filter.q is required: the name to search for, in any script');
    const birthYear = list.filter.birthYear;
    const tolerance = list.filter.tolerance ?? 0;
    if (birthYear !== undefined && (!Number.isInteger(birthYear) || !Number.isInteger(tolerance))) {
      throw new BadRequestException('filter.birthYear and filter.tolerance must be whole numbers, e.g. {"birthYear":1890,"tolerance":2}');
    }
    const hits = await this.registry.search(q, { limit: list.limit + 1, offset: list.offset, birthYear: birthYear as number | undefined, tolerance: tolerance as number });
    const page = hits.slice(0, list.limit).map((hit) => ({ id: hit.personId, ...hit }));
    // a ranked search has no exact total; say whether more follow
    setContentRange(response, 'persons', list.offset, page.length, list.offset + hits.length);
    await this.audit.record({ action: 'person.search', details: { q, returned: page.length } });
    return page;
  }

  @Authenticated({ permission: Permission.RegistryManage })
  @Post('persons')
  create(@CurrentUser() user: SessionUser, @Body() body: CreatePersonDto) {
    return this.registry.create(user, body);
  }

  @Authenticated({ permission: Permission.RegistryRead })
  @Get('persons/:id')
  get(@CurrentUser() user: SessionUser, @Param('id', id) personId: string) {
    return this.registry.get(user, personId);
  }

  @Authenticated({ permission: Permission.RegistryManage })
  @Post('persons/:id/variants')
  addVariant(@CurrentUser() user: SessionUser, @Param('id', id) personId: string, @Body() body: NameDto) {
    return this.registry.addVariant(user, personId, body);
  }

  /** Proposed duplicate pairs, strongest first; `filter={"status":"different"}` for decided ones. */
  @Authenticated({ permission: Permission.RegistryRead })
  @Get('duplicates')
  async duplicates(@Query() query: { sort?: string; range?: string; filter?: string }, @Res({ passthrough: true }) response: Response) {
    const list = parseListQuery(query, ['score'] as const, 'score');
    const status = textFilter(list.filter, 'status');
    if (status && !['proposed', 'merged', 'different'].includes(status)) throw new BadRequestException('filter.status must be proposed, merged or different');
    const { rows, total } = await this.registry.candidates({ offset: list.offset, limit: list.limit, status });
    setContentRange(response, 'duplicates', list.offset, rows.length, total);
    return rows;
  }

  @Authenticated({ permission: Permission.RegistryManage })
  @Post('duplicates/:id/merge')
  @HttpCode(200)
  merge(@CurrentUser() user: SessionUser, @Param('id', id) candidateId: string) {
    return this.registry.merge(user, candidateId);
  }

  @Authenticated({ permission: Permission.RegistryManage })
  @Post('duplicates/:id/unmerge')
  @HttpCode(200)
  unmerge(@CurrentUser() user: SessionUser, @Param('id', id) candidateId: string) {
    return this.registry.unmerge(user, candidateId);
  }

  @Authenticated({ permission: Permission.RegistryManage })
  @Post('duplicates/:id/different')
  @HttpCode(200)
  different(@CurrentUser() user: SessionUser, @Param('id', id) candidateId: string) {
    return this.registry.markDifferent(user, candidateId);
  }

  /**
   * Imports an archival list (CSV with a header row). `dryRun=true` reports every bad row with its line and
   * reason and writes nothing; a real import refuses a file with bad rows, else loads it and applies it in
   * the background (progress at GET /registry/imports/:id).
   */
  @Authenticated({ permission: Permission.RegistryManage })
  @Post('imports')
  @UseInterceptors(FileInterceptor('file', { storage: diskStorage({ destination: tmpdir() }), limits: { fileSize: 200 * 1024 * 1024 } }))
  async import(@CurrentUser() user: SessionUser, @UploadedFile() file: Express.Multer.File | undefined, @Body() body: ImportRequestDto) {
    if (!file) throw new BadRequestException('file is required: the CSV list, sent as multipart form data');
    try {
      let mapping: ImportMapping;
      try {
        mapping = JSON.parse(body.mapping) as ImportMapping;
      } catch {
        throw new BadRequestException('mapping must be JSON, e.g. {"fullName":"ФИО","birthYear":"Год рождения"}');
      }
      if (body.dryRun === 'true') return { dryRun: true, ...(await this.imports.validate(file.path, mapping)) };
      const { importId, report } = await this.imports.load(user, file.path, file.originalname, body.source, mapping);
      return { dryRun: false, importId, ...report };
    } finally {
      await rm(file.path, { force: true });
    }
  }

  @Authenticated({ permission: Permission.RegistryRead })
  @Get('imports/:id')
  importProgress(@Param('id', id) importId: string) {
    return this.imports.progress(importId);
  }
}
