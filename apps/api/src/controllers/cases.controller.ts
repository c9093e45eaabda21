import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { CaseTransition, Permission, type SessionUser } from '@aqtalu/contracts';
import { ArchiveRequestService, CaseService, CaseWorkflowService, CertificateService, CodedException, CollaborationService, ConclusionService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AddSubjectDto, CommentDto, ConclusionDraftDto, CreateTaskDto, CreateArchiveRequestDto, CreateCaseDto, TransitionDto, UpdateCaseDto } from '../dtos/case.dto.js';
import { VersionDto } from '../dtos/user.dto.js';
import { booleanFilter, listAnswer, type ListQueryParams, parseListQuery, textFilter } from '../http/list-query.js';
import { ApiAnswer, type Sent } from '../dtos/responses/api-answer.js';
import type { ArchiveRequestResponse, CaseListItem, CaseResponse, CaseStatsRow, CertificateResponse, CommentCreatedResponse, CommentResponse, ConclusionResponse, HistoryEntry, TaskResponse, TransitionsResponse, WatcherResponse } from '@aqtalu/contracts';

const id = new ParseUUIDPipe({ version: '4' });
const transitionNames = Object.values(CaseTransition) as string[];

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CaseService,
    private readonly workflow: CaseWorkflowService,
    private readonly archiveRequests: ArchiveRequestService,
    private readonly conclusions: ConclusionService,
    private readonly certificates: CertificateService,
    private readonly collaboration: CollaborationService,
  ) {}

  @Authenticated({ permission: Permission.CasesRead })
  @Get(':id/comments')
  @ApiAnswer('CommentResponse', { list: true, description: 'The comments, oldest first' })
  comments(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string): Promise<Sent<CommentResponse[]>> {
    return this.collaboration.comments(user, caseId);
  }

  /** A comment; `@name@example.kz` notifies that person if they may see the case. */
  @Authenticated({ permission: Permission.CasesUpdate })
  @Post(':id/comments')
  @ApiAnswer('CommentCreatedResponse', { status: HttpStatus.CREATED })
  comment(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string, @Body() body: CommentDto): Promise<Sent<CommentCreatedResponse>> {
    return this.collaboration.comment(user, caseId, body.body);
  }

  @Authenticated({ permission: Permission.CasesRead })
  @Get(':id/tasks')
  @ApiAnswer('TaskResponse', { list: true, description: 'The tasks, oldest first' })
  tasks(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string): Promise<Sent<TaskResponse[]>> {
    return this.collaboration.tasks(user, caseId);
  }

  @Authenticated({ permission: Permission.CasesUpdate })
  @Post(':id/tasks')
  @ApiAnswer('TaskResponse', { status: HttpStatus.CREATED })
  addTask(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string, @Body() body: CreateTaskDto): Promise<Sent<TaskResponse>> {
    return this.collaboration.addTask(user, caseId, body);
  }

  /** Who follows the case: each is told of its transitions while they may see it. */
  @Authenticated({ permission: Permission.CasesRead })
  @Get(':id/watchers')
  @ApiAnswer('WatcherResponse', { list: true, description: 'Who follows the case' })
  watchers(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string): Promise<Sent<WatcherResponse[]>> {
    return this.collaboration.watchers(user, caseId);
  }

  /** Follows the case (idempotent); answers its watchers. */
  @Authenticated({ permission: Permission.CasesRead })
  @Post(':id/watch')
  @HttpCode(200)
  @ApiAnswer('WatcherResponse', { list: true, description: 'Who follows the case now' })
  watch(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string): Promise<Sent<WatcherResponse[]>> {
    return this.collaboration.watch(user, caseId);
  }

  /** Stops following the case (idempotent); answers its watchers. */
  @Authenticated({ permission: Permission.CasesRead })
  @Delete(':id/watch')
  @ApiAnswer('WatcherResponse', { list: true, description: 'Who follows the case now' })
  unwatch(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string): Promise<Sent<WatcherResponse[]>> {
    return this.collaboration.unwatch(user, caseId);
  }

  /** Cases the caller may see. Filters: status, regionCode, categoryCode, q (number, names, applicant, summary). */
  @Authenticated({ permission: Permission.CasesRead })
  @Get()
  @ApiQuery({ name: 'filter', required: false, example: '{"status":"archive_verification","q":"Жұмабаев","overdue":true,"assignedToMe":true}' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'sort', required: false, example: '["updatedAt","DESC"]' })
  @ApiAnswer('CaseListItem', { list: true })
  async list(@CurrentUser() user: SessionUser, @Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<Sent<CaseListItem[]>> {
    const list = parseListQuery(query, {
      sortable: ['number', 'status', 'createdAt', 'updatedAt'],
      defaultSort: 'updatedAt',
      defaultOrder: 'DESC',
      filters: ['status', 'regionCode', 'categoryCode', 'q', 'overdue', 'assignedToMe'],
    });
    const page = await this.cases.list(user, {
      sort: list.sortField,
      order: list.sortOrder,
      offset: list.offset,
      limit: list.limit,
      filter: {
        ids: list.ids,
        status: textFilter(list.filter, 'status'),
        regionCode: textFilter(list.filter, 'regionCode'),
        categoryCode: textFilter(list.filter, 'categoryCode'),
        q: textFilter(list.filter, 'q'),
        overdue: booleanFilter(list.filter, 'overdue'),
        assignedTo: booleanFilter(list.filter, 'assignedToMe') ? user.id : undefined,
      },
    });
    return listAnswer(response, 'cases', list, page);
  }

  /** Cases by status and region within the caller's scope (counts only): the dashboard's charts and map. */
  @Authenticated({ permission: Permission.CasesRead })
  @Get('stats')
  @ApiAnswer('CaseStatsRow', { list: true, description: 'Counts by status and region' })
  stats(@CurrentUser() user: SessionUser): Promise<Sent<CaseStatsRow[]>> {
    return this.cases.stats(user);
  }

  @Authenticated({ permission: Permission.CasesCreate })
  @Post()
  @ApiAnswer('CaseResponse', { status: HttpStatus.CREATED })
  create(@CurrentUser() user: SessionUser, @Body() body: CreateCaseDto): Promise<Sent<CaseResponse>> {
    return this.cases.create(user, body);
  }

  @Authenticated({ permission: Permission.CasesRead })
  @Get(':id')
  @ApiAnswer('CaseResponse')
  get(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string): Promise<Sent<CaseResponse>> {
    return this.cases.get(user, caseId);
  }

  @Authenticated({ permission: Permission.CasesUpdate })
  @Patch(':id')
  @ApiAnswer('CaseResponse')
  update(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string, @Body() body: UpdateCaseDto): Promise<Sent<CaseResponse>> {
    return this.cases.update(user, caseId, body);
  }

  @Authenticated({ permission: Permission.CasesUpdate })
  @Post(':id/subjects')
  @ApiAnswer('CaseResponse', { status: HttpStatus.CREATED })
  addSubject(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string, @Body() body: AddSubjectDto): Promise<Sent<CaseResponse>> {
    return this.cases.addSubject(user, caseId, body.version, body.subject);
  }

  @Authenticated({ permission: Permission.CasesRead })
  @Get(':id/timeline')
  @ApiAnswer('HistoryEntry', { list: true, description: 'The history, oldest first' })
  timeline(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string): Promise<Sent<HistoryEntry[]>> {
    return this.cases.timeline(user, caseId);
  }

  /** What this user may do with the case now, and for each step they may not take, why. */
  @Authenticated({ permission: Permission.CasesRead })
  @Get(':id/transitions')
  @ApiAnswer('TransitionsResponse')
  transitions(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string): Promise<Sent<TransitionsResponse>> {
    return this.workflow.available(user, caseId);
  }

  /** Moves the case: the only way its status changes. 409 with the reasons when a guard does not hold. */
  @Authenticated({ permission: Permission.CasesRead })
  @Post(':id/transitions/:name')
  @HttpCode(200)
  @ApiAnswer('CaseResponse')
  transition(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string, @Param('name') name: string, @Body() body: TransitionDto): Promise<Sent<CaseResponse>> {
    if (!transitionNames.includes(name)) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.must_be_one_of', { field: 'transition', values: transitionNames });
    return this.workflow.apply(user, caseId, name as CaseTransition, body);
  }

  @Authenticated({ permission: Permission.ArchiveRequestsCreate })
  @Post(':id/archive-requests')
  @ApiAnswer('ArchiveRequestResponse', { status: HttpStatus.CREATED })
  requestArchive(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string, @Body() body: CreateArchiveRequestDto): Promise<Sent<ArchiveRequestResponse>> {
    return this.archiveRequests.create(user, caseId, body);
  }

  @Authenticated({ permission: Permission.CasesRead })
  @Get(':id/conclusion')
  @ApiAnswer('ConclusionResponse')
  conclusion(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string): Promise<Sent<ConclusionResponse>> {
    return this.conclusions.get(user, caseId);
  }

  /** Drafts (or redrafts, voiding a signature) the working group's conclusion. */
  @Authenticated({ permission: Permission.ConclusionsDraft })
  @Post(':id/conclusion')
  @HttpCode(200)
  @ApiAnswer('ConclusionResponse')
  draftConclusion(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string, @Body() body: ConclusionDraftDto): Promise<Sent<ConclusionResponse>> {
    const { version, ...draft } = body;
    return this.conclusions.draft(user, caseId, draft, version);
  }

  /** The region's lead signs; not the author. */
  @Authenticated({ permission: Permission.ConclusionsSign })
  @Post(':id/conclusion/sign')
  @HttpCode(200)
  @ApiAnswer('ConclusionResponse')
  signConclusion(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string, @Body() body: VersionDto): Promise<Sent<ConclusionResponse>> {
    return this.conclusions.sign(user, caseId, body.version);
  }

  @Authenticated({ permission: Permission.CasesRead })
  @Get(':id/certificates')
  @ApiAnswer('CertificateResponse', { list: true, description: 'The certificates of the case' })
  certificatesOf(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string): Promise<Sent<CertificateResponse[]>> {
    return this.certificates.listForCase(user, caseId);
  }
}
