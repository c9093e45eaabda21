import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EvidenceCheckName, EvidenceCheckState, EvidenceProposalKind, renderCode, type Code, type Coded, type CodeParams } from '@aqtalu/contracts';
import { autoMatchThreshold, findInText, type TextFinding } from '@aqtalu/domain';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DIRECT_DATA_SOURCE } from '../database/database.module.js';
import { RegistryService } from '../registry/registry.service.js';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage.js';
import { clamdScan, ocrImage, ocrPdf, pdfActiveContent, pdfLayout, pdfText, ResourceLimitError, sniffFile, thumbnailOf, type ToolLimits } from './evidence-files.js';

/** A check's state and why, as a code of the catalogue (stored with its English text beside it). */
interface Outcome {
  state: EvidenceCheckState;
  reason: Coded | null;
}

const outcome = <C extends Code>(state: EvidenceCheckState, code: C, params: CodeParams[C]): Outcome => ({ state, reason: { code, params } as Coded });

interface EvidenceRow {
  id: string;
  caseId: string;
  sha256: string;
  declaredMime: string;
}

/** The checks that hand the file to a parser or renderer: skipped once the file was found over a limit. */
const toolChecks = new Set([EvidenceCheckName.Text, EvidenceCheckName.Ocr, EvidenceCheckName.Thumbnail, EvidenceCheckName.Proposals]);

/** Image-only PDFs: at most this many pages are OCR'd per check. */
const maxOcrPages = 20;
/** Less text than this in a PDF's text layer means a scan without one. */
const minTextLayerChars = 20;

/**
 * Runs an evidence's unfinished checks in order. Idempotent: a finished check is not run again, a
 * check left `running` by a killed worker is run again, and every write sets a value (no increments).
 */
