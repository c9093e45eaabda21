import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EvidenceCheckName, EvidenceCheckState, EvidenceProposalKind } from '@aqtalu/contracts';
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
import { clamdScan, ocrImage, ocrPdf, pdfPageCount, pdfText, sniffFile, thumbnailOf } from './evidence-files.js';

interface Outcome {
  state: EvidenceCheckState;
  reason: string | null;
}

interface EvidenceRow {
  id: string;
  caseId: string;
  sha256: string;
  declaredMime: string;
}

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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly registry: RegistryService,
    /** Past PgBouncer (DATABASE_DIRECT_URL): the advisory lock below is held by a session. */
    @Inject(DIRECT_DATA_SOURCE) private readonly direct: DataSource,
  ) {}

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
    for (const row of rows) {
      if (row.state !== EvidenceCheckState.Pending && row.state !== EvidenceCheckState.Running) continue;
      await this.setState(evidenceId, row.check, { state: EvidenceCheckState.Running, reason: null });
      let outcome: Outcome;
      try {
        const quarantined = Object.values(result).includes(EvidenceCheckState.Quarantined);
        outcome = await this.runCheck(evidence, row.check, quarantined);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn(`check ${row.check} of evidence ${evidenceId} failed: ${message}`);
        if (!finalAttempt) {
          await this.setState(evidenceId, row.check, { state: EvidenceCheckState.Pending, reason: `will retry: ${message}` });
          throw error;
        }
        outcome = { state: EvidenceCheckState.Failed, reason: message.slice(0, 1000) };
      }
      // only over `running`: a recheck that reset this check meanwhile wins, and its job runs it again
      await this.setState(evidenceId, row.check, outcome, EvidenceCheckState.Running);
      result[row.check] = outcome.state;
      if (outcome.state === EvidenceCheckState.Quarantined) {
        await this.audit.record({ action: 'evidence.quarantine', entityType: 'evidence', entityId: evidenceId, actorId: null, actorRole: 'system', details: { check: row.check, reason: outcome.reason } });
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
    if (quarantined) return Promise.resolve({ state: EvidenceCheckState.Failed, reason: 'skipped: the file is quarantined' });
    switch (check) {
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
      return { state: EvidenceCheckState.Quarantined, reason: `declared ${evidence.declaredMime}, but the content is ${detected ?? 'not a recognised file type'}` };
    }
    return { state: EvidenceCheckState.Passed, reason: `content is ${detected}` };
  }

  private async checksum(evidence: EvidenceRow): Promise<Outcome> {
    const hash = createHash('sha256');
    for await (const chunk of await this.storage.open(evidence.sha256)) hash.update(chunk as Buffer);
    const actual = hash.digest('hex');
    if (actual !== evidence.sha256) return { state: EvidenceCheckState.Failed, reason: `stored content has SHA-256 ${actual}, expected ${evidence.sha256}` };
    const [earlier]: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM evidence WHERE case_id = $1 AND sha256 = $2 AND id <> $3 AND (created_at, id) < (SELECT created_at, id FROM evidence WHERE id = $3)
       ORDER BY created_at, id LIMIT 1`,
      [evidence.caseId, evidence.sha256, evidence.id],
    );
    await this.dataSource.query(`UPDATE evidence SET duplicate_of = $2 WHERE id = $1`, [evidence.id, earlier?.id ?? null]);
    return earlier
      ? { state: EvidenceCheckState.Passed, reason: `SHA-256 verified; the same file is already evidence ${earlier.id} of this case (duplicate)` }
      : { state: EvidenceCheckState.Passed, reason: 'SHA-256 verified' };
  }

  private async malware(evidence: EvidenceRow): Promise<Outcome> {
    const { host, port } = this.config.clamav;
    if (!host) return { state: EvidenceCheckState.NotScanned, reason: 'no malware scanner is configured (CLAMAV_HOST)' };
    const found = await clamdScan(host, port, await this.storage.open(evidence.sha256));
    return found
      ? { state: EvidenceCheckState.Quarantined, reason: `ClamAV found ${found}` }
      : { state: EvidenceCheckState.Passed, reason: 'ClamAV found no known signature' };
  }

  private async pdfText(evidence: EvidenceRow): Promise<Outcome> {
    return this.storage.withLocalPath(evidence.sha256, async (path) => {
      const pages = await pdfPageCount(path);
      let text = (await pdfText(path)).trim();
      let reason = `${pages} page(s), text layer of ${text.length} characters`;
      if (text.length < minTextLayerChars) {
        text = (await ocrPdf(path, maxOcrPages)).trim();
        reason = `${pages} page(s) without a text layer; OCR of ${Math.min(pages, maxOcrPages)} page(s) read ${text.length} characters`;
      }
      await this.storeText(evidence.id, text, pages);
      return { state: EvidenceCheckState.Passed, reason };
    });
  }

  private async ocr(evidence: EvidenceRow): Promise<Outcome> {
    const text = (await this.storage.withLocalPath(evidence.sha256, ocrImage)).trim();
    await this.storeText(evidence.id, text, 1);
    return { state: EvidenceCheckState.Passed, reason: text ? `OCR read ${text.length} characters` : 'OCR found no text' };
  }

  private async thumbnail(evidence: EvidenceRow): Promise<Outcome> {
    const png = await this.storage.withLocalPath(evidence.sha256, (path) => thumbnailOf(path, evidence.declaredMime));
    const stored = await this.storage.put(Readable.from([png]));
    await this.dataSource.query(`UPDATE evidence SET thumbnail_sha256 = $2 WHERE id = $1`, [evidence.id, stored.sha256]);
    return { state: EvidenceCheckState.Passed, reason: `thumbnail of ${stored.size} bytes` };
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
    return { state: EvidenceCheckState.Passed, reason: `found ${count('reference')} reference(s), ${count('date')} date(s), ${count('name')} name(s); ${added} new proposal(s)` };
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

  private async setState(evidenceId: string, check: EvidenceCheckName, outcome: Outcome, onlyFrom?: EvidenceCheckState): Promise<void> {
    await this.dataSource.query(
      `UPDATE evidence_checks SET state = $3, reason = $4, updated_at = now() WHERE evidence_id = $1 AND "check" = $2 AND ($5::text IS NULL OR state = $5)`,
      [evidenceId, check, outcome.state, outcome.reason, onlyFrom ?? null],
    );
  }
}
