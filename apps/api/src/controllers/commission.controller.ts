import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import { AuditService, CommissionService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AgendaItemDto, AttendanceDto, CreateSessionDto, VoteDto } from '../dtos/case.dto.js';
import { listAnswer, type ListQueryParams, parseListQuery } from '../http/list-query.js';
import { ApiAnswer, ApiFileAnswer, type Sent } from '../dtos/responses/api-answer.js';
import type { AgendaCandidateResponse, CommissionSessionListItem, CommissionSessionResponse } from '@aqtalu/contracts';

const id = new ParseUUIDPipe({ version: '4' });

@ApiTags('commission')
@Controller('commission/sessions')
export class CommissionController {
  constructor(
    private readonly commission: CommissionService,
    private readonly audit: AuditService,
  ) {}

  @Authenticated({ permission: Permission.CommissionRead })
  @Get()
  @ApiAnswer('CommissionSessionListItem', { list: true })
  async list(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<Sent<CommissionSessionListItem[]>> {
    const list = parseListQuery(query, { sortable: ['date'], defaultSort: 'date', defaultOrder: 'DESC', filters: [] });
    const page = await this.commission.list({ offset: list.offset, limit: list.limit, sort: list.sortField, order: list.sortOrder, ids: list.ids });
    return listAnswer(response, 'commission-sessions', list, page);
  }

  @Authenticated({ permission: Permission.CommissionManage })
  @Post()
  @ApiAnswer('CommissionSessionResponse', { status: HttpStatus.CREATED })
  create(@CurrentUser() user: SessionUser, @Body() body: CreateSessionDto): Promise<Sent<CommissionSessionResponse>> {
    return this.commission.createSession(user, body);
  }

  @Authenticated({ permission: Permission.CommissionRead })
  @Get(':id')
  @ApiAnswer('CommissionSessionResponse')
  async get(@Param('id', id) sessionId: string): Promise<Sent<CommissionSessionResponse>> {
    const session = await this.commission.get(sessionId);
    await this.audit.record({ action: 'commission_session.read', entityType: 'commission_session', entityId: sessionId });
    return session;
  }

  /** The protocol (agenda, attendance, votes, decisions) as a PDF in Kazakh and Russian. */
  @Authenticated({ permission: Permission.CommissionRead })
  @Get(':id/protocol.pdf')
  @ApiFileAnswer('application/pdf')
  async protocol(@Param('id', id) sessionId: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const { number, pdf } = await this.commission.protocol(sessionId);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="protocol-${number.replace(/[^0-9A-Za-z-]/g, '-')}.pdf"`);
    return new StreamableFile(pdf);
  }

  @Authenticated({ permission: Permission.CommissionManage })
  @Put(':id/attendance')
  @ApiAnswer('CommissionSessionResponse')
  attendance(@CurrentUser() user: SessionUser, @Param('id', id) sessionId: string, @Body() body: AttendanceDto): Promise<Sent<CommissionSessionResponse>> {
    return this.commission.setAttendance(user, sessionId, body.present);
  }

  @Authenticated({ permission: Permission.CommissionManage })
  @Post(':id/agenda')
  @HttpCode(200)
  @ApiAnswer('CommissionSessionResponse')
  addToAgenda(@CurrentUser() user: SessionUser, @Param('id', id) sessionId: string, @Body() body: AgendaItemDto): Promise<Sent<CommissionSessionResponse>> {
    return this.commission.addToAgenda(user, sessionId, body.caseId);
  }

  /** The cases awaiting the commission that may go on this agenda (signed conclusion, on no agenda yet), with the subjects' names. */
  @Authenticated({ permission: Permission.CommissionManage })
  @Get(':id/agenda/candidates')
  @ApiAnswer('AgendaCandidateResponse', { list: true, description: 'Cases that may go on the agenda (at most 200)' })
  agendaCandidates(@CurrentUser() user: SessionUser, @Param('id', id) sessionId: string): Promise<Sent<AgendaCandidateResponse[]>> {
    return this.commission.agendaCandidates(user, sessionId);
  }

  /** The signed-in member's vote on a case of the agenda. */
  @Authenticated({ permission: Permission.CommissionVote })
  @Post(':id/agenda/:caseId/vote')
  @HttpCode(200)
  @ApiAnswer('CommissionSessionResponse', { description: 'The session with the vote counted' })
  vote(@CurrentUser() user: SessionUser, @Param('id', id) sessionId: string, @Param('caseId', id) caseId: string, @Body() body: VoteDto): Promise<Sent<CommissionSessionResponse>> {
    return this.commission.vote(user, sessionId, caseId, body.choice, body.dissentingOpinion);
  }
}
