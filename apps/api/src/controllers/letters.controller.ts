import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission, type LetterResponse, type LetterTemplateResponse, type SessionPrintBatchResponse, type SessionUser } from '@aqtalu/contracts';
import { CorrespondenceService, SessionBatchService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CreateLetterDto, LetterDeliveryDto, RegisterIncomingLetterDto, UpdateLetterTemplateDto } from '../dtos/letters.dto.js';
import { ApiAnswer, ApiFileAnswer } from '../dtos/responses/api-answer.js';

const sessionId = new ParseUUIDPipe({ version: '4' });

@ApiTags('letters')
@Controller()
export class LettersController {
  constructor(
    private readonly correspondence: CorrespondenceService,
    private readonly batches: SessionBatchService,
  ) {}

  /** The letter templates (kind × kk|ru), subject and body with {placeholders}. */
  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('letter-templates')
  @ApiAnswer('LetterTemplateResponse', { list: true, description: 'Every template' })
  templates(): Promise<LetterTemplateResponse[]> {
    return this.correspondence.templates();
  }

  /** An administrator changes a template's subject and/or body; audited as letter.template_update. */
  @Authenticated({ permission: Permission.ReferenceManage })
  @Patch('letter-templates/:kind/:language')
  @ApiAnswer('LetterTemplateResponse')
  updateTemplate(@CurrentUser() user: SessionUser, @Param('kind') kind: string, @Param('language') language: string, @Body() body: UpdateLetterTemplateDto): Promise<LetterTemplateResponse> {
    return this.correspondence.updateTemplate(user, kind, language, body);
  }

  /** The case's letters, outgoing and incoming. */
  @Authenticated({ permission: Permission.CasesRead })
  @Get('cases/:id/letters')
  @ApiAnswer('LetterResponse', { list: true, description: 'Every letter of the case, oldest first' })
  list(@CurrentUser() user: SessionUser, @Param('id') caseId: string): Promise<LetterResponse[]> {
    return this.correspondence.listForCase(user, caseId);
  }

  /** An outgoing letter from its template, numbered per year and kind; the worker renders its PDF and e-mails it when there is an address. */
  @Authenticated({ permission: Permission.CasesUpdate })
  @Post('cases/:id/letters')
  @ApiAnswer('LetterResponse', { status: HttpStatus.CREATED })
  create(@CurrentUser() user: SessionUser, @Param('id') caseId: string, @Body() body: CreateLetterDto): Promise<LetterResponse> {
    return this.correspondence.create(user, caseId, body);
  }

  /** Registers an incoming letter, with its scan (evidence of the case) when given. */
  @Authenticated({ permission: Permission.CasesUpdate })
  @Post('cases/:id/incoming-letters')
  @ApiAnswer('LetterResponse', { status: HttpStatus.CREATED })
  registerIncoming(@CurrentUser() user: SessionUser, @Param('id') caseId: string, @Body() body: RegisterIncomingLetterDto): Promise<LetterResponse> {
    return this.correspondence.registerIncoming(user, caseId, body);
  }

  /** Records that an outgoing letter was printed, handed over or sent outside the system; audited as letter.delivery. */
  @Authenticated({ permission: Permission.CasesUpdate })
  @Patch('letters/:id/delivery')
  @ApiAnswer('LetterResponse')
  delivery(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: LetterDeliveryDto): Promise<LetterResponse> {
    return this.correspondence.markDelivery(user, id, body.status);
  }

  /** The outgoing letter's PDF (409 letter.not_rendered while the worker renders it). */
  @Authenticated({ permission: Permission.CasesRead })
  @Get('letters/:id/pdf')
  @ApiFileAnswer('application/pdf')
  async pdf(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const { number, pdf } = await this.correspondence.pdf(user, id);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(number)}.pdf`);
    return new StreamableFile(pdf);
  }

  /** Batch printing: the worker merges every certificate and decision letter of the session into one PDF; audited with their number. */
  @Authenticated({ permission: Permission.CommissionManage })
  @Post('commission/sessions/:id/batch-print')
  @ApiAnswer('SessionPrintBatchResponse', { status: HttpStatus.CREATED })
  batchPrint(@CurrentUser() user: SessionUser, @Param('id', sessionId) id: string): Promise<SessionPrintBatchResponse> {
    return this.batches.request(user, id);
  }

  /** The session's latest batch print (rendering or ready). */
  @Authenticated({ permission: Permission.CommissionRead })
  @Get('commission/sessions/:id/batch-print')
  @ApiAnswer('SessionPrintBatchResponse')
  batch(@Param('id', sessionId) id: string): Promise<SessionPrintBatchResponse> {
    return this.batches.latest(id);
  }

  /** The latest batch print's PDF (409 letter.batch_not_ready while the worker merges it); audited. */
  @Authenticated({ permission: Permission.CommissionRead })
  @Get('commission/sessions/:id/batch-print.pdf')
  @ApiFileAnswer('application/pdf')
  async batchPdf(@Param('id', sessionId) id: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const { sessionNumber, pdf } = await this.batches.pdf(id);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`session-${sessionNumber}`)}.pdf`);
    return new StreamableFile(pdf);
  }
}
