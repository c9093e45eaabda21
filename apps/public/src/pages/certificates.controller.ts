import { Controller, Get, HttpStatus, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { CertificateService, CodedException, publicCertificatesPath, type CertificateVerification } from '@aqtalu/server';
import { renderCertificateCheckPage } from '../views/certificate.view.js';
import { checkPageLanguage } from '../views/language.js';
import type { Request, Response } from 'express';
import { publicThrottler } from '../throttling.js';

/**
 * Anyone can check a certificate's code: the answer shows only the name, the decision number and date and whether
 * it is valid or revoked. The certificate's QR code opens this address: a browser gets a page in Kazakh, Russian or
 * English, readable without JavaScript; other clients get JSON (`CertificateVerificationResponse`).
 */
@Controller(publicCertificatesPath)
export class CertificatesController {
  constructor(private readonly certificates: CertificateService) {}

  @UseGuards(ThrottlerGuard)
  @Throttle({ [publicThrottler]: { limit: 60, ttl: 60_000 } })
  @Get(':code')
  async verify(@Param('code') code: string, @Query('lang') lang: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<CertificateVerification | string> {
    const normalised = code.trim().toUpperCase();
    response.vary('Accept');
    // a browser lists text/html; a client that names neither (curl, an app) gets JSON
    if (request.accepts(['application/json', 'text/html']) !== 'text/html') return this.certificates.verify(normalised);
    const language = checkPageLanguage(lang, request.headers['accept-language']);
    response.type('html').setHeader('Content-Language', language);
    try {
      return renderCertificateCheckPage(language, normalised, await this.certificates.verify(normalised));
    } catch (error) {
      if (!(error instanceof CodedException) || error.code !== 'commission.certificate_unknown') throw error;
      response.status(HttpStatus.NOT_FOUND);
      return renderCertificateCheckPage(language, normalised, null);
    }
  }
}
