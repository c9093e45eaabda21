import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseAction, ConclusionRecommendation, Permission, Role, type SessionUser } from '@aqtalu/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { sqlRows } from '../database/sql.js';
import { StaleVersionException } from '../database/stale-version.exception.js';
import { CodedException } from '../errors/coded.exception.js';
import { NotificationService } from '../notifications/notification.service.js';
import { CaseAccess } from './case-access.service.js';
import { CaseRules } from './case-rules.service.js';
import { CaseRepository } from './case.repository.js';
import { CaseService } from './case.service.js';

export interface ConclusionDraft {
  recommendation: ConclusionRecommendation;
  reasoning: string;
  legalArticleCode: string;
  /** "Pages 5–7 of this evidence prove …": only verified evidence of the same case. */
  citations?: ConclusionCitationInput[];
}

export interface ConclusionCitationInput {
  evidenceId: string;
  pageFrom: number;
  pageTo: number;
  statement: string;
}

export interface ConclusionCitationView extends ConclusionCitationInput {
  id: string;
  originalName: string;
  kind: string;
  verification: string;
}

export interface ConclusionView {
  id: string;
  caseId: string;
  authorId: string;
  authorName: string;
  recommendation: ConclusionRecommendation;
  reasoning: string;
  legalArticleCode: string;
  /** The criterion of the case's category, cited with the article. */
  criterionKk: string;
  criterionRu: string;
  citations: ConclusionCitationView[];
  signedBy: string | null;
  /** Who signed, by name: the screen says "signed by … on …". */
  signerName: string | null;
  signedAt: Date | null;
  signedCaseVersion: number | null;
  /** False when the case changed after signing: the signature is void. */
  signatureValid: boolean;
  version: number;
}

