import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PublicApplicationLanguage, PublicApplicationMailKind } from '@aqtalu/contracts';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { fillTemplate } from '../documents/html-text.js';
import { MailerService } from '../notifications/mailer.service.js';
import { applicantMailTexts } from './applicant-mail-texts.js';
import { publicApplicationsPath } from '../publication/public-site.js';

/** The e-mails to online applicants, sent by the worker through SMTP: at most once each, with the link to the status page. */
@Injectable()
export class ApplicantMailService {
  private readonly logger = new Logger(ApplicantMailService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
  ) {}

  /** The subject and text of one e-mail, in the applicant's language. */
  compose(kind: PublicApplicationMailKind, language: PublicApplicationLanguage, trackingCode: string): { subject: string; text: string } {
    const m = applicantMailTexts[language];
    const link = `${this.config.publicSite.url}${publicApplicationsPath}/${trackingCode}?lang=${language}`;
    const params = { code: trackingCode, link };
    const body = kind === 'received' ? m.mail_received : m.mail_documents_requested;
    return { subject: fillTemplate(kind === 'received' ? m.mail_received_subject : m.mail_documents_requested_subject, params), text: `${fillTemplate(body, params)}\n` };
  }

  /**
   * Sends one e-mail: only the run that marks it sent sends it (safe to run twice). Without SMTP it is marked and
   * logged, not sent: the applicant still has the tracking code on screen. Answers whether this run sent it.
   */
  async deliver(mailId: string): Promise<boolean> {
    if (!/^[0-9a-f-]{36}$/i.test(mailId)) return false;
    const [rows] = await this.dataSource.query(
      `UPDATE public_application_mails m SET sent_at = now() FROM public_applications a
       WHERE m.id = $1 AND m.sent_at IS NULL AND a.id = m.application_id
       RETURNING m.kind, a.tracking_code, a.applicant_email, a.language, a.case_id`,
      [mailId],
    );
    const mail = (rows as Array<{ kind: PublicApplicationMailKind; tracking_code: string; applicant_email: string; language: PublicApplicationLanguage; case_id: string }>)[0];
    if (!mail) return false;
    let sent = false;
    if (this.mailer.enabled) {
      try {
        sent = await this.mailer.send({ to: mail.applicant_email, ...this.compose(mail.kind, mail.language, mail.tracking_code) });
      } catch (error) {
        this.logger.error(`applicant mail ${mailId} not sent: ${(error as Error).message}`);
      }
    }
    // the address stays out of the audit entry (it is in the case file)
    await this.audit.record({ action: 'public_application.mail', outcome: sent ? 'allowed' : 'failed', entityType: 'case', entityId: mail.case_id, details: { kind: mail.kind, sent } });
    return sent;
  }
}
