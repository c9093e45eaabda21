import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, LetterKind, PrintBatchStatus, type SessionPrintBatchResponse, type SessionUser } from '@aqtalu/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CertificateService } from '../commission/certificate.service.js';
import { sqlRows } from '../database/sql.js';
import { CodedException } from '../errors/coded.exception.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { CorrespondenceService } from './correspondence.service.js';
import { mergePdfs } from './merge-pdfs.js';

/** The letters that tell an applicant the commission's decision (the batch prints them with the certificates). */
export const decisionLetterKinds: readonly LetterKind[] = [LetterKind.ApplicantDecision, LetterKind.Refusal];

const batchColumns = `id, session_id AS "sessionId", status, documents, created_at AS "createdAt", rendered_at AS "renderedAt"`;

/**
 * A session's documents, in agenda order: per case, the certificates of the decision taken at this session
 * (by number), then the decision letters (decision or refusal) written since that decision (by number).
 */
const sessionDocumentsSql = `
  SELECT 'certificate' AS type, ce.id, ce.case_id AS "caseId", ce.pdf IS NOT NULL AS rendered, ai.position, 1 AS part, ce.number
  FROM agenda_items ai JOIN decisions d ON d.agenda_item_id = ai.id JOIN certificates ce ON ce.decision_id = d.id
  WHERE ai.session_id = $1
  UNION ALL
  SELECT 'letter', l.id, l.case_id, l.pdf IS NOT NULL, ai.position, 2, l.number
  FROM agenda_items ai JOIN decisions d ON d.agenda_item_id = ai.id JOIN letters l ON l.case_id = ai.case_id
  WHERE ai.session_id = $1 AND l.direction = 'outgoing' AND l.kind = ANY($2) AND l.created_at >= d.decided_at
  ORDER BY position, part, number`;

interface SessionDocument {
  type: 'certificate' | 'letter';
  id: string;
  caseId: string;
  rendered: boolean;
}

/**
 * Batch printing: every certificate and decision letter of a commission session as one PDF. The secretary
 * asks for it (audited, with the number of documents), the worker renders what is not rendered yet and merges
 * (outbox job render-session-batch); the commission's readers download the latest batch (audited).
 */
@Injectable()
export class SessionBatchService {
  private readonly logger = new Logger(SessionBatchService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly certificates: CertificateService,
    private readonly correspondence: CorrespondenceService,
  ) {}

  async request(user: SessionUser, sessionId: string): Promise<SessionPrintBatchResponse> {
    const session = await this.session(sessionId);
    return this.dataSource.transaction(async (manager) => {
      const documents = await sqlRows<SessionDocument>(manager, sessionDocumentsSql, [sessionId, decisionLetterKinds]);
      if (!documents.length) throw new CodedException(HttpStatus.CONFLICT, 'letter.batch_nothing_to_print', { sessionNumber: session.number });
      const [batch] = await sqlRows<SessionPrintBatchResponse>(
        manager,
        `INSERT INTO session_print_batches (session_id, status, created_by) VALUES ($1, 'rendering', $2) RETURNING ${batchColumns}`,
        [sessionId, user.id],
      );
      await this.outbox.enqueue(manager, JobName.RenderSessionBatch, { batchId: batch!.id });
      await this.audit.record(
        { action: 'commission_session.batch_print', entityType: 'commission_session', entityId: sessionId, details: { batchId: batch!.id, documents: documents.length } },
        manager,
      );
      return batch!;
    });
  }

  /** The session's latest batch (404 letter.batch_none when none was asked for). */
  async latest(sessionId: string): Promise<SessionPrintBatchResponse> {
    const session = await this.session(sessionId);
    const [batch] = await sqlRows<SessionPrintBatchResponse>(
      this.dataSource,
      `SELECT ${batchColumns} FROM session_print_batches WHERE session_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
      [sessionId],
    );
    if (!batch) throw new CodedException(HttpStatus.NOT_FOUND, 'letter.batch_none', { sessionNumber: session.number });
    return batch;
  }

  /** The latest batch's PDF; 409 letter.batch_not_ready while the worker merges it. Audited as commission_session.batch_download. */
  async pdf(sessionId: string): Promise<{ sessionNumber: string; pdf: Buffer }> {
    const session = await this.session(sessionId);
    const batch = await this.latest(sessionId);
    if (batch.status !== PrintBatchStatus.Ready) throw new CodedException(HttpStatus.CONFLICT, 'letter.batch_not_ready', { sessionNumber: session.number });
    const [row] = await sqlRows<{ pdf: Buffer }>(this.dataSource, `SELECT pdf FROM session_print_batches WHERE id = $1`, [batch.id]);
    await this.audit.record({ action: 'commission_session.batch_download', entityType: 'commission_session', entityId: sessionId, details: { batchId: batch.id, documents: batch.documents } });
    return { sessionNumber: session.number, pdf: row!.pdf };
  }

  /**
   * The worker's part: renders the session's certificates and letters still waiting (each idempotent on its
   * own), merges them and stores the PDF. Safe to run twice: a batch already ready is left as it is.
   */
  async render(batchId: string): Promise<number | null> {
    const [batch] = await sqlRows<{ sessionId: string; number: string }>(
      this.dataSource,
      `SELECT b.session_id AS "sessionId", s.number FROM session_print_batches b JOIN commission_sessions s ON s.id = b.session_id WHERE b.id = $1 AND b.status = 'rendering'`,
      [batchId],
    );
    if (!batch) return null;
    let documents = await sqlRows<SessionDocument>(this.dataSource, sessionDocumentsSql, [batch.sessionId, decisionLetterKinds]);
    if (documents.some((document) => !document.rendered)) {
      for (const caseId of new Set(documents.filter((d) => d.type === 'certificate' && !d.rendered).map((d) => d.caseId))) {
        await this.certificates.renderPending(caseId);
      }
      for (const letter of documents.filter((d) => d.type === 'letter' && !d.rendered)) await this.correspondence.render(letter.id);
      documents = await sqlRows<SessionDocument>(this.dataSource, sessionDocumentsSql, [batch.sessionId, decisionLetterKinds]);
    }
    const parts: Uint8Array[] = [];
    for (const document of documents.filter((d) => d.rendered)) {
      const table = document.type === 'certificate' ? 'certificates' : 'letters';
      const [row] = await sqlRows<{ pdf: Buffer }>(this.dataSource, `SELECT pdf FROM ${table} WHERE id = $1`, [document.id]);
      if (row?.pdf) parts.push(row.pdf);
    }
    const pdf = await mergePdfs(parts, `${batch.number}`);
    const moved = await sqlRows<{ id: string }>(
      this.dataSource,
      `UPDATE session_print_batches SET pdf = $2, documents = $3, status = 'ready', rendered_at = now() WHERE id = $1 AND status = 'rendering' RETURNING id`,
      [batchId, pdf, parts.length],
    );
    if (!moved.length) return null;
    this.logger.log(`session ${batch.number}: ${parts.length} documents merged for printing`);
    return parts.length;
  }

  private async session(sessionId: string): Promise<{ number: string }> {
    const [session] = /^[0-9a-f-]{36}$/i.test(sessionId)
      ? await sqlRows<{ number: string }>(this.dataSource, `SELECT number FROM commission_sessions WHERE id = $1`, [sessionId])
      : [];
    if (!session) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'commission_session', id: sessionId });
    return session;
  }
}
