import { Body, Controller, HttpStatus, Param, Post, Query, Req, Res, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { contributionSubjects, type ContributionSubject } from '@aqtalu/contracts';
import { ContributionRefused, ContributionService, PublicationService, publicBookPath, type ContributionInput, RemoveUploadsInterceptor } from '@aqtalu/server';
import { checkPageLanguage } from '../views/language.js';
import { renderPublicMissingPage, renderPublicPersonPage, type ContributionFormState } from '../views/book.view.js';
import type { Request, Response } from 'express';
import { publicThrottler } from '../throttling.js';

/** Contributions per address and hour (the throttler's Redis storage); an e-mail address has its own daily limit. */
const contributionsPerHour = 10;
/** A visitor's scan: at most this large (the office's own uploads may be larger). */
const publicScanMaxBytes = 10 * 1024 * 1024;

const formFields = ['subject', 'value', 'date', 'place', 'details', 'source', 'name', 'email'] as const;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * "I know more about this person": the public form's POST (multipart, no JavaScript). A filled honeypot is
 * thanked and dropped; a bad form comes back with what was typed and why (400), the e-mail's daily limit 429.
 */
@Controller(publicBookPath)
export class ContributionsController {
  constructor(
    private readonly contributions: ContributionService,
    private readonly publication: PublicationService,
  ) {}

  @UseGuards(ThrottlerGuard)
  @Throttle({ [publicThrottler]: { limit: contributionsPerHour, ttl: 3_600_000 } })
  @Post(':id/contributions')
  @UseInterceptors(FileInterceptor('scan', { limits: { fileSize: publicScanMaxBytes, files: 1, fields: 20 } }), RemoveUploadsInterceptor)
  async submit(
    @Param('id') id: string,
    @Query('lang') lang: unknown,
    @Body() sent: Record<string, unknown> | undefined,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | void> {
    const language = checkPageLanguage(lang, request.headers['accept-language']);
    // a POST with no body or one of another type leaves no fields at all: the form comes back with what is missing
    const body = sent && typeof sent === 'object' ? sent : {};
    const thanks = `${publicBookPath}/${encodeURIComponent(id)}?lang=${language}&contributed=1`;
    if (typeof body.website === 'string' && body.website.trim()) return response.redirect(HttpStatus.SEE_OTHER, thanks);
    const values = Object.fromEntries(formFields.map((field) => [field, typeof body[field] === 'string' ? (body[field] as string).slice(0, 4000) : '']));
    const again = async (status: HttpStatus, error: ContributionFormState['error']) => {
      const person = await this.publication.readPublic(id, language);
      response.type('html');
      if (person === null || person === 'withdrawn') {
        response.status(person === null ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
        return renderPublicMissingPage(language, person === 'withdrawn');
      }
      response.status(status);
      return renderPublicPersonPage(language, person, { values, error });
    };
    if (!contributionSubjects.includes(values.subject as ContributionSubject) || !values.source!.trim() || !values.name!.trim() || !values.email!.trim()) {
      return again(HttpStatus.BAD_REQUEST, 'required');
    }
    if (!email.test(values.email!.trim()) || values.email!.length > 320) return again(HttpStatus.BAD_REQUEST, 'email');
    const input: ContributionInput = {
      subject: values.subject as ContributionSubject, value: values.value!.slice(0, 2000), date: values.date!.slice(0, 200), place: values.place!.slice(0, 2000),
      details: values.details, source: values.source!.slice(0, 2000), name: values.name!.slice(0, 300), email: values.email!, language,
    };
    try {
      await this.contributions.submit(id, input, file ?? null);
    } catch (error) {
      if (!(error instanceof ContributionRefused)) throw error;
      if (error.reason === 'too_many') return again(HttpStatus.TOO_MANY_REQUESTS, 'too_many');
      return again(HttpStatus.BAD_REQUEST, error.reason === 'scan_type' ? 'scan' : 'required');
    }
    return response.redirect(HttpStatus.SEE_OTHER, thanks);
  }
}
