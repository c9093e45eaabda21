import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import { AuditService, CommissionService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AgendaItemDto, AttendanceDto, CreateSessionDto, VoteDto } from '../dtos/case.dto.js';
import { listAnswer, type ListQueryParams, parseListQuery } from '../http/list-query.js';

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
  async list(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response) {
    const list = parseListQuery(query, { sortable: ['date'], defaultSort: 'date', defaultOrder: 'DESC', filters: [] });
    const page = await this.commission.list({ offset: list.offset, limit: list.limit, sort: list.sortField, order: list.sortOrder, ids: list.ids });
    return listAnswer(response, 'commission-sessions', list, page);
  }

  @Authenticated({ permission: Permission.CommissionManage })
  @Post()
  create(@CurrentUser() user: SessionUser, @Body() body: CreateSessionDto) {
    return this.commission.createSession(user, body);
  }

  @Authenticated({ permission: Permission.CommissionRead })
  @Get(':id')
  async get(@Param('id', id) sessionId: string) {
    const session = await this.commission.get(sessionId);
    await this.audit.record({ action: 'commission_session.read', entityType: 'commission_session', entityId: sessionId });
    return session;
  }

  /** The protocol (agenda, attendance, votes, decisions) as a PDF in Kazakh and Russian. */
  @Authenticated({ permission: Permission.CommissionRead })
  @Get(':id/protocol.pdf')
  async protocol(@Param('id', id) sessionId: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const { number, pdf } = await this.commission.protocol(sessionId);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="protocol-${number.replace(/[^0-9A-Za-z-]/g, '-')}.pdf"`);
    return new StreamableFile(pdf);
  }

  @Authenticated({ permission: Permission.CommissionManage })
  @Put(':id/attendance')
  attendance(@CurrentUser() user: SessionUser, @Param('id', id) sessionId: string, @Body() body: AttendanceDto) {
    return this.commission.setAttendance(user, sessionId, body.present);
  }

  @Authenticated({ permission: Permission.CommissionManage })
  @Post(':id/agenda')
  @HttpCode(200)
  addToAgenda(@CurrentUser() user: SessionUser, @Param('id', id) sessionId: string, @Body() body: AgendaItemDto) {
    return this.commission.addToAgenda(user, sessionId, body.caseId);
  }

  /** The cases awaiting the commission that may go on this agenda (signed conclusion, on no agenda yet), with the subjects' names. */
  @Authenticated({ permission: Permission.CommissionManage })
  @Get(':id/agenda/candidates')
  agendaCandidates(@CurrentUser() user: SessionUser, @Param('id', id) sessionId: string) {
    return this.commission.agendaCandidates(user, sessionId);
  }

  /** The signed-in member's vote on a case of the agenda. */
  @Authenticated({ permission: Permission.CommissionVote })
  @Post(':id/agenda/:caseId/vote')
  @HttpCode(200)
  vote(@CurrentUser() user: SessionUser, @Param('id', id) sessionId: string, @Param('caseId', id) caseId: string, @Body() body: VoteDto) {
    return this.commission.vote(user, sessionId, caseId, body.choice, body.dissentingOpinion);
  }
}
