import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { UseGuards } from '@nestjs/common';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import { CertificateService, type CertificateVerification } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated, Public } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificateService) {}

  /** Anyone can check a certificate's code: the answer shows only the name, the decision number and date. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ auth: {} })
  @Get('public/certificates/:code')
  verify(@Param('code') code: string): Promise<CertificateVerification> {
    return this.certificates.verify(code.trim().toUpperCase());
  }

  @Authenticated({ permission: Permission.CasesRead })
  @Get('certificates/:id/pdf')
  async pdf(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const { number, pdf } = await this.certificates.pdf(user, id);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="${number}.pdf"`);
    return new StreamableFile(pdf);
  }
}
