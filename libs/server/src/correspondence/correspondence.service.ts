import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  JobName,
  LetterKind,
  LetterLanguage,
  LetterStatus,
  incomingLetterNumberPrefix,
  letterNumberPrefix,
  letterPlaceholders,
  Permission,
  type LetterResponse,
  type LetterTemplateResponse,
  type SessionUser,
} from '@aqtalu/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseAccess } from '../cases/case-access.service.js';
import { sqlRows } from '../database/sql.js';
import { CodedException } from '../errors/coded.exception.js';
import { MailerService } from '../notifications/mailer.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { renderLetter } from './letter.pdf.js';

const isUuid = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value);

const letterColumns = `l.id, l.case_id AS "caseId", l.direction, l.kind, l.language, l.number, to_char(l.letter_date, 'YYYY-MM-DD') AS "letterDate",
  l.subject, l.recipient_email AS "recipientEmail", l.sender, l.sender_number AS "senderNumber", l.status, (l.pdf IS NOT NULL OR l.evidence_id IS NOT NULL) AS "hasPdf",
  l.evidence_id AS "evidenceId", l.sent_at AS "sentAt", l.created_at AS "createdAt",
  CASE WHEN l.evidence_id IS NULL THEN NULL ELSE NOT EXISTS (SELECT 1 FROM evidence_checks q WHERE q.evidence_id = l.evidence_id AND q.state IN ('pending','running','quarantined')) END AS "scanChecked"`;
const templateColumns = `kind, language, subject, body, updated_at AS "updatedAt", updated_by AS "updatedBy"`;

/** Fills `{name}` placeholders; an unknown one stays as written, so a typo shows in the letter rather than vanishing. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function letterNumber(kind: LetterKind | 'incoming', year: number, seq: number): string {
  return `${kind === 'incoming' ? incomingLetterNumberPrefix : letterNumberPrefix[kind]}-${year}/${String(seq).padStart(4, '0')}`;
}

/**
 * The correspondence register of a case: outgoing letters from templates (numbered per year and kind in the
 * creating transaction, rendered and e-mailed by the worker) and incoming letters. Reads need cases.read on
 * the case, writes cases.update (the secretary any case, a working group its region's); every write is audited.
 */
@Injectable()
export class CorrespondenceService {
  private readonly logger = new Logger(CorrespondenceService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly mailer: MailerService,
  ) {}

  templates(): Promise<LetterTemplateResponse[]> {
    return sqlRows<LetterTemplateResponse>(this.dataSource, `SELECT ${templateColumns} FROM letter_templates ORDER BY kind, language`);
  }

  /** An administrator's edit of a template's subject and/or body (only known {placeholders}); audited as letter.template_update with before and after. */
  async updateTemplate(user: SessionUser, kind: string, language: string, change: { subject?: string; body?: string }): Promise<LetterTemplateResponse> {
    for (const text of [change.subject ?? '', change.body ?? '']) {
      const unknown = [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).find((name) => !(letterPlaceholders as readonly string[]).includes(name));
      if (unknown) throw new CodedException(HttpStatus.BAD_REQUEST, 'letter.template_placeholder_unknown', { name: unknown, known: [...letterPlaceholders] });
    }
    return this.dataSource.transaction(async (manager) => {
      const [before] = await sqlRows<LetterTemplateResponse>(manager, `SELECT ${templateColumns} FROM letter_templates WHERE kind = $1 AND language = $2 FOR UPDATE`, [kind, language]);
      if (!before) throw new CodedException(HttpStatus.NOT_FOUND, 'letter.template_unknown', { kind, language });
      const [after] = await sqlRows<LetterTemplateResponse>(
        manager,
        `UPDATE letter_templates SET subject = $3, body = $4, updated_by = $5, updated_at = now() WHERE kind = $1 AND language = $2 RETURNING ${templateColumns}`,
        [kind, language, change.subject ?? before.subject, change.body ?? before.body, user.id],
      );
      await this.audit.record(
        { action: 'letter.template_update', entityType: 'letter_template', entityId: `${kind}:${language}`, before: { subject: before.subject, body: before.body }, after: { subject: after!.subject, body: after!.body } },
        manager,
      );
      return after!;
    });
  }

