import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApplicantKind, CaseStatus, CaseTransition, EvidenceKind, personalDataConsentVersion, PublicApplicationMailKind, Role,
  type PublicApplicationLanguage, type SessionUser,
} from '@aqtalu/contracts';
import { addBusinessDays, formatCalendarDate } from '@aqtalu/domain';
import { createHash, randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ArchiveRequestService } from '../cases/archive-request.service.js';
import { CaseWorkflowService } from '../cases/case-workflow.service.js';
import { actorOf } from '../cases/case-scope.js';
import { CaseService } from '../cases/case.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CodedException } from '../errors/coded.exception.js';
import { mimeOfUpload, sniffFile } from '../evidence/evidence-files.js';
import { EvidenceService, type UploadedFileOnDisk } from '../evidence/evidence.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { enqueueApplicantMail } from './applicant-mails.js';
import { publishedPersonCondition } from '../publication/publication.service.js';
import { publicApplicationsPath } from '../publication/public-site.js';
import { RedisThrottlerStorage } from '../queue/redis-throttler.storage.js';
import { requestContext } from '../request-context/request-context.js';

/** The account the online door acts as (created disabled by the PublicApplications migration). */
export const onlineApplicationsEmail = 'online-applications@aqtalu.invalid';

/**
 * The general term of an administrative procedure (Administrative Procedural Code of the Republic of Kazakhstan):
 * an application is answered within 15 working days of its (re)submission; the calendar's holidays are counted.
 */
export const applicationAnswerWorkingDays = 15;

/** At most this many documents per upload, each within the API's upload limit. */
export const maxApplicationFiles = 3;

/** Applications per e-mail address and hour (the address is throttled per minute by the route). */
const applicationsPerEmailPerHour = 5;

const trackingAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface ApplicationInput {
  applicantKind: string;
  applicantName: string;
  email: string;
  phone?: string;
  kinship?: string;
  kinshipProof?: string;
  consent: boolean;
  consentVersion?: string;
  personId?: string;
  personName?: string;
  personBirthYear?: string;
  regionCode: string;
  categoryCode: string;
  language: PublicApplicationLanguage;
  /** The honeypot: people leave it empty (it is hidden); robots fill it. */
  website?: string;
}

/** What the status page shows: no name, no contact, nothing the case file holds beyond its stage. */
export interface ApplicationStatus {
  trackingCode: string;
  caseNumber: string;
  status: CaseStatus;
  submittedOn: string;
  /** The legal deadline of the answer (working days from the last submission). */
  answerDueOn: string;
  /** What the secretary asked for, while the application awaits documents. */
  request: string | null;
  documentsSent: number;
}

export interface FormOptions {
  regions: Array<{ code: string; name: string }>;
  categories: Array<{ code: string; name: string }>;
}

/**
 * Online applications: a relative or an organisation applies through the public door. The application opens a case
 * through the back office's own services (case creation, the workflow's submit, the evidence pipeline with its checks
 * and quarantine), acting as the disabled online-applications account; the applicant follows it by a tracking code
 * and answers a request for documents. Everything is audited.
 */
