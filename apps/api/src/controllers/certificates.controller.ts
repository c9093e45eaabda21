import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import { CertificateService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiFileAnswer } from '../dtos/responses/api-answer.js';

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificateService) {}

  @Authenticated({ permission: Permission.CasesRead })
  @Get('certificates/:id/pdf')
  @ApiFileAnswer('application/pdf')
  async pdf(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const { number, pdf } = await this.certificates.pdf(user, id);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="${number}.pdf"`);
    return new StreamableFile(pdf);
  }
}