/** The working group's conclusion: drafted by a member, signed by another person, the region's lead. */
@Injectable()
export class ConclusionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly cases: CaseRepository,
    private readonly caseService: CaseService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly rules: CaseRules,
  ) {}

  async get(user: SessionUser, caseId: string): Promise<ConclusionView> {
    await this.access.require(user, caseId, Permission.CasesRead, undefined, 'case.read_conclusion');
    const view = await this.view(caseId);
    if (!view) throw new CodedException(HttpStatus.NOT_FOUND, 'conclusion.none');
    return view;
  }

  /** Writes or rewrites the draft; rewriting a signed conclusion removes the signature. */
  async draft(user: SessionUser, caseId: string, input: ConclusionDraft, version?: number): Promise<ConclusionView> {
    const caseRow = await this.access.require(user, caseId, Permission.ConclusionsDraft);
    await this.rules.assert(user, caseRow, CaseAction.DraftConclusion, this.dataSource.manager);
    const [article] = await this.dataSource.query(`SELECT code FROM legal_articles WHERE code = $1`, [input.legalArticleCode]);
    if (!article) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.unknown_code', { field: 'legalArticleCode', value: input.legalArticleCode });
    const existing = await this.view(caseId);
    await this.dataSource.transaction(async (manager) => {
      await this.rules.assert(user, await this.cases.lockCase(manager, caseId), CaseAction.DraftConclusion, manager);
      if (!existing) {
        await manager.query(
          `INSERT INTO conclusions (case_id, author_id, recommendation, reasoning, legal_article_code) VALUES ($1, $2, $3, $4, $5)`,
          [caseId, user.id, input.recommendation, input.reasoning.trim(), input.legalArticleCode],
        );
      } else {
        if (version === undefined) throw new CodedException(HttpStatus.BAD_REQUEST, 'conclusion.version_required');
        const rows = await sqlRows<{ id: string }>(
          manager,
          `UPDATE conclusions SET recommendation = $3, reasoning = $4, legal_article_code = $5, author_id = $6,
             signed_by = NULL, signed_at = NULL, signed_case_version = NULL, version = version + 1, updated_at = now()
           WHERE case_id = $1 AND version = $2 RETURNING id`,
          [caseId, version, input.recommendation, input.reasoning.trim(), input.legalArticleCode, user.id],
        );
        if (rows.length !== 1) throw new StaleVersionException({ entity: 'conclusion', currentVersion: existing.version });
      }
      await this.writeCitations(manager, caseId, input.citations ?? []);
      await this.caseService.event(manager, caseId, user.id, 'conclusion_drafted', { recommendation: input.recommendation });
      await this.audit.record({ action: 'conclusion.draft', entityType: 'case', entityId: caseId, before: existing ? { recommendation: existing.recommendation, signed: existing.signedAt !== null } : null, after: { recommendation: input.recommendation, legalArticleCode: input.legalArticleCode } }, manager);
      await this.notifications.notifyAudience(manager, { roles: [Role.WgLead], regionId: caseRow.regionId, except: user.id }, 'conclusion.awaits_signature', { caseId, caseNumber: caseRow.number });
    });
    return (await this.view(caseId))!;
  }

  /** The lead signs; the signature holds for the case's current version only. Four eyes: never the author. */
  async sign(user: SessionUser, caseId: string, version: number): Promise<ConclusionView> {
    const caseRow = await this.access.require(user, caseId, Permission.ConclusionsSign);
    // the table says whether signing is open (state, role, a drafted conclusion); four eyes is the access policy's
    await this.rules.assert(user, caseRow, CaseAction.SignConclusion, this.dataSource.manager);
    const existing = (await this.view(caseId))!;
    await this.access.check(user, Permission.ConclusionsSign, { type: 'conclusion', authorId: existing.authorId, case: await this.cases.facts(caseRow) }, 'conclusion', existing.id);
    await this.dataSource.transaction(async (manager) => {
      await this.rules.assert(user, await this.cases.lockCase(manager, caseId), CaseAction.SignConclusion, manager);
      // the cited files are locked until the signature commits: a recheck cannot un-verify one in between
      const cited: Array<{ name: string; verification: string }> = await manager.query(
        `SELECT e.original_name AS name, e.verification FROM conclusion_citations cc JOIN conclusions k ON k.id = cc.conclusion_id
         JOIN evidence e ON e.id = cc.evidence_id WHERE k.case_id = $1 ORDER BY cc.position FOR SHARE OF e`,
        [caseId],
      );
      const unverified = cited.filter((e) => e.verification !== 'verified');
      if (unverified.length) {
        throw new CodedException(HttpStatus.CONFLICT, 'conclusion.cites_unverified', { evidence: unverified.map((e) => `${e.name}: ${e.verification}`) });
      }
      const rows = await sqlRows<{ id: string }>(
        manager,
        `UPDATE conclusions SET signed_by = $3, signed_at = now(), signed_case_version = (SELECT content_version FROM cases WHERE id = $1),
           version = version + 1, updated_at = now()
         WHERE case_id = $1 AND version = $2 RETURNING id`,
        [caseId, version, user.id],
      );
      if (rows.length !== 1) throw new StaleVersionException({ entity: 'conclusion', currentVersion: existing.version });
      await this.caseService.event(manager, caseId, user.id, 'conclusion_signed', { caseContentVersion: caseRow.contentVersion });
      await this.audit.record({ action: 'conclusion.sign', entityType: 'case', entityId: caseId, details: { caseContentVersion: caseRow.contentVersion } }, manager);
    });
    return (await this.view(caseId))!;
  }

  async view(caseId: string): Promise<ConclusionView | null> {
    const rows: ConclusionView[] = await this.dataSource.query(
      `SELECT k.id, k.case_id AS "caseId", k.author_id AS "authorId", u.display_name AS "authorName", k.recommendation, k.reasoning,
              k.legal_article_code AS "legalArticleCode", vc.criterion_kk AS "criterionKk", vc.criterion_ru AS "criterionRu",
              k.signed_by AS "signedBy", s.display_name AS "signerName", k.signed_at AS "signedAt",
              k.signed_case_version AS "signedCaseVersion", (k.signed_case_version = c.content_version) IS TRUE AS "signatureValid", k.version
       FROM conclusions k JOIN cases c ON c.id = k.case_id JOIN users u ON u.id = k.author_id LEFT JOIN users s ON s.id = k.signed_by
       JOIN victim_categories vc ON vc.code = c.category_code WHERE k.case_id = $1`,
      [caseId],
    );
    const conclusion = rows[0];
    if (!conclusion) return null;
    conclusion.citations = await this.dataSource.query(
      `SELECT cc.id, cc.evidence_id AS "evidenceId", cc.page_from AS "pageFrom", cc.page_to AS "pageTo", cc.statement,
              e.original_name AS "originalName", e.kind, e.verification
       FROM conclusion_citations cc JOIN evidence e ON e.id = cc.evidence_id WHERE cc.conclusion_id = $1 ORDER BY cc.position`,
      [conclusion.id],
    );
    return conclusion;
  }

  /**
   * Replaces the conclusion's citations. Each must be verified evidence of this case, and its pages must
   * exist in the file when the checks counted them; the evidence rows are locked so a recheck cannot
   * unverify them between this check and the commit.
   */
  private async writeCitations(manager: EntityManager, caseId: string, citations: ConclusionCitationInput[]): Promise<void> {
    const ids = [...new Set(citations.map((c) => c.evidenceId))];
    const found: Array<{ id: string; name: string; verification: string; pages: number | null }> = ids.length
      ? await manager.query(
          `SELECT id, original_name AS name, verification, pages FROM evidence WHERE case_id = $1 AND id = ANY($2::uuid[]) FOR SHARE`,
          [caseId, ids],
        )
      : [];
    const byId = new Map(found.map((e) => [e.id, e]));
    for (const [index, citation] of citations.entries()) {
      const evidence = byId.get(citation.evidenceId);
      if (!evidence) throw new CodedException(HttpStatus.BAD_REQUEST, 'conclusion.citation_not_of_case', { index, evidenceId: citation.evidenceId });
      if (evidence.verification !== 'verified') {
        throw new CodedException(HttpStatus.CONFLICT, 'conclusion.citation_unverified', { index, name: evidence.name, verification: evidence.verification });
      }
      if (citation.pageTo < citation.pageFrom) throw new CodedException(HttpStatus.BAD_REQUEST, 'conclusion.citation_page_order', { index, pageFrom: citation.pageFrom, pageTo: citation.pageTo });
      if (evidence.pages !== null && citation.pageTo > evidence.pages) {
        throw new CodedException(HttpStatus.BAD_REQUEST, 'conclusion.citation_page_missing', { index, name: evidence.name, pages: evidence.pages, page: citation.pageTo });
      }
    }
    await manager.query(`DELETE FROM conclusion_citations WHERE conclusion_id = (SELECT id FROM conclusions WHERE case_id = $1)`, [caseId]);
    for (const [position, citation] of citations.entries()) {
      await manager.query(
        `INSERT INTO conclusion_citations (conclusion_id, evidence_id, page_from, page_to, statement, position)
         VALUES ((SELECT id FROM conclusions WHERE case_id = $1), $2, $3, $4, $5, $6)`,
        [caseId, citation.evidenceId, citation.pageFrom, citation.pageTo, citation.statement.trim(), position],
      );
    }
  }
}