@Injectable()
export class EvidenceCheckService {
  private readonly logger = new Logger(EvidenceCheckService.name);
  private readonly limits: ToolLimits;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly registry: RegistryService,
    /** Past PgBouncer (DATABASE_DIRECT_URL): the advisory lock below is held by a session. */
    @Inject(DIRECT_DATA_SOURCE) private readonly direct: DataSource,
  ) {
    const { toolTimeoutSeconds, toolMemoryMb, maxPages, maxMegapixels } = config.evidenceLimits;
    this.limits = { timeoutSeconds: toolTimeoutSeconds, memoryMb: toolMemoryMb, maxPages, maxMegapixels };
  }

  /**
   * The job of these checks ended in BullMQ's failed set (attempts spent, or stalled twice): the checks it
   * left unfinished say so, instead of "running" forever; a recheck runs them again. Not when a newer job
   * (a recheck, a re-drive) was queued for the evidence after `outboxId`: that one runs them.
   */
  async markJobFailed(evidenceId: string, outboxId: string | null, reason: Coded): Promise<number> {
    const updated: [unknown[], number] = await this.dataSource.query(
      `UPDATE evidence_checks SET state = 'failed', reason = $3, reason_code = $4, reason_params = $5, updated_at = now()
       WHERE evidence_id = $1 AND state IN ('pending', 'running')
         AND ($2::bigint IS NULL OR NOT EXISTS (
           SELECT 1 FROM outbox_messages m WHERE m.job_name = 'check-evidence' AND m.payload->>'evidenceId' = $1::text AND m.id > $2::bigint))`,
      [evidenceId, outboxId, renderCode(reason.code, reason.params as never), reason.code, JSON.stringify(reason.params)],
    );
    return updated[1];
  }

  /**
   * `finalAttempt`: a check that throws is recorded as failed instead of being left for a retry.
   * Two jobs for the same evidence (a recheck while a check runs) take turns on a PostgreSQL advisory
   * lock held by this process's connection: the second finds the checks done. A killed worker's
   * connection closes, which frees the lock for the job BullMQ hands to the next worker. Each running
   * job holds one pooled connection for its whole run: keep the processor's concurrency well below the
   * pool size.
   */
  async run(evidenceId: string, finalAttempt = true): Promise<Record<string, EvidenceCheckState>> {
    const lock = this.direct.createQueryRunner();
    await lock.connect();
    try {
      await lock.query(`SELECT pg_advisory_lock(hashtextextended('evidence-check:' || $1, 0))`, [evidenceId]);
      return await this.runLocked(evidenceId, finalAttempt);
    } finally {
      await lock.query(`SELECT pg_advisory_unlock(hashtextextended('evidence-check:' || $1, 0))`, [evidenceId]).catch(() => undefined);
      await lock.release();
    }
  }

  private async runLocked(evidenceId: string, finalAttempt: boolean): Promise<Record<string, EvidenceCheckState>> {
    const [evidence]: EvidenceRow[] = await this.dataSource.query(
      `SELECT id, case_id AS "caseId", sha256, declared_mime AS "declaredMime" FROM evidence WHERE id = $1`,
      [evidenceId],
    );
    if (!evidence) return {}; // nothing to check: never retried
    const order = Object.values(EvidenceCheckName);
    const rows: Array<{ check: EvidenceCheckName; state: EvidenceCheckState }> = await this.dataSource.query(
      `SELECT "check", state FROM evidence_checks WHERE evidence_id = $1`,
      [evidenceId],
    );
    rows.sort((a, b) => order.indexOf(a.check) - order.indexOf(b.check));
    const result: Record<string, EvidenceCheckState> = Object.fromEntries(rows.map((row) => [row.check, row.state]));
    let overLimit = false;
    for (const row of rows) {
      if (row.state !== EvidenceCheckState.Pending && row.state !== EvidenceCheckState.Running) continue;
      await this.setState(evidenceId, row.check, { state: EvidenceCheckState.Running, reason: null });
      let done: Outcome;
      try {
        const quarantined = Object.values(result).includes(EvidenceCheckState.Quarantined);
        done = overLimit && toolChecks.has(row.check)
          ? outcome(EvidenceCheckState.Failed, 'check.skipped_resource_limit', {})
          : await this.runCheck(evidence, row.check, quarantined);
      } catch (error) {
        if (error instanceof ResourceLimitError) {
          // over a limit is a property of the file: retrying cannot help, so it ends now, whatever the attempt
          this.logger.warn(`check ${row.check} of evidence ${evidenceId} stopped at a limit: ${error.message}`);
          overLimit = true;
          await this.setState(evidenceId, row.check, { state: EvidenceCheckState.Failed, reason: error.reason }, EvidenceCheckState.Running);
          result[row.check] = EvidenceCheckState.Failed;
          continue;
        }
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn(`check ${row.check} of evidence ${evidenceId} failed: ${message}`);
        if (!finalAttempt) {
          await this.setState(evidenceId, row.check, outcome(EvidenceCheckState.Pending, 'check.will_retry', { message }));
          throw error;
        }
        done = outcome(EvidenceCheckState.Failed, 'check.error', { message: message.slice(0, 1000) });
      }
      // only over `running`: a recheck that reset this check meanwhile wins, and its job runs it again
      await this.setState(evidenceId, row.check, done, EvidenceCheckState.Running);
      result[row.check] = done.state;
      if (done.state === EvidenceCheckState.Quarantined) {
        await this.audit.record({ action: 'evidence.quarantine', entityType: 'evidence', entityId: evidenceId, actorId: null, actorRole: 'system', details: { check: row.check, reason: done.reason && renderCode(done.reason.code, done.reason.params as never) } });
      }
    }
    return result;
  }

  private runCheck(evidence: EvidenceRow, check: EvidenceCheckName, quarantined: boolean): Promise<Outcome> {
    switch (check) {
      case EvidenceCheckName.Sniff:
        return this.sniff(evidence);
      case EvidenceCheckName.Checksum:
        return this.checksum(evidence);
      case EvidenceCheckName.Malware:
        return this.malware(evidence);
    }
    // A file that failed a safety check is not handed to parsers.
    if (quarantined) return Promise.resolve(outcome(EvidenceCheckState.Failed, 'check.skipped_quarantined', {}));
    switch (check) {
      case EvidenceCheckName.ActiveContent:
        return this.activeContent(evidence);
      case EvidenceCheckName.Text:
        return this.pdfText(evidence);
      case EvidenceCheckName.Ocr:
        return this.ocr(evidence);
      case EvidenceCheckName.Thumbnail:
        return this.thumbnail(evidence);
      case EvidenceCheckName.Proposals:
        return this.proposals(evidence);
    }
  }

  private async sniff(evidence: EvidenceRow): Promise<Outcome> {
    const detected = await this.storage.withLocalPath(evidence.sha256, sniffFile);
    await this.dataSource.query(`UPDATE evidence SET detected_mime = $2 WHERE id = $1`, [evidence.id, detected]);
    if (detected !== evidence.declaredMime) {
      return detected
        ? outcome(EvidenceCheckState.Quarantined, 'check.sniff_mismatch', { declared: evidence.declaredMime, detected })
        : outcome(EvidenceCheckState.Quarantined, 'check.sniff_unrecognised', { declared: evidence.declaredMime });
    }
    return outcome(EvidenceCheckState.Passed, 'check.sniff_passed', { detected });
  }

  private async checksum(evidence: EvidenceRow): Promise<Outcome> {
    const hash = createHash('sha256');
    for await (const chunk of await this.storage.open(evidence.sha256)) hash.update(chunk as Buffer);
    const actual = hash.digest('hex');
    if (actual !== evidence.sha256) return outcome(EvidenceCheckState.Failed, 'check.checksum_mismatch', { actual, expected: evidence.sha256 });
    const [earlier]: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM evidence WHERE case_id = $1 AND sha256 = $2 AND id <> $3 AND (created_at, id) < (SELECT created_at, id FROM evidence WHERE id = $3)
       ORDER BY created_at, id LIMIT 1`,
      [evidence.caseId, evidence.sha256, evidence.id],
    );
    await this.dataSource.query(`UPDATE evidence SET duplicate_of = $2 WHERE id = $1`, [evidence.id, earlier?.id ?? null]);
    return earlier
      ? outcome(EvidenceCheckState.Passed, 'check.checksum_duplicate', { evidenceId: earlier.id })
      : outcome(EvidenceCheckState.Passed, 'check.checksum_verified', {});
  }

  private async malware(evidence: EvidenceRow): Promise<Outcome> {
    const { host, port } = this.config.clamav;
    if (!host) return outcome(EvidenceCheckState.NotScanned, 'check.malware_not_configured', {});
    const found = await clamdScan(host, port, await this.storage.open(evidence.sha256));
    return found
      ? outcome(EvidenceCheckState.Quarantined, 'check.malware_found', { signature: found })
      : outcome(EvidenceCheckState.Passed, 'check.malware_clean', {});
  }

  /** JavaScript, launch actions, embedded files, other formats inside: quarantined until an administrator releases it. */
  private async activeContent(evidence: EvidenceRow): Promise<Outcome> {
    const features = await this.storage.withLocalPath(evidence.sha256, (path) => pdfActiveContent(path, this.limits));
    return features.length
      ? outcome(EvidenceCheckState.Quarantined, 'check.active_content_found', { features })
      : outcome(EvidenceCheckState.Passed, 'check.active_content_none', {});
  }

  private async pdfText(evidence: EvidenceRow): Promise<Outcome> {
    return this.storage.withLocalPath(evidence.sha256, async (path) => {
      const { pages } = await pdfLayout(path, this.limits);
      let text = (await pdfText(path, this.limits)).trim();
      let result = outcome(EvidenceCheckState.Passed, 'check.text_layer', { pages, characters: text.length });
      if (text.length < minTextLayerChars) {
        text = (await ocrPdf(path, maxOcrPages, this.limits)).trim();
        result = outcome(EvidenceCheckState.Passed, 'check.text_ocr', { pages, ocrPages: Math.min(pages, maxOcrPages), characters: text.length });
      }
      await this.storeText(evidence.id, text, pages);
      return result;
    });
  }

  private async ocr(evidence: EvidenceRow): Promise<Outcome> {
    const text = (await this.storage.withLocalPath(evidence.sha256, (path) => ocrImage(path, this.limits))).trim();
    await this.storeText(evidence.id, text, 1);
    return text ? outcome(EvidenceCheckState.Passed, 'check.ocr_read', { characters: text.length }) : outcome(EvidenceCheckState.Passed, 'check.ocr_empty', {});
  }

  private async thumbnail(evidence: EvidenceRow): Promise<Outcome> {
    const png = await this.storage.withLocalPath(evidence.sha256, (path) => thumbnailOf(path, evidence.declaredMime, this.limits));
    const stored = await this.storage.put(Readable.from([png]));
    await this.dataSource.query(`UPDATE evidence SET thumbnail_sha256 = $2 WHERE id = $1`, [evidence.id, stored.sha256]);
    return outcome(EvidenceCheckState.Passed, 'check.thumbnail_made', { bytes: stored.size });
  }

  /**
   * References, dates and names found in the extracted text become proposals; a name is matched to the
   * registry person it resembles most. A re-run adds what is new and keeps every earlier decision.
   */
  private async proposals(evidence: EvidenceRow): Promise<Outcome> {
    const [row]: Array<{ text: string | null }> = await this.dataSource.query(`SELECT text_content AS text FROM evidence WHERE id = $1`, [evidence.id]);
    const findings = findInText(row?.text ?? '');
    let added = 0;
    for (const finding of findings) {
      const proposal = await this.proposalOf(finding);
      const inserted = await this.dataSource.query(
        `INSERT INTO evidence_proposals (evidence_id, kind, key, text, page, value, person_id, score) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (evidence_id, kind, key) DO NOTHING RETURNING id`,
        [evidence.id, proposal.kind, proposal.key, finding.text, finding.page, proposal.value === null ? null : JSON.stringify(proposal.value), proposal.personId, proposal.score],
      );
      added += inserted.length;
    }
    const count = (kind: TextFinding['kind']) => findings.filter((f) => f.kind === kind).length;
    return outcome(EvidenceCheckState.Passed, 'check.proposals_found', { references: count('reference'), dates: count('date'), names: count('name'), added });
  }

  private async proposalOf(finding: TextFinding): Promise<{ kind: EvidenceProposalKind; key: string; value: unknown; personId: string | null; score: number | null }> {
    switch (finding.kind) {
      case 'reference':
        return { kind: EvidenceProposalKind.Reference, key: finding.reference.text, value: finding.reference, personId: null, score: null };
      case 'date':
        return { kind: EvidenceProposalKind.Date, key: `${finding.date.earliest}/${finding.date.latest}`, value: finding.date, personId: null, score: null };
      case 'name': {
        const [best] = await this.registry.search(finding.text, { limit: 1 });
        const match = best && best.score >= autoMatchThreshold ? best : null;
        return { kind: EvidenceProposalKind.Person, key: finding.text.toLowerCase(), value: { name: finding.text }, personId: match?.personId ?? null, score: match?.score ?? null };
      }
    }
  }

  private async storeText(id: string, text: string, pages: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE evidence SET text_content = $2, pages = $3, tsv = to_tsvector('simple', $2) WHERE id = $1`,
      [id, text, pages],
    );
  }

  private async setState(evidenceId: string, check: EvidenceCheckName, result: Outcome, onlyFrom?: EvidenceCheckState): Promise<void> {
    const { reason } = result;
    await this.dataSource.query(
      `UPDATE evidence_checks SET state = $3, reason = $4, reason_code = $6, reason_params = $7, updated_at = now()
       WHERE evidence_id = $1 AND "check" = $2 AND ($5::text IS NULL OR state = $5)`,
      [evidenceId, check, result.state, reason && renderCode(reason.code, reason.params as never), onlyFrom ?? null, reason?.code ?? null, reason ? JSON.stringify(reason.params) : null],
    );
  }
}
