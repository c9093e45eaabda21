import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import {
  OpenDataService, PublicationService, type PublicationView, type OpenDataBuild,
} from '@aqtalu/server';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { PublishPersonDto, RegionalBookDto, WithdrawPublicationDto } from '../dtos/publication.dto.js';

/** The editors' side of the Book of Memory: publish a registry person (which fields, on what basis), withdraw at once. */
@ApiTags('publication')
@Controller('publication/persons')
export class PublicationController {
  constructor(private readonly publication: PublicationService) {}

  @Authenticated({ permission: Permission.PublicationManage })
  @Get(':id')
  @ApiExcludeEndpoint()
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PublicationView> {
    return this.publication.get(id);
  }

  /** Publishes (or republishes after a withdrawal) with the fields chosen. Audited. */
  @Authenticated({ permission: Permission.PublicationManage })
  @Put(':id')
  @ApiExcludeEndpoint()
  publish(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: PublishPersonDto): Promise<PublicationView> {
    return this.publication.publish(user, id, body);
  }

  /** Withdrawal on request: the public page answers 410 at once. Audited with its reason. */
  @Authenticated({ permission: Permission.PublicationManage })
  @Post(':id/withdrawal')
  @HttpCode(HttpStatus.OK)
  @ApiExcludeEndpoint()
  withdraw(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: WithdrawPublicationDto): Promise<PublicationView> {
    return this.publication.withdraw(user, id, body.reason);
  }
}

/** The editors' side of the open data: a build now, a region's PDF book. */
@ApiTags('publication')
@Controller('publication')
export class PublicationOpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  /** Builds the open-data dump now instead of waiting for the night (after a withdrawal, say). Audited. */
  @Authenticated({ permission: Permission.PublicationManage })
  @Post('open-data')
  @HttpCode(HttpStatus.OK)
  @ApiExcludeEndpoint()
  buildOpenData(): Promise<OpenDataBuild> {
    return this.openData.buildAudited();
  }

  /** Asks the worker for a region's Book of Memory in PDF (kk or ru), served by the public site at /open-data/<file> once rendered. Audited. */
  @Authenticated({ permission: Permission.PublicationManage })
  @Post('regional-books')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiExcludeEndpoint()
  requestRegionalBook(@Body() body: RegionalBookDto): Promise<{ file: string }> {
    return this.openData.requestRegionalBook(body.regionCode, body.language);
  }
}
