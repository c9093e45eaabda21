import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CodedException } from '../errors/coded.exception.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CaseAccess } from '../cases/case-access.service.js';
import { renderCertificate } from '../documents/index.js';
import { publicCertificatesPath } from '../publication/public-site.js';

export const commissionName = {
  kk: 'Саяси қуғын-сүргін құрбандарын толық ақтау жөніндегі мемлекеттік комиссия',
  ru: 'Государственная комиссия по полной реабилитации жертв политических репрессий',
};

/** Public answer of a certificate check: the name, the decision's number and date, its validity, nothing more. */
export interface CertificateVerification {
  /** Issued and not revoked. */
  valid: boolean;
  /** The commission decided the case again later (after a reopening): this certificate no longer holds. */
  revoked: boolean;
  certificateNumber: string;
  personNameKk: string | null;
  personNameRu: string | null;
  decisionNumber: string;
  /** The day of the decision in Kazakhstan, `YYYY-MM-DD`. */
  decisionDate: string;
}

@Injectable()
export class CertificateService {
  private readonly logger = new Logger(CertificateService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Renders the case's certificates that have no PDF yet. Safe to run twice: rendered ones are skipped. */
  async renderPending(caseId: string): Promise<number> {
    const pending: Array<{
      id: string; number: string; code: string; name_kk: string | null; name_ru: string | null; birth_year: string | null;
      decision_number: string; decision_date: string; legal_kk: string; legal_ru: string;
    }> = await this.dataSource.query(
      `SELECT ce.id, ce.number, ce.verification_code AS code, p.name_kk, p.name_ru, p.birth_year,
              d.number AS decision_number, to_char(d.decided_at, 'YYYY-MM-DD') AS decision_date,
              coalesce(la.name_kk, '') AS legal_kk, coalesce(la.name_ru, '') AS legal_ru
       FROM certificates ce JOIN persons p ON p.id = ce.person_id JOIN decisions d ON d.id = ce.decision_id
       LEFT JOIN conclusions k ON k.case_id = ce.case_id LEFT JOIN legal_articles la ON la.code = k.legal_article_code
       WHERE ce.case_id = $1 AND ce.rendered_at IS NULL`,
      [caseId],
    );
    for (const certificate of pending) {
      const pdf = await renderCertificate({
        certificateNumber: certificate.number,
        verificationCode: certificate.code,
        verificationUrl: `${this.config.publicSite.url}${publicCertificatesPath}/${certificate.code}`,
        person: { fullNameKk: certificate.name_kk ?? certificate.name_ru ?? '', fullNameRu: certificate.name_ru ?? certificate.name_kk ?? '', birthYear: certificate.birth_year },
        decision: { number: certificate.decision_number, date: certificate.decision_date, legalBasisKk: certificate.legal_kk, legalBasisRu: certificate.legal_ru },
        commissionNameKk: commissionName.kk,
        commissionNameRu: commissionName.ru,
        issuedAt: new Date().toISOString(),
      });
      await this.dataSource.query(`UPDATE certificates SET pdf = $2, rendered_at = now() WHERE id = $1 AND rendered_at IS NULL`, [certificate.id, pdf]);
      this.logger.log(`certificate ${certificate.number} rendered`);
    }
    return pending.length;
  }

  async verify(code: string): Promise<CertificateVerification> {
    const rows: Array<{ number: string; name_kk: string | null; name_ru: string | null; decision_number: string; decision_date: string; revoked: boolean }> =
      /^[A-Z0-9]{6,32}$/.test(code)
        ? await this.dataSource.query(
            `SELECT ce.number, p.name_kk, p.name_ru, d.number AS decision_number, to_char(d.decided_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD') AS decision_date,
                    EXISTS (SELECT 1 FROM decisions later WHERE later.case_id = d.case_id AND later.decided_at > d.decided_at) AS revoked
             FROM certificates ce JOIN persons p ON p.id = ce.person_id JOIN decisions d ON d.id = ce.decision_id
             WHERE ce.verification_code = $1 AND ce.rendered_at IS NOT NULL`,
            [code],
          )
        : [];
    await this.audit.record({ action: 'certificate.verify', outcome: rows[0] ? 'allowed' : 'failed', entityType: 'certificate', entityId: null, details: { code } });
    const row = rows[0];
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'commission.certificate_unknown', { code });
    return {
      valid: !row.revoked,
      revoked: row.revoked,
      certificateNumber: row.number,
      personNameKk: row.name_kk,
      personNameRu: row.name_ru,
      decisionNumber: row.decision_number,
      decisionDate: row.decision_date,
    };
  }

  async listForCase(user: SessionUser, caseId: string) {
    await this.access.require(user, caseId, Permission.CasesRead, undefined, 'case.read_certificates');
    return this.dataSource.query(
      `SELECT ce.id, ce.number, ce.verification_code AS "verificationCode", ce.person_id AS "personId", p.name_kk AS "nameKk", p.name_ru AS "nameRu",
              ce.rendered_at AS "renderedAt" FROM certificates ce JOIN persons p ON p.id = ce.person_id WHERE ce.case_id = $1 ORDER BY ce.number`,
      [caseId],
    );
  }

  async pdf(user: SessionUser, certificateId: string): Promise<{ number: string; pdf: Buffer }> {
    const [row] = /^[0-9a-f-]{36}$/i.test(certificateId)
      ? await this.dataSource.query(`SELECT case_id, number, pdf FROM certificates WHERE id = $1 AND pdf IS NOT NULL`, [certificateId])
      : [];
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'certificate', id: certificateId });
    await this.access.require(user, row.case_id, Permission.CasesRead);
    await this.audit.record({ action: 'certificate.download', entityType: 'certificate', entityId: certificateId });
    return { number: row.number, pdf: row.pdf };
  }
}
