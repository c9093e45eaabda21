import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { contributionStatuses, Permission, type ContributionResponse, type SessionUser } from '@aqtalu/contracts';
import { ContributionService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AcceptContributionDto, RejectContributionDto } from '../dtos/contribution.dto.js';
import { idFilter, listAnswer, oneOfFilter, parseListQuery, type ListQueryParams } from '../http/list-query.js';

/** The moderation queue of the back office: read, open the checked scan, accept into a fact, or reject with a reason code. */
@ApiTags('contributions')
@Controller('contributions')
export class ContributionsController {
  constructor(private readonly contributions: ContributionService) {}

  /** react-admin's list: filters status, personId, id. */
  @Authenticated({ permission: Permission.PublicationManage })
  @Get()
  @ApiExcludeEndpoint()
  async list(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<ContributionResponse[]> {
    const list = parseListQuery(query, { sortable: ['createdAt', 'status', 'subject'], defaultSort: 'createdAt', defaultOrder: 'ASC', filters: ['status', 'personId'] });
    const page = await this.contributions.list({
      offset: list.offset, limit: list.limit, sort: list.sortField, order: list.sortOrder, ids: list.ids,
      status: oneOfFilter(list.filter, 'status', contributionStatuses), personId: idFilter(list.filter, 'personId'),
    });
    return listAnswer(response, 'contributions', list, page);
  }

  @Authenticated({ permission: Permission.PublicationManage })
  @Get(':id')
  @ApiExcludeEndpoint()
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ContributionResponse> {
    return this.contributions.get(id);
  }

  /** The scan once its checks passed (409 before, or when quarantined). */
  @Authenticated({ permission: Permission.PublicationManage })
  @Get(':id/scan')
  @ApiExcludeEndpoint()
  async scan(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const scan = await this.contributions.openScan(id);
    response.setHeader('Content-Type', scan.mime);
    response.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(scan.name)}`);
    return new StreamableFile(scan.stream, { length: scan.size });
  }

  /** Accepts into a person fact citing the contribution; the contributor is told. Audited. */
  @Authenticated({ permission: Permission.PublicationManage })
  @Post(':id/acceptance')
  @HttpCode(HttpStatus.OK)
  @ApiExcludeEndpoint()
  accept(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: AcceptContributionDto): Promise<ContributionResponse> {
    return this.contributions.accept(user, id, body);
  }

  /** Rejects with a reason code, which the contributor is e-mailed in their language. Audited. */
  @Authenticated({ permission: Permission.PublicationManage })
  @Post(':id/rejection')
  @HttpCode(HttpStatus.OK)
  @ApiExcludeEndpoint()
  reject(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: RejectContributionDto): Promise<ContributionResponse> {
    return this.contributions.reject(user, id, body.reason);
  }
}