@Injectable()
export class PublicApplicationService {
  private door: SessionUser | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CaseService,
    private readonly workflow: CaseWorkflowService,
    private readonly evidence: EvidenceService,
    private readonly archiveRequests: ArchiveRequestService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly throttle: RedisThrottlerStorage,
  ) {}

  /** The regions and victim categories to choose from, named in the page's language. */
  async formOptions(language: PublicApplicationLanguage): Promise<FormOptions> {
    const name = `name_${language}`;
    const regions = await this.dataSource.query(`SELECT code, ${name} AS name FROM regions ORDER BY ${name}`);
    const categories = await this.dataSource.query(`SELECT code, ${name} AS name FROM victim_categories ORDER BY ${name}`);
    return { regions, categories };
  }

  /** Checks, applies and answers the tracking code; the case arrives submitted in the intake queue. */
  async submit(input: ApplicationInput, files: UploadedFileOnDisk[]): Promise<{ trackingCode: string; caseId: string }> {
    const door = await this.actAsDoor();
    try {
      await this.validate(input, files);
    } catch (error) {
      if (error instanceof CodedException) {
        await this.audit.record({ action: 'public_application.refused', outcome: 'denied', details: { code: error.code, params: error.params } });
      }
      throw error;
    }
    const email = input.email.trim().toLowerCase();
    const created = await this.cases.create(door, {
      regionCode: input.regionCode,
      categoryCode: input.categoryCode,
      summary: '',
      applicant: {
        kind: input.applicantKind as ApplicantKind,
        name: input.applicantName.trim(),
        kinship: input.kinship?.trim() || undefined,
        kinshipProof: input.kinshipProof?.trim() || undefined,
        email,
        phone: input.phone?.trim() || undefined,
      },
      subjects: [
        input.personId
          ? { personId: input.personId }
          : {
              [input.language === 'ru' ? 'nameRu' : 'nameKk']: input.personName!.trim(),
              birthYear: input.personBirthYear?.trim() || undefined,
            },
      ],
    });
    for (const file of files) await this.evidence.upload(door, created.id, file, { kind: EvidenceKind.Other });
    await this.workflow.apply(door, created.id, CaseTransition.Submit, { version: await this.versionOf(created.id) });

    const trackingCode = await this.dataSource.transaction(async (manager) => {
      const code = newTrackingCode();
      const [application] = await manager.query(
        `INSERT INTO public_applications (tracking_code, case_id, applicant_email, language, consent_version, consented_at, submitted_on)
         VALUES ($1, $2, $3, $4, $5, now(), $6) RETURNING id`,
        [code, created.id, email, input.language, input.consentVersion, formatCalendarDate(new Date())],
      );
      await enqueueApplicantMail(manager, this.outbox, application.id, PublicApplicationMailKind.Received);
      await this.audit.record(
        {
          action: 'public_application.submit', entityType: 'case', entityId: created.id,
          details: { caseNumber: created.number, consentVersion: input.consentVersion, files: files.length, applicantKind: input.applicantKind, existingPerson: Boolean(input.personId), language: input.language },
        },
        manager,
      );
      return code;
    });
    return { trackingCode, caseId: created.id };
  }

  /** The application's stage in plain terms; null when there is no such tracking code. Each read is audited. */
  async status(trackingCode: string): Promise<ApplicationStatus | null> {
    const code = normaliseTrackingCode(trackingCode);
    if (!code) return null;
    const [row] = await this.dataSource.query(
      `SELECT a.tracking_code, a.case_id, to_char(a.submitted_on, 'YYYY-MM-DD') AS submitted_on, c.number, c.status,
              (SELECT to_char(max(e.occurred_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM case_events e
                WHERE e.case_id = c.id AND e.kind = 'transition' AND e.data->>'to' = 'submitted') AS last_submitted_on,
              (SELECT e.data->>'reason' FROM case_events e
                WHERE e.case_id = c.id AND e.kind = 'transition' AND e.data->>'to' = 'returned_to_applicant' ORDER BY e.id DESC LIMIT 1) AS request,
              (SELECT count(*)::int FROM evidence ev WHERE ev.case_id = c.id AND ev.uploaded_by = (SELECT id FROM users WHERE email = $2)) AS documents
       FROM public_applications a JOIN cases c ON c.id = a.case_id WHERE a.tracking_code = $1`,
      [code, onlineApplicationsEmail],
    );
    if (!row) return null;
    await this.audit.record({ action: 'public_application.read_status', entityType: 'case', entityId: row.case_id, details: { caseNumber: row.number } });
    const calendar = await this.archiveRequests.calendar();
    const from = row.last_submitted_on ?? row.submitted_on;
    return {
      trackingCode: row.tracking_code,
      caseNumber: row.number,
      status: row.status,
      submittedOn: row.submitted_on,
      answerDueOn: addBusinessDays(from, applicationAnswerWorkingDays, calendar),
      request: row.status === CaseStatus.ReturnedToApplicant ? (row.request ?? '') : null,
      documentsSent: row.documents,
    };
  }

  /**
   * The applicant answers a request for documents: the files go through the evidence pipeline (checked, quarantined
   * when unsafe) and the case is submitted again, back in the intake queue.
   */
  async answer(trackingCode: string, files: UploadedFileOnDisk[]): Promise<void> {
    const door = await this.actAsDoor();
    const code = normaliseTrackingCode(trackingCode);
    const [row] = code
      ? await this.dataSource.query(`SELECT a.case_id, c.status, c.number FROM public_applications a JOIN cases c ON c.id = a.case_id WHERE a.tracking_code = $1`, [code])
      : [];
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'public_application.not_found');
    if (row.status !== CaseStatus.ReturnedToApplicant) throw new CodedException(HttpStatus.CONFLICT, 'public_application.not_awaiting_documents', { status: row.status });
    await this.checkFiles(files);
    for (const file of files) await this.evidence.upload(door, row.case_id, file, { kind: EvidenceKind.Other });
    await this.workflow.apply(door, row.case_id, CaseTransition.Resubmit, { version: await this.versionOf(row.case_id) });
    await this.audit.record({ action: 'public_application.answer', entityType: 'case', entityId: row.case_id, details: { caseNumber: row.number, files: files.length } });
  }

  /** The online door's account, as the actor of this request (its audit entries name it). */
  private async actAsDoor(): Promise<SessionUser> {
    if (!this.door) {
      const [user] = await this.dataSource.query(`SELECT id, email, display_name FROM users WHERE email = $1`, [onlineApplicationsEmail]);
      if (!user) throw new Error(`the account ${onlineApplicationsEmail} is missing: run the migrations`);
      this.door = { id: user.id, email: user.email, displayName: user.display_name, role: Role.Secretary, regionCode: null, archiveCode: null, totpEnabled: false };
    }
    requestContext.setActor(actorOf(this.door));
    return this.door;
  }

  private async versionOf(caseId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT version FROM cases WHERE id = $1`, [caseId]);
    return row.version as number;
  }

  private async validate(input: ApplicationInput, files: UploadedFileOnDisk[]): Promise<void> {
    const bad = (field: string) => new CodedException(HttpStatus.BAD_REQUEST, 'public_application.field_invalid', { field });
    const required = (field: string) => new CodedException(HttpStatus.BAD_REQUEST, 'public_application.field_required', { field });
    if (input.website) throw bad('website');
    if (!(Object.values(ApplicantKind) as string[]).includes(input.applicantKind) || input.applicantKind === ApplicantKind.WorkingGroup) throw bad('applicantKind');
    if (!input.applicantName?.trim()) throw required('applicantName');
    if (input.applicantName.length > 300) throw bad('applicantName');
    const email = input.email?.trim() ?? '';
    if (!email) throw required('email');
    if (email.length > 320 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw bad('email');
    if (input.phone && !/^[+\d][\d\s()-]{4,38}$/.test(input.phone.trim())) throw bad('phone');
    if (input.applicantKind === ApplicantKind.Relative && !input.kinship?.trim()) throw required('kinship');
    for (const field of ['kinship', 'kinshipProof'] as const) if ((input[field]?.length ?? 0) > 2000) throw bad(field);
    if (!input.consent || input.consentVersion !== personalDataConsentVersion) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'public_application.consent_required', { version: personalDataConsentVersion });
    }
    if (input.personId) {
      const [published] = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.personId)
        ? await this.dataSource.query(`SELECT 1 FROM persons p WHERE p.id = $1 AND ${publishedPersonCondition}`, [input.personId])
        : [];
      if (!published) throw new CodedException(HttpStatus.BAD_REQUEST, 'public_application.person_not_published', { personId: input.personId });
    } else {
      if (!input.personName?.trim()) throw required('personName');
      if (input.personName.length > 300) throw bad('personName');
      if (input.personBirthYear?.trim() && !/^1[89]\d\d$/.test(input.personBirthYear.trim())) throw bad('personBirthYear');
    }
    const [region] = await this.dataSource.query(`SELECT 1 FROM regions WHERE code = $1`, [input.regionCode ?? '']);
    if (!region) throw required('regionCode');
    const [category] = await this.dataSource.query(`SELECT 1 FROM victim_categories WHERE code = $1`, [input.categoryCode ?? '']);
    if (!category) throw required('categoryCode');
    await this.checkFiles(files, true);
    // per e-mail, in Redis (the route throttles per address): a flood from many addresses with one e-mail stops too
    const key = createHash('sha256').update(email.toLowerCase()).digest('hex');
    const counted = await this.throttle.increment(`public-application:${key}`, 3_600_000, applicationsPerEmailPerHour, 3_600_000, 'public-email');
    if (counted.isBlocked || counted.totalHits > applicationsPerEmailPerHour) {
      throw new CodedException(HttpStatus.TOO_MANY_REQUESTS, 'public_application.too_many', { retryAfterSeconds: Math.max(1, counted.timeToBlockExpire || counted.timeToExpire) });
    }
  }

  /** The same content checks as the back office's upload, before anything is created (the pipeline checks again). */
  private async checkFiles(files: UploadedFileOnDisk[], optional = false): Promise<void> {
    if (files.length === 0 && !optional) throw new CodedException(HttpStatus.BAD_REQUEST, 'public_application.documents_required');
    if (files.length > maxApplicationFiles) throw new CodedException(HttpStatus.BAD_REQUEST, 'public_application.too_many_files', { max: maxApplicationFiles });
    for (const file of files) {
      const declared = mimeOfUpload(file.mimetype, file.originalname);
      if (!declared) throw new CodedException(HttpStatus.BAD_REQUEST, 'evidence.mime_not_accepted', { fileName: file.originalname, declared: file.mimetype || 'nothing' });
      const sniffed = await sniffFile(file.path);
      if (sniffed !== declared) {
        throw sniffed
          ? new CodedException(HttpStatus.BAD_REQUEST, 'evidence.mime_mismatch', { fileName: file.originalname, declared, detected: sniffed })
          : new CodedException(HttpStatus.BAD_REQUEST, 'evidence.mime_unrecognised', { fileName: file.originalname, declared });
      }
    }
  }

  /** The e-mail link to the status page. */
  statusUrl(trackingCode: string, language: PublicApplicationLanguage): string {
    return `${this.config.publicSite.url}${publicApplicationsPath}/${trackingCode}?lang=${language}`;
  }
}


/** 12 characters of an alphabet without look-alikes (about 59 bits), shown as AQ-XXXX-XXXX-XXXX. */
function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += trackingAlphabet[randomInt(trackingAlphabet.length)];
  return `AQ-${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** A tracking code as typed (any case, spaces, with or without dashes) in its stored form; null when it cannot be one. */
export function normaliseTrackingCode(typed: string): string | null {
  const bare = typed.toUpperCase().replace(/[\s-]/g, '').replace(/^AQ/, '');
  if (bare.length !== 12 || [...bare].some((c) => !trackingAlphabet.includes(c))) return null;
  return `AQ-${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}`;
}