  /**
   * Creates an outgoing letter from its template: the next number of (year, kind) is taken from the counter
   * row in this transaction (row-locked, so concurrent letters queue; a rolled-back letter gives its number
   * back), the text filled from the case, and the PDF left to the worker (outbox job render-letter).
   */
  async create(user: SessionUser, caseId: string, input: { kind: LetterKind; language: LetterLanguage; recipientEmail?: string }): Promise<LetterResponse> {
    const caseRow = await this.access.require(user, caseId, Permission.CasesUpdate);
    const id = await this.dataSource.transaction(async (manager) => {
      const [template] = await sqlRows<{ subject: string; body: string }>(manager, `SELECT subject, body FROM letter_templates WHERE kind = $1 AND language = $2`, [input.kind, input.language]);
      if (!template) throw new CodedException(HttpStatus.NOT_FOUND, 'letter.template_unknown', { kind: input.kind, language: input.language });
      const [facts] = await sqlRows<{ number: string; applicant: string; email: string | null; subject: string | null; archive: string | null; today: string; year: number }>(
        manager,
        `SELECT c.number, c.applicant_name AS applicant, c.applicant_email AS email,
                (SELECT ${input.language === LetterLanguage.Kk ? 'coalesce(p.name_kk, p.name_ru)' : 'coalesce(p.name_ru, p.name_kk)'} FROM case_subjects s JOIN persons p ON p.id = s.person_id
                 WHERE s.case_id = c.id ORDER BY s.id LIMIT 1) AS subject,
                (SELECT ${input.language === LetterLanguage.Kk ? 'a.name_kk' : 'a.name_ru'} FROM archive_requests r JOIN archives a ON a.id = r.archive_id
                 WHERE r.case_id = c.id ORDER BY r.created_at DESC LIMIT 1) AS archive,
                to_char(now() AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD') AS today, extract(year FROM now() AT TIME ZONE 'Asia/Almaty')::int AS year
         FROM cases c WHERE c.id = $1`,
        [caseRow.id],
      );
      const [counter] = await sqlRows<{ seq: number }>(
        manager,
        `INSERT INTO letter_counters (year, kind, last_no) VALUES ($1, $2, 1)
         ON CONFLICT (year, kind) DO UPDATE SET last_no = letter_counters.last_no + 1 RETURNING last_no AS seq`,
        [facts!.year, input.kind],
      );
      const number = letterNumber(input.kind, facts!.year, counter!.seq);
      const [day, month, year] = [facts!.today.slice(8, 10), facts!.today.slice(5, 7), facts!.today.slice(0, 4)];
      const values = {
        caseNumber: facts!.number, applicantName: facts!.applicant, subjectName: facts!.subject ?? '', archiveName: facts!.archive ?? '',
        date: `${day}.${month}.${year}`, letterNumber: number,
      };
      const toArchive = input.kind === LetterKind.ArchiveRequest || input.kind === LetterKind.ArchiveReminder;
      const email = input.recipientEmail ?? (toArchive ? null : facts!.email);
      const [created] = await sqlRows<{ id: string }>(
        manager,
        `INSERT INTO letters (case_id, direction, kind, language, year, seq, number, letter_date, subject, body, recipient_email, status, created_by)
         VALUES ($1, 'outgoing', $2, $3, $4, $5, $6, $7, $8, $9, $10, 'rendering', $11) RETURNING id`,
        [caseRow.id, input.kind, input.language, facts!.year, counter!.seq, number, facts!.today, fillPlaceholders(template.subject, values), fillPlaceholders(template.body, values), email, user.id],
      );
      await this.outbox.enqueue(manager, JobName.RenderLetter, { letterId: created!.id });
      await this.audit.record({ action: 'letter.create', entityType: 'letter', entityId: created!.id, details: { caseId: caseRow.id, number, kind: input.kind, language: input.language } }, manager);
      return created!.id;
    });
    return (await this.find(id))!;
  }

