import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import { CodedException, EvidenceService, RemoveUploadsInterceptor } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ConfirmProposalDto, DecideProposalsDto, UploadEvidenceBodyDto, UploadEvidenceDto, VerifyEvidenceDto } from '../dtos/evidence.dto.js';
import { idFilter, listAnswer, type ListQuery, ListQueryError, listQueryError, type ListQueryParams, parseListQuery, readEach, textFilter } from '../http/list-query.js';
import { ApiAnswer, ApiFileAnswer, type Sent } from '../dtos/responses/api-answer.js';
import type { EvidenceCitationsResponse, EvidenceProposalResponse, EvidenceResponse } from '@aqtalu/contracts';

type EvidenceSort = 'createdAt' | 'kind' | 'originalName';
const evidenceList = { sortable: ['createdAt', 'kind', 'originalName'] as EvidenceSort[], defaultSort: 'createdAt' as const, defaultOrder: 'DESC' as const };

const id = new ParseUUIDPipe({ version: '4' });

@ApiTags('evidence')
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  /** Multipart upload (streamed to disk); the checks run in the background. 400 names a bad reference part or a content/type mismatch. */
  @Authenticated({ permission: Permission.EvidenceUpload })
  @Post('cases/:id/evidence')
  @UseInterceptors(FileInterceptor('file'), RemoveUploadsInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadEvidenceBodyDto })
  @ApiAnswer('EvidenceResponse', { status: HttpStatus.CREATED })
  upload(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string, @UploadedFile() file: Express.Multer.File | undefined, @Body() body: UploadEvidenceDto): Promise<Sent<EvidenceResponse>> {
    if (!file) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.required', { field: 'file' });
    return this.evidence.upload(user, caseId, file, body);
  }

  /** The case's evidence. Filters: q (full-text search of the extracted text), kind. */
  @Authenticated({ permission: Permission.EvidenceRead })
  @Get('cases/:id/evidence')
  @ApiQuery({ name: 'filter', required: false, example: '{"q":"тройка"}' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'sort', required: false, example: '["createdAt","DESC"]' })
  @ApiAnswer('EvidenceResponse', { list: true })
  async listOfCase(@CurrentUser() user: SessionUser, @Param('id', id) caseId: string, @Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<Sent<EvidenceResponse[]>> {
    const list = parseListQuery(query, { ...evidenceList, filters: ['q', 'kind'] });
    return listAnswer(response, 'evidence', list, await this.evidence.list(user, caseId, this.page(list)));
  }

  /**
   * Evidence as one list resource: `filter={"caseId":…}` (a case's evidence, with q and kind as above), or
   * `filter={"id":[…]}` (those files, each only if the caller may see it).
   */
  @Authenticated({ permission: Permission.EvidenceRead })
  @Get('evidence')
  @ApiQuery({ name: 'filter', required: true, example: '{"caseId":"6f1c…","kind":"investigation_file"}' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'sort', required: false, example: '["createdAt","DESC"]' })
  @ApiAnswer('EvidenceResponse', { list: true })
  async list(@CurrentUser() user: SessionUser, @Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<Sent<EvidenceResponse[]>> {
    const list = parseListQuery(query, { ...evidenceList, filters: ['caseId', 'q', 'kind'] });
    const caseId = idFilter(list.filter, 'caseId');
    if (caseId) return listAnswer(response, 'evidence', list, await this.evidence.list(user, caseId, this.page(list)));
    if (!list.ids) {
      throw listQueryError(ListQueryError.FilterValue, { filter: 'caseId', expected: 'uuid' });
    }
    const found = await readEach(list.ids, (evidenceId) => this.evidence.get(user, evidenceId));
    return listAnswer(response, 'evidence', list, found);
  }

  private page(list: ListQuery<EvidenceSort>) {
    return {
      sort: list.sortField,
      order: list.sortOrder,
      offset: list.offset,
      limit: list.limit,
      filter: { ids: list.ids, q: textFilter(list.filter, 'q'), kind: textFilter(list.filter, 'kind') },
    };
  }

  /** One evidence with the state and reason of each check. */
  @Authenticated({ permission: Permission.EvidenceRead })
  @Get('evidence/:id')
  @ApiAnswer('EvidenceResponse')
  get(@CurrentUser() user: SessionUser, @Param('id', id) evidenceId: string): Promise<Sent<EvidenceResponse>> {
    return this.evidence.get(user, evidenceId);
  }

  /** The file (audited). Quarantined: 403, except for an admin, who may download exactly the quarantined files. */
  @Authenticated()
  @Get('evidence/:id/download')
  @ApiFileAnswer('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')
  async download(@CurrentUser() user: SessionUser, @Param('id', id) evidenceId: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const { evidence, content } = await this.evidence.download(user, evidenceId);
    response.setHeader('Content-Type', evidence.declaredMime);
    response.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(evidence.originalName)}`);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content);
  }

  /** A working-group member other than the uploader verifies (after the checks pass) or rejects with a reason. */
  @Authenticated({ permission: Permission.EvidenceVerify })
  @Post('evidence/:id/verify')
  @HttpCode(200)
  @ApiAnswer('EvidenceResponse')
  verify(@CurrentUser() user: SessionUser, @Param('id', id) evidenceId: string, @Body() body: VerifyEvidenceDto): Promise<Sent<EvidenceResponse>> {
    return this.evidence.verify(user, evidenceId, body);
  }

  /**
   * An administrator releases a PDF held by the active-content check (JavaScript, launch actions, embedded
   * files, polyglots) after examining it; the held-back checks then run. Audited. 403 for anyone else,
   * 409 when nothing is held.
   */
  @Authenticated()
  @Post('evidence/:id/release')
  @HttpCode(200)
  @ApiAnswer('EvidenceResponse')
  release(@CurrentUser() user: SessionUser, @Param('id', id) evidenceId: string): Promise<Sent<EvidenceResponse>> {
    return this.evidence.release(user, evidenceId);
  }

  /** A PNG of the image or of the PDF's first page (made by the checks; none for quarantined files). */
  @Authenticated({ permission: Permission.EvidenceRead })
  @Get('evidence/:id/thumbnail')
  @ApiFileAnswer('image/png')
  async thumbnail(@CurrentUser() user: SessionUser, @Param('id', id) evidenceId: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const content = await this.evidence.thumbnail(user, evidenceId);
    response.setHeader('Content-Type', 'image/png');
    // every view is a read of the document: checked and audited each time, never served from a cache
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content);
  }

  /** References, dates and names found in the evidence's text, for a person to confirm or dismiss. */
  @Authenticated({ permission: Permission.EvidenceRead })
  @Get('evidence/:id/proposals')
  @ApiAnswer('EvidenceProposalResponse', { list: true, description: 'What the reading of the document proposes' })
  proposals(@CurrentUser() user: SessionUser, @Param('id', id) evidenceId: string): Promise<Sent<EvidenceProposalResponse[]>> {
    return this.evidence.proposals(user, evidenceId);
  }

  /** Confirms a proposal (a reference or date becomes the evidence's own when it has none; a name links a registry person). */
  @Authenticated({ permission: Permission.EvidenceVerify })
  @Post('evidence/:id/proposals/:proposalId/confirm')
  @HttpCode(200)
  @ApiAnswer('EvidenceProposalResponse')
  confirmProposal(@CurrentUser() user: SessionUser, @Param('id', id) evidenceId: string, @Param('proposalId', id) proposalId: string, @Body() body: ConfirmProposalDto): Promise<Sent<EvidenceProposalResponse>> {
    return this.evidence.decideProposal(user, evidenceId, proposalId, { confirm: true, personId: body.personId });
  }

  @Authenticated({ permission: Permission.EvidenceVerify })
  @Post('evidence/:id/proposals/:proposalId/dismiss')
  @HttpCode(200)
  @ApiAnswer('EvidenceProposalResponse')
  dismissProposal(@CurrentUser() user: SessionUser, @Param('id', id) evidenceId: string, @Param('proposalId', id) proposalId: string): Promise<Sent<EvidenceProposalResponse>> {
    return this.evidence.decideProposal(user, evidenceId, proposalId, { confirm: false });
  }

  /** Confirms or dismisses several proposals at once, all or none (each audited); answers the evidence's proposals. */
  @Authenticated({ permission: Permission.EvidenceVerify })
  @Post('evidence/:id/proposals/decide')
  @HttpCode(200)
  @ApiAnswer('EvidenceProposalResponse', { list: true, description: 'The evidence proposals after the decisions' })
  decideProposals(@CurrentUser() user: SessionUser, @Param('id', id) evidenceId: string, @Body() body: DecideProposalsDto) {
    return this.evidence.decideProposals(user, evidenceId, body);
  }

  /** What cites this evidence, page by page: conclusions' statements and registry facts. */
  @Authenticated({ permission: Permission.EvidenceRead })
  @Get('evidence/:id/citations')
  @ApiAnswer('EvidenceCitationsResponse')
  citations(@CurrentUser() user: SessionUser, @Param('id', id) evidenceId: string): Promise<Sent<EvidenceCitationsResponse>> {
    return this.evidence.citations(user, evidenceId);
  }

  /** Runs every check again. */
  @Authenticated({ permission: Permission.EvidenceUpload })
  @Post('evidence/:id/recheck')
  @HttpCode(200)
  @ApiAnswer('EvidenceResponse')
  recheck(@CurrentUser() user: SessionUser, @Param('id', id) evidenceId: string): Promise<Sent<EvidenceResponse>> {
    return this.evidence.recheck(user, evidenceId);
  }
}
