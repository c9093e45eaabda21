import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import { CodedException, GroupCaseService, importFormatOf, type ImportMapping } from '@aqtalu/server';
import { diskStorage } from 'multer';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CreateGroupCaseDto, GroupCaseImportDto, SubjectBulkDto } from '../dtos/event.dto.js';
import { ApiAnswer, type Sent } from '../dtos/responses/api-answer.js';
import type { CaseResponse, GroupSubjectResponse } from '@aqtalu/contracts';

const id = new ParseUUIDPipe({ version: '4' });

/** Group cases made from a list in one request, and bulk actions on their subjects. */
@ApiTags('cases')
@Controller('group-cases')
export class GroupCasesController {
  constructor(private readonly groups: GroupCaseService) {}

  /** Opens a group case whose subjects are an event's participants, a registry selection, or a finished import (one of them). */
  @Authenticated({ permission: Permission.CasesCreate })
  @Post()
  @ApiAnswer('CaseResponse', { status: HttpStatus.CREATED, description: 'The group case' })
  create(@CurrentUser() user: SessionUser, @Body() body: CreateGroupCaseDto): Promise<Sent<CaseResponse>> {
    const { eventId, roles, personIds, importId, ...input } = body;
    return this.groups.createFromList(user, input, { eventId, roles, personIds, importId });
  }

  /**
   * Opens a group case from an uploaded list (CSV or XLSX with a header row, `mapping` as for registry imports):
   * each row becomes a person of the registry and a subject, in one transaction; a list with bad rows is refused whole.
   */
  @Authenticated({ permission: Permission.CasesCreate })
  @Post('import')
  @UseInterceptors(FileInterceptor('file', { storage: diskStorage({ destination: tmpdir() }), limits: { fileSize: 20 * 1024 * 1024 } }))
  @ApiAnswer('CaseResponse', { status: HttpStatus.CREATED, description: 'The group case made from the list' })
  async createFromFile(@CurrentUser() user: SessionUser, @UploadedFile() file: Express.Multer.File | undefined, @Body() body: GroupCaseImportDto): Promise<Sent<CaseResponse>> {
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
      const input = { regionCode: body.regionCode, categoryCode: body.categoryCode, summary: body.summary, applicant: { kind: body.applicantKind, name: body.applicantName } };
      return await this.groups.createFromFile(user, input, { path: file.path, format, source: body.source, mapping });
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** The subjects with the exceptions marked for the decision. */
  @Authenticated({ permission: Permission.CasesRead })
  @Get(':id/subjects')
  @ApiAnswer('GroupSubjectResponse', { list: true })
  subjects(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string): Promise<Sent<GroupSubjectResponse[]>> {
    return this.groups.subjects(user, caseId);
  }

  /** remove | mark_exception (outcome, reason) | unmark_exception | link (one subject, personId), on many subjects at once. */
  @Authenticated({ permission: Permission.CasesUpdate })
  @Post(':id/subjects/bulk')
  @HttpCode(200)
  @ApiAnswer('CaseResponse')
  bulk(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string, @Body() body: SubjectBulkDto): Promise<Sent<CaseResponse>> {
    return this.groups.bulk(user, caseId, body);
  }
}