  /**
   * Registers an incoming letter: the register's number `ВХ-<year>/<0001>` from the year's counter (row-locked
   * like outgoing numbers), the sender's own number and date, and its scan when the case's evidence holds it
   * (uploaded through the evidence pipeline, so nobody opens it before its checks pass).
   */
  async registerIncoming(user: SessionUser, caseId: string, input: { senderNumber: string; letterDate: string; sender: string; subject?: string; evidenceId?: string }): Promise<LetterResponse> {
    const caseRow = await this.access.require(user, caseId, Permission.CasesUpdate);
    if (input.evidenceId !== undefined) {
      const [evidence] = isUuid(input.evidenceId) ? await this.dataSource.query(`SELECT id FROM evidence WHERE id = $1 AND case_id = $2`, [input.evidenceId, caseRow.id]) : [];
      if (!evidence) throw new CodedException(HttpStatus.BAD_REQUEST, 'letter.evidence_not_of_case', { id: input.evidenceId });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const [counter] = await sqlRows<{ year: number; seq: number }>(
        manager,
        `INSERT INTO incoming_letter_counters (year, last_no) VALUES (extract(year FROM now() AT TIME ZONE 'Asia/Almaty')::int, 1)
         ON CONFLICT (year) DO UPDATE SET last_no = incoming_letter_counters.last_no + 1 RETURNING year, last_no AS seq`,
      );
      const number = letterNumber('incoming', counter!.year, counter!.seq);
      const [created] = await sqlRows<{ id: string }>(
        manager,
        `INSERT INTO letters (case_id, direction, year, seq, number, sender_number, letter_date, subject, sender, evidence_id, status, created_by)
         VALUES ($1, 'incoming', $2, $3, $4, $5, $6, $7, $8, $9, 'registered', $10) RETURNING id`,
        [caseRow.id, counter!.year, counter!.seq, number, input.senderNumber, input.letterDate, input.subject ?? null, input.sender, input.evidenceId ?? null, user.id],
      );
      await this.audit.record(
        { action: 'letter.register_incoming', entityType: 'letter', entityId: created!.id, details: { caseId: caseRow.id, number, senderNumber: input.senderNumber, sender: input.sender } },
        manager,
      );
      return created!.id;
    });
    return (await this.find(id))!;
  }

  async listForCase(user: SessionUser, caseId: string): Promise<LetterResponse[]> {
    await this.access.require(user, caseId, Permission.CasesRead, undefined, 'case.read_letters');
    return sqlRows<LetterResponse>(this.dataSource, `SELECT ${letterColumns} FROM letters l WHERE l.case_id = $1 ORDER BY l.created_at, l.number`, [caseId]);
  }

  /** The outgoing letter's PDF; audited as letter.download. */
  async pdf(user: SessionUser, letterId: string): Promise<{ number: string; pdf: Buffer }> {
    const [row] = isUuid(letterId) ? await sqlRows<{ case_id: string; number: string; pdf: Buffer | null }>(this.dataSource, `SELECT case_id, number, pdf FROM letters WHERE id = $1`, [letterId]) : [];
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'letter.not_found', { id: letterId });
    await this.access.require(user, row.case_id, Permission.CasesRead);
    if (!row.pdf) throw new CodedException(HttpStatus.CONFLICT, 'letter.not_rendered', { number: row.number });
    await this.audit.record({ action: 'letter.download', entityType: 'letter', entityId: letterId });
    return { number: row.number, pdf: row.pdf };
  }

  /** The secretary's record of a delivery by hand or post: printed, handed over, or sent (outside the system). */
  async markDelivery(user: SessionUser, letterId: string, status: LetterStatus.Printed | LetterStatus.HandedOver | LetterStatus.Sent): Promise<LetterResponse> {
    const [row] = isUuid(letterId) ? await sqlRows<{ case_id: string; status: string }>(this.dataSource, `SELECT case_id, status FROM letters WHERE id = $1 AND direction = 'outgoing'`, [letterId]) : [];
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'letter.not_found', { id: letterId });
    await this.access.require(user, row.case_id, Permission.CasesUpdate);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE letters SET status = $2::varchar, sent_at = CASE WHEN $2::varchar = 'sent' THEN now() ELSE sent_at END WHERE id = $1`, [letterId, status]);
      await this.audit.record({ action: 'letter.delivery', entityType: 'letter', entityId: letterId, before: { status: row.status }, after: { status } }, manager);
    });
    return (await this.find(letterId))!;
  }

  /**
   * The worker's part: renders the PDF of a letter still rendering, then e-mails it when it has an address and
   * SMTP is configured (status sent), else leaves it to_send. Safe to run twice: only the run that moves the
   * letter out of `rendering` sends.
   */
  async render(letterId: string): Promise<LetterStatus | null> {
    const [letter] = await sqlRows<{ number: string; date: string; language: LetterLanguage; subject: string; body: string; email: string | null }>(
      this.dataSource,
      `SELECT number, to_char(letter_date, 'YYYY-MM-DD') AS date, language, subject, body, recipient_email AS email FROM letters WHERE id = $1 AND status = 'rendering'`,
      [letterId],
    );
    if (!letter) return null;
    const pdf = await renderLetter({ number: letter.number, date: letter.date, language: letter.language, subject: letter.subject, body: letter.body });
    const moved = await sqlRows<{ id: string }>(
      this.dataSource,
      `UPDATE letters SET pdf = $2, rendered_at = now(), status = 'to_send' WHERE id = $1 AND status = 'rendering' RETURNING id`,
      [letterId, pdf],
    );
    if (!moved.length) return null;
    this.logger.log(`letter ${letter.number} rendered`);
    if (!letter.email || !this.mailer.enabled) return LetterStatus.ToSend;
    try {
      await this.mailer.send({
        to: letter.email, subject: `${letter.number} ${letter.subject}`, text: letter.body,
        attachments: [{ filename: `${letter.number.replace(/[^\p{L}\p{N}-]/gu, '_')}.pdf`, content: pdf, contentType: 'application/pdf' }],
      });
    } catch (error) {
      this.logger.error(`letter ${letter.number} not e-mailed: ${(error as Error).message}`);
      return LetterStatus.ToSend;
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE letters SET status = 'sent', sent_at = now() WHERE id = $1`, [letterId]);
      await this.audit.record({ action: 'letter.email', entityType: 'letter', entityId: letterId, actorId: null, actorRole: null, details: { number: letter.number } }, manager);
    });
    return LetterStatus.Sent;
  }

  private async find(id: string): Promise<LetterResponse | undefined> {
    const [row] = await sqlRows<LetterResponse>(this.dataSource, `SELECT ${letterColumns} FROM letters l WHERE l.id = $1`, [id]);
    return row;
  }
}

