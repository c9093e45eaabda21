import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { DeclassificationStatus, Permission, type InventoryEntryView, type SessionUser } from '@aqtalu/contracts';
import { CodedException, importFormatOf, InventoryService, type InventoryMapping, inventorySortColumns } from '@aqtalu/server';
import type { Response } from 'express';
import { diskStorage } from 'multer';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiAnswer } from '../dtos/responses/api-answer.js';
import { AddMentionDto, CiteInventoryDto, CreateInventoryEntryDto, InventoryImportDto, UpdateInventoryEntryDto } from '../dtos/inventory.dto.js';
import { idFilter, listAnswer, type ListQueryParams, oneOfFilter, parseListQuery, textFilter } from '../http/list-query.js';

const id = new ParseUUIDPipe({ version: '4' });

/** Archive inventories: fonds → opisi → files with their declassification; kept by each archive's liaisons. */
@ApiTags('inventory')
@Controller('inventory')
export class InventoryController {
  constructor(private readonly inventory: InventoryService) {}

  /** Files of the inventories. Filters: archiveCode, fond, opis, status, q (title, note), personId (files that mention the person). */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get()
  @ApiQuery({ name: 'filter', required: false, example: '{"archiveCode":"SPEC-MVD","fond":"141","status":"declassified"}' })
  @ApiAnswer('InventoryEntryResponse', { list: true })
  async list(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<InventoryEntryView[]> {
    const list = parseListQuery(query, {
      sortable: ['reference', 'updatedAt', 'status'] as Array<keyof typeof inventorySortColumns>,
      defaultSort: 'reference',
      filters: ['archiveCode', 'fond', 'opis', 'status', 'q', 'personId'],
    });
    const page = await this.inventory.list({
      sort: list.sortField,
      order: list.sortOrder,
      offset: list.offset,
      limit: list.limit,
      filter: {
        ids: list.ids,
        archiveCode: textFilter(list.filter, 'archiveCode'),
        fond: textFilter(list.filter, 'fond'),
        opis: textFilter(list.filter, 'opis'),
        status: oneOfFilter(list.filter, 'status', Object.values(DeclassificationStatus)),
        q: textFilter(list.filter, 'q'),
        personId: idFilter(list.filter, 'personId'),
      },
    });
    return listAnswer(response, 'inventory', list, page);
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get(':id')
  @ApiAnswer('InventoryEntryResponse')
  get(@Param('id', id) entryId: string): Promise<InventoryEntryView> {
    return this.inventory.get(entryId);
  }

  @Authenticated({ permission: Permission.InventoryManage })
  @Post()
  @ApiAnswer('InventoryEntryResponse', { status: HttpStatus.CREATED })
  create(@CurrentUser() user: SessionUser, @Body() body: CreateInventoryEntryDto): Promise<InventoryEntryView> {
    const { archiveCode, ...input } = body;
    return this.inventory.create(user, archiveCode, input);
  }

  @Authenticated({ permission: Permission.InventoryManage })
  @Patch(':id')
  @ApiAnswer('InventoryEntryResponse')
  update(@CurrentUser() user: SessionUser, @Param('id', id) entryId: string, @Body() body: UpdateInventoryEntryDto): Promise<InventoryEntryView> {
    const { version, ...changes } = body;
    return this.inventory.update(user, entryId, version, changes);
  }

  /** Imports an inventory list (CSV or XLSX with a header row): checked whole first, then every file added or updated at once. */
  @Authenticated({ permission: Permission.InventoryManage })
  @Post('import')
  @HttpCode(200)
  @ApiAnswer('InventoryImportResponse')
  @UseInterceptors(FileInterceptor('file', { storage: diskStorage({ destination: tmpdir() }), limits: { fileSize: 50 * 1024 * 1024 } }))
  async import(@CurrentUser() user: SessionUser, @UploadedFile() file: Express.Multer.File | undefined, @Body() body: InventoryImportDto) {
    if (!file) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.required', { field: 'file' });
    try {
      const format = importFormatOf(file.originalname, file.mimetype);
      if (!format) throw new CodedException(HttpStatus.BAD_REQUEST, 'import.file_format', { fileName: file.originalname });
      let mapping: InventoryMapping;
      try {
        mapping = JSON.parse(body.mapping) as InventoryMapping;
      } catch {
        throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_json', { field: 'mapping', example: '{"fond":"Фонд","opis":"Опись","delo":"Дело"}' });
      }
      return await this.inventory.importFile(user, body.archiveCode, { path: file.path, format, mapping });
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** Records that the file names a registry person. */
  @Authenticated({ permission: Permission.RegistryManage })
  @Post(':id/mentions')
  @HttpCode(200)
  @ApiAnswer('InventoryEntryResponse')
  addMention(@CurrentUser() user: SessionUser, @Param('id', id) entryId: string, @Body() body: AddMentionDto): Promise<InventoryEntryView> {
    return this.inventory.addMention(user, entryId, body.personId, body.sheets);
  }
}

/** An archive request names the file of the archive's inventory it asks for. */
@ApiTags('archive-requests')
@Controller('archive-requests')
export class ArchiveRequestCitationsController {
  constructor(private readonly inventory: InventoryService) {}

  @Authenticated({ permission: Permission.ArchiveRequestsCreate })
  @Post(':id/inventory-entry')
  @HttpCode(200)
  @ApiAnswer('ArchiveRequestCitationResponse')
  cite(@CurrentUser() user: SessionUser, @Param('id', id) requestId: string, @Body() body: CiteInventoryDto) {
    return this.inventory.cite(user, requestId, body.inventoryEntryId);
  }
}
