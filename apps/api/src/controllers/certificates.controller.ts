import { Controller, Get, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { UseGuards } from '@nestjs/common';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import { CertificateService, checkPageLanguage, CodedException, renderCertificateCheckPage, type CertificateVerification } from '@aqtalu/server';
import type { Request, Response } from 'express';
import { Authenticated, Public } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiAnswer, ApiFileAnswer } from '../dtos/responses/api-answer.js';

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificateService) {}

  /**
   * Anyone can check a certificate's code: the answer shows only the name, the decision number and date and
   * whether it is valid or revoked. The certificate's QR code opens this address: a browser (Accept: text/html)
   * gets a page in Kazakh, Russian or English (`?lang=kk|ru|en`, else its Accept-Language), readable without
   * JavaScript; other clients get JSON.
   */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ auth: {} })
  @Get('public/certificates/:code')
  @ApiAnswer('CertificateVerificationResponse', { description: 'JSON; a browser asking for text/html gets the check page' })
  async verify(
    @Param('code') code: string,
    @Query('lang') lang: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CertificateVerification | string> {
    const normalised = code.trim().toUpperCase();
    response.vary('Accept');
    if (request.accepts(['application/json', 'text/html']) !== 'text/html') return this.certificates.verify(normalised);
    const language = checkPageLanguage(lang, request.headers['accept-language']);
    response.type('html');
    response.setHeader('Content-Language', language);
    try {
      return renderCertificateCheckPage(language, normalised, await this.certificates.verify(normalised));
    } catch (error) {
      if (!(error instanceof CodedException) || error.code !== 'commission.certificate_unknown') throw error;
      response.status(404);
      return renderCertificateCheckPage(language, normalised, null);
    }
  }

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
