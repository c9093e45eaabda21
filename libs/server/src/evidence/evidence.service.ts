import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CaseAction,
  EvidenceCheckName,
  evidenceSafetyChecks,
  EvidenceCheckState,
  EvidenceKind,
  type Code,
  EvidenceProposalKind,
  EvidenceProposalStatus,
  EvidenceVerification,
  JobName,
  Permission,
  hasPermission,
  Role,
  renderCode,
  type SessionUser,
} from '@aqtalu/contracts';
import { authorize, caseScope, parseArchivalReference, type ArchivalReference, type SheetRange, type UncertainDate } from '@aqtalu/domain';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CaseAccess } from '../cases/case-access.service.js';
import { CaseRules } from '../cases/case-rules.service.js';
import { isUuid } from '../cases/case.repository.js';
import { actorOf } from '../cases/case-scope.js';
import { sqlRows } from '../database/sql.js';
import { CodedException } from '../errors/coded.exception.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage.js';
import { checksFor, mimeOfUpload, sniffFile } from './evidence-files.js';

export interface EvidenceCheckView {
  check: EvidenceCheckName;
  state: EvidenceCheckState;
  /** English; `reasonCode` with `reasonParams` says the same in the catalogue's terms (null before a check ran). */
  reason: string | null;
  reasonCode: Code | null;
  reasonParams: Record<string, unknown> | null;
  updatedAt: Date;
}

export interface EvidenceView {
  id: string;
  caseId: string;
  archiveRequestId: string | null;
  archiveCode: string | null;
  uploadedBy: string;
  kind: EvidenceKind;
  declaredMime: string;
  detectedMime: string | null;
  sha256: string;
  size: number;
  originalName: string;
  versionNo: number;
  previousId: string | null;
  duplicateOf: string | null;
  documentDate: string | null;
  language: string | null;
  reference: { archive: string | null; fond: string; opis: string; delo: string; sheets: SheetRange[]; text: string } | null;
  pages: number | null;
  verification: EvidenceVerification;
  verifiedBy: string | null;
  verifiedAt: Date | null;
  verificationReason: string | null;
  /** Any check quarantined the file: only an admin may download it. */
  quarantined: boolean;
  /** A thumbnail was made (`GET /evidence/:id/thumbnail`). */
  thumbnail: boolean;
  createdAt: Date;
  checks?: EvidenceCheckView[];
}

/** The uploaded file as multer left it on disk (streamed there, never held in memory). */
export interface UploadedFileOnDisk {
  path: string;
  originalname: string;
  mimetype: string;
  size: number;
}

export interface EvidenceProposalView {
  id: string;
  kind: EvidenceProposalKind;
  text: string;
  page: number;
  value: unknown;
  personId: string | null;
  personName: string | null;
  score: number | null;
  status: EvidenceProposalStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface EvidenceCitationsView {
  conclusions: Array<{ id: string; caseId: string; caseNumber: string; pageFrom: number; pageTo: number; statement: string; signed: boolean }>;
  facts: Array<{ id: string; personId: string; personName: string | null; kind: string; episodeKind: string | null; value: string | null; dateText: string | null; pageFrom: number | null; pageTo: number | null; accepted: boolean }>;
}

/** The stored value of a proposal: the parsed reference or date (libs/domain), or the name. */
type ProposalValue = ArchivalReference & UncertainDate & { name?: string };

const proposalColumns = `p.id, p.kind, p.text, p.page, p.value, p.person_id AS "personId", coalesce(pe.name_kk, pe.name_ru) AS "personName", p.score,
  p.status, p.decided_by AS "decidedBy", p.decided_at AS "decidedAt"`;

export interface EvidenceUploadInput {
  kind: EvidenceKind;
  archiveRequestId?: string;
  previousId?: string;
  reference?: string;
  documentDate?: string;
  language?: string;
}

const columns = `e.id, e.case_id AS "caseId", e.archive_request_id AS "archiveRequestId", ra.code AS "archiveCode", e.uploaded_by AS "uploadedBy",
  e.kind, e.declared_mime AS "declaredMime", e.detected_mime AS "detectedMime", e.sha256, e.size::float8 AS size,
  e.original_name AS "originalName", e.version_no AS "versionNo", e.previous_id AS "previousId", e.duplicate_of AS "duplicateOf",
  e.document_date AS "documentDate", e.language,
  CASE WHEN e.reference_text IS NULL THEN NULL ELSE jsonb_build_object('archive', e.archive_code, 'fond', e.fond, 'opis', e.opis, 'delo', e.delo, 'sheets', e.sheets, 'text', e.reference_text) END AS reference,
  e.pages, e.verification, e.verified_by AS "verifiedBy", e.verified_at AS "verifiedAt", e.verification_reason AS "verificationReason",
  EXISTS (SELECT 1 FROM evidence_checks q WHERE q.evidence_id = e.id AND q.state = 'quarantined') AS quarantined,
  e.thumbnail_sha256 IS NOT NULL AS thumbnail, e.created_at AS "createdAt"`;
const from = `evidence e LEFT JOIN archive_requests rq ON rq.id = e.archive_request_id LEFT JOIN archives ra ON ra.id = rq.archive_id`;

export const evidenceSortColumns = { createdAt: 'e.created_at', kind: 'e.kind', originalName: 'e.original_name', id: 'e.id' } as const;

/** Evidence of cases: upload, list, read, download, verification by a second member, re-checking. */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly access: CaseAccess,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly rules: CaseRules,
  ) {}

  /**
   * Stores an uploaded file and records it with its checks and the job that runs them, in one
   * transaction. The content is sniffed here already: a file that is not what it claims is refused
   * (400) before anything is stored.
   */
  async upload(user: SessionUser, caseId: string, file: UploadedFileOnDisk, input: EvidenceUploadInput): Promise<EvidenceView> {
    const caseRow = await this.access.require(user, caseId, Permission.EvidenceUpload);
    // files join the case while its file is open (the lifecycle table): a case before the commission or decided is fixed
    await this.rules.assert(user, caseRow, CaseAction.UploadEvidence, this.dataSource.manager);
    const declaredMime = mimeOfUpload(file.mimetype, file.originalname);
    if (!declaredMime) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'evidence.mime_not_accepted', { fileName: file.originalname, declared: file.mimetype || 'nothing' });
    }
    const sniffed = await sniffFile(file.path);
    if (sniffed !== declaredMime) {
      throw sniffed
        ? new CodedException(HttpStatus.BAD_REQUEST, 'evidence.mime_mismatch', { fileName: file.originalname, declared: declaredMime, detected: sniffed })
        : new CodedException(HttpStatus.BAD_REQUEST, 'evidence.mime_unrecognised', { fileName: file.originalname, declared: declaredMime });
    }
    const reference = input.reference?.trim() ? parseArchivalReference(input.reference) : null;
    if (reference && !reference.ok) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.archival_reference', { field: 'reference', part: reference.error.part, message: reference.error.message });

    let archiveCode: string | null = null;
    if (input.archiveRequestId) {
      const [request] = isUuid(input.archiveRequestId)
        ? await this.dataSource.query(`SELECT a.code FROM archive_requests ar JOIN archives a ON a.id = ar.archive_id WHERE ar.id = $1 AND ar.case_id = $2`, [input.archiveRequestId, caseId])
        : [];
      if (!request) throw new CodedException(HttpStatus.BAD_REQUEST, 'evidence.request_not_of_case', { id: input.archiveRequestId });
      archiveCode = request.code;
    } else if (user.role === Role.ArchiveLiaison) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'evidence.archive_request_required');
    }
    const facts = await this.access.factsOf(caseRow.id);
    await this.access.check(user, Permission.EvidenceUpload, { type: 'evidence', uploaderId: user.id, archiveCode, case: facts }, 'case', caseId);

    let versionNo = 1;
    if (input.previousId) {
      const [previous] = isUuid(input.previousId) ? await this.dataSource.query(`SELECT version_no FROM evidence WHERE id = $1 AND case_id = $2`, [input.previousId, caseId]) : [];
      if (!previous) throw new CodedException(HttpStatus.BAD_REQUEST, 'evidence.not_of_case', { field: 'previousId', id: input.previousId });
      versionNo = previous.version_no + 1;
    }

    const stored = await this.storage.put(createReadStream(file.path));
    const id = await this.dataSource.transaction(async (manager) => {
      const parsed = reference?.ok ? reference.value : null;
      const [created] = await manager.query(
        `INSERT INTO evidence (case_id, archive_request_id, uploaded_by, kind, declared_mime, sha256, size, original_name, version_no, previous_id,
           document_date, language, archive_code, fond, opis, delo, sheets, reference_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
        [caseId, input.archiveRequestId ?? null, user.id, input.kind, declaredMime, stored.sha256, stored.size, file.originalname.slice(0, 500), versionNo,
          input.previousId ?? null, input.documentDate?.trim() || null, input.language ?? null, parsed?.archive ?? null, parsed?.fond ?? null,
          parsed?.opis ?? null, parsed?.delo ?? null, parsed ? JSON.stringify(parsed.sheets) : null, parsed?.text ?? null],
      );
      for (const check of checksFor(declaredMime)) {
        await manager.query(`INSERT INTO evidence_checks (evidence_id, "check", state) VALUES ($1, $2, 'pending')`, [created.id, check]);
      }
      await this.outbox.enqueue(manager, JobName.CheckEvidence, { evidenceId: created.id });
      await this.audit.record({
        action: 'evidence.upload', entityType: 'evidence', entityId: created.id, before: null,
        after: { caseId, kind: input.kind, sha256: stored.sha256, size: stored.size, originalName: file.originalname, versionNo, previousId: input.previousId ?? null },
      }, manager);
      return created.id as string;
    });
    return this.view(id, true);
  }

  /** The case's evidence the caller may see; `q` searches the extracted text. */
  async list(user: SessionUser, caseId: string, page: { offset: number; limit: number; sort: keyof typeof evidenceSortColumns; order: 'ASC' | 'DESC'; filter: { ids?: string[]; q?: string; kind?: string } }) {
    await this.access.require(user, caseId, Permission.EvidenceRead, undefined, 'case.read_evidence');
    const params: unknown[] = [caseId];
    const where = ['e.case_id = $1'];
    const scope = caseScope(actorOf(user));
    // A liaison sees the evidence their archive gave, not the rest of the case's file.
    if (scope.kind === 'archive') where.push(`ra.code = $${params.push(scope.archiveCode)}`);
    if (page.filter.ids) where.push(`e.id = ANY($${params.push(page.filter.ids)}::uuid[])`);
    if (page.filter.kind) where.push(`e.kind = $${params.push(page.filter.kind)}`);
    if (page.filter.q) where.push(`e.tsv @@ plainto_tsquery('simple', $${params.push(page.filter.q)})`);
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM ${from} WHERE ${whereSql}`, params);
    const rows: EvidenceView[] = await this.dataSource.query(
      `SELECT ${columns} FROM ${from} WHERE ${whereSql}
       ORDER BY ${evidenceSortColumns[page.sort]} ${page.order === 'ASC' ? 'ASC' : 'DESC'}, e.id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    return { rows, total: total as number };
  }

  async get(user: SessionUser, id: string): Promise<EvidenceView> {
    const evidence = await this.visible(user, id, Permission.EvidenceRead);
    await this.audit.record({ action: 'evidence.read', entityType: 'evidence', entityId: id });
    return this.view(evidence.id, true);
  }

  /**
   * The file, audited. A quarantined file is refused to everyone but an admin; an admin, who has no
   * case scope, may download by id exactly the quarantined files (to examine them), nothing else.
   */
  async download(user: SessionUser, id: string): Promise<{ evidence: EvidenceView; content: Readable }> {
    let evidence: EvidenceView;
    if (user.role === Role.Admin) {
      const found = isUuid(id) ? await this.view(id, false).catch(() => null) : null;
      if (!found?.quarantined) {
        await this.audit.record({ action: 'evidence.download', outcome: 'denied', entityType: 'evidence', entityId: id, details: { reason: 'an admin downloads quarantined files only' } });
        throw new CodedException(HttpStatus.NOT_FOUND, 'evidence.quarantined_admin_only', { id });
      }
      evidence = found;
    } else {
      evidence = await this.visible(user, id, Permission.EvidenceRead);
      if (evidence.quarantined) {
        await this.audit.record({ action: 'evidence.download', outcome: 'denied', entityType: 'evidence', entityId: id, details: { reason: 'quarantined' } });
        throw new CodedException(HttpStatus.FORBIDDEN, 'evidence.quarantined_download');
      }
      // checked before any person sees it: a file opens once each safety check has passed (or found no scanner)
      const safety = (await this.checks(id)).filter((item) => evidenceSafetyChecks.includes(item.check));
      const unchecked = safety.filter((item) => item.state === EvidenceCheckState.Pending || item.state === EvidenceCheckState.Running);
      if (unchecked.length > 0) {
        await this.audit.record({ action: 'evidence.download', outcome: 'denied', entityType: 'evidence', entityId: id, details: { reason: 'checks pending', checks: unchecked.map((item) => item.check) } });
        throw new CodedException(HttpStatus.CONFLICT, 'evidence.checks_pending', { id });
      }
      const failed = safety.filter((item) => item.state !== EvidenceCheckState.Passed && item.state !== EvidenceCheckState.NotScanned);
      if (failed.length > 0) {
        await this.audit.record({ action: 'evidence.download', outcome: 'denied', entityType: 'evidence', entityId: id, details: { reason: 'safety check failed', checks: failed.map((item) => item.check) } });
        throw new CodedException(HttpStatus.CONFLICT, 'evidence.safety_check_failed', { id, checks: failed.map((item) => item.check).join(', ') });
      }
    }
    await this.audit.record({ action: 'evidence.download', entityType: 'evidence', entityId: id, details: { sha256: evidence.sha256, quarantined: evidence.quarantined } });
    return { evidence, content: await this.storage.open(evidence.sha256) };
  }

  /** A working-group member other than the uploader verifies (after the checks) or rejects with a reason. */
  async verify(user: SessionUser, id: string, input: { verified: boolean; reason?: string }): Promise<EvidenceView> {
    const evidence = await this.visible(user, id, Permission.EvidenceVerify);
    const reason = input.reason?.trim() || null;
    if (!input.verified && !reason) throw new CodedException(HttpStatus.BAD_REQUEST, 'evidence.reject_reason_required');
    if (input.verified) {
      const checks = await this.checks(id);
      const unfinished = checks.filter((c) => c.state === EvidenceCheckState.Pending || c.state === EvidenceCheckState.Running);
      const unsafe = checks.filter((c) => c.state === EvidenceCheckState.Quarantined || c.state === EvidenceCheckState.Failed);
      if (unfinished.length) throw new CodedException(HttpStatus.CONFLICT, 'evidence.checks_unfinished', { checks: unfinished.map((c) => c.check) });
      if (unsafe.length) throw new CodedException(HttpStatus.CONFLICT, 'evidence.checks_not_passed', { checks: unsafe.map((c) => c.check) });
    }
    const status = input.verified ? EvidenceVerification.Verified : EvidenceVerification.Rejected;
    await this.dataSource.transaction(async (manager) => {
      // the checks are read again in the same statement: a recheck started meanwhile wins. A repeated identical
      // decision changes nothing: no row is updated, and it is answered as it stands, with no second audit entry.
      const updated = await sqlRows<{ id: string }>(
        manager,
        `UPDATE evidence SET verification = $2, verified_by = $3, verified_at = now(), verification_reason = $4
         WHERE id = $1 AND (NOT $5 OR NOT EXISTS (SELECT 1 FROM evidence_checks ec WHERE ec.evidence_id = $1 AND ec.state NOT IN ('passed', 'not_scanned')))
           AND (verification IS DISTINCT FROM $2 OR verification_reason IS DISTINCT FROM $4)
         RETURNING id`,
        [id, status, user.id, reason, input.verified],
      );
      if (updated.length !== 1) {
        const [current] = await sqlRows<{ same: boolean }>(manager, `SELECT verification = $2 AND verification_reason IS NOT DISTINCT FROM $3 AS same FROM evidence WHERE id = $1`, [id, status, reason]);
        if (current?.same) return;
        throw new CodedException(HttpStatus.CONFLICT, 'evidence.checks_changed');
      }
      await this.audit.record({ action: `evidence.${input.verified ? 'verify' : 'reject'}`, entityType: 'evidence', entityId: id, before: { verification: evidence.verification }, after: { verification: status, reason } }, manager);
    });
    return this.view(id, true);
  }

  /** The thumbnail PNG; not made for quarantined files, and readable by whoever may read the evidence. */
  async thumbnail(user: SessionUser, id: string): Promise<Readable> {
    const evidence = await this.visible(user, id, Permission.EvidenceRead);
    const [row]: Array<{ sha256: string | null }> = await this.dataSource.query(`SELECT thumbnail_sha256 AS sha256 FROM evidence WHERE id = $1`, [id]);
    if (evidence.quarantined || !row?.sha256) throw new CodedException(HttpStatus.NOT_FOUND, evidence.quarantined ? 'evidence.thumbnail_quarantined' : 'evidence.no_thumbnail', { id });
    // a picture of the document's first page is a read of it
    await this.audit.record({ action: 'evidence.read_thumbnail', entityType: 'evidence', entityId: id });
    return this.storage.open(row.sha256);
  }

  /** What the text of the evidence mentions (references, dates, names), proposed for a person to confirm. */
  async proposals(user: SessionUser, id: string): Promise<EvidenceProposalView[]> {
    await this.visible(user, id, Permission.EvidenceRead);
    await this.audit.record({ action: 'evidence.read_proposals', entityType: 'evidence', entityId: id });
    const rows: EvidenceProposalView[] = await this.dataSource.query(
      `SELECT ${proposalColumns} FROM evidence_proposals p LEFT JOIN persons pe ON pe.id = p.person_id WHERE p.evidence_id = $1 ORDER BY p.page, p.kind, p.text`,
      [id],
    );
    // the matched registry person is shown only to those who may read the registry (not to a liaison)
    return hasPermission(user.role, Permission.RegistryRead) ? rows : rows.map((row) => ({ ...row, personId: null, personName: null, score: null }));
  }

  /**
   * Confirms a proposal, making its link: a reference or a date becomes the evidence's own when it has
   * none yet; a name links the evidence to a registry person (the proposed match, or the one given).
   */
  async decideProposal(user: SessionUser, id: string, proposalId: string, input: { confirm: boolean; personId?: string }): Promise<EvidenceProposalView> {
    await this.visible(user, id, Permission.EvidenceVerify);
    await this.dataSource.transaction((manager) => this.decideOne(manager, user, id, proposalId, input));
    const [view] = await this.dataSource.query(`SELECT ${proposalColumns} FROM evidence_proposals p LEFT JOIN persons pe ON pe.id = p.person_id WHERE p.id = $1`, [proposalId]);
    return view;
  }

  /**
   * Confirms or dismisses several proposals of the evidence at once, all or none: one that was decided
   * meanwhile (409) or a name with no matched person to confirm (400) leaves every other as it was. Each
   * decision is audited as if made alone. Answers the evidence's proposals as they are now.
   */
  async decideProposals(user: SessionUser, id: string, input: { ids: string[]; confirm: boolean }): Promise<EvidenceProposalView[]> {
    await this.visible(user, id, Permission.EvidenceVerify);
    const ids = [...new Set(input.ids)];
    await this.dataSource.transaction(async (manager) => {
      // one order of locks for every batch: two members deciding overlapping batches wait, never deadlock
      for (const proposalId of [...ids].sort()) await this.decideOne(manager, user, id, proposalId, { confirm: input.confirm });
    });
    const rows: EvidenceProposalView[] = await this.dataSource.query(
      `SELECT ${proposalColumns} FROM evidence_proposals p LEFT JOIN persons pe ON pe.id = p.person_id WHERE p.evidence_id = $1 ORDER BY p.page, p.kind, p.text`,
      [id],
    );
    // the matched registry person is shown only to those who may read the registry
    return hasPermission(user.role, Permission.RegistryRead) ? rows : rows.map((row) => ({ ...row, personId: null, personName: null, score: null }));
  }

  /** One proposal decided within the caller's transaction (locked, checked, its effect made, audited). */
  private async decideOne(manager: EntityManager, user: SessionUser, id: string, proposalId: string, input: { confirm: boolean; personId?: string }): Promise<void> {
    const [proposal]: Array<{ kind: EvidenceProposalKind; status: EvidenceProposalStatus; value: ProposalValue; personId: string | null }> = isUuid(proposalId)
      ? await manager.query(`SELECT kind, status, value, person_id AS "personId" FROM evidence_proposals WHERE id = $1 AND evidence_id = $2 FOR UPDATE`, [proposalId, id])
      : [];
    if (!proposal) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'evidence_proposal', id: proposalId });
    if (proposal.status !== EvidenceProposalStatus.Proposed) throw new CodedException(HttpStatus.CONFLICT, 'evidence.proposal_already', { status: proposal.status });
    let personId = proposal.personId;
    const effects: string[] = [];
    if (input.confirm) {
      if (proposal.kind === EvidenceProposalKind.Person) {
        personId = input.personId ?? proposal.personId;
        if (!personId) throw new CodedException(HttpStatus.BAD_REQUEST, 'evidence.person_required');
        const [person] = isUuid(personId) ? await manager.query(`SELECT id FROM persons WHERE id = $1 AND merged_into_id IS NULL`, [personId]) : [];
        if (!person) throw new CodedException(HttpStatus.BAD_REQUEST, 'registry.unknown_person', { field: 'personId', id: personId });
        effects.push('linked to the person');
      } else if (proposal.kind === EvidenceProposalKind.Reference) {
        const reference = proposal.value;
        const set = await sqlRows(manager,
          `UPDATE evidence SET archive_code = $2, fond = $3, opis = $4, delo = $5, sheets = $6, reference_text = $7 WHERE id = $1 AND reference_text IS NULL RETURNING id`,
          [id, reference.archive ?? null, reference.fond, reference.opis, reference.delo, JSON.stringify(reference.sheets), reference.text]);
        effects.push(set.length ? 'became the evidence reference' : 'the evidence keeps its own reference');
      } else {
        const set = await sqlRows(manager, `UPDATE evidence SET document_date = $2 WHERE id = $1 AND document_date IS NULL RETURNING id`, [id, proposal.value.text]);
        effects.push(set.length ? 'became the document date' : 'the evidence keeps its own date');
      }
    } else if (input.personId) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'evidence.person_only_for_names');
    }
    const status = input.confirm ? EvidenceProposalStatus.Confirmed : EvidenceProposalStatus.Dismissed;
    await manager.query(`UPDATE evidence_proposals SET status = $2, person_id = $3, decided_by = $4, decided_at = now() WHERE id = $1`, [proposalId, status, personId, user.id]);
    await this.audit.record({ action: `evidence.proposal_${input.confirm ? 'confirm' : 'dismiss'}`, entityType: 'evidence', entityId: id, details: { proposalId, kind: proposal.kind, personId, effects } }, manager);
  }

  /** What cites this evidence: statements of conclusions (and facts of registry persons), with pages. */
  async citations(user: SessionUser, id: string): Promise<EvidenceCitationsView> {
    const evidence = await this.visible(user, id, Permission.EvidenceRead);
    await this.audit.record({ action: 'evidence.read_citations', entityType: 'evidence', entityId: id });
    // what each reader may see of it: a liaison sees neither the conclusion nor the registry
    const seesConclusion = authorize(actorOf(user), Permission.CasesRead, { type: 'case', ...(await this.access.factsOf(evidence.caseId)) }).allowed;
    const seesRegistry = hasPermission(user.role, Permission.RegistryRead);
    const conclusions = !seesConclusion ? [] : await this.dataSource.query(
      `SELECT cc.id, k.case_id AS "caseId", c.number AS "caseNumber", cc.page_from AS "pageFrom", cc.page_to AS "pageTo", cc.statement,
              k.signed_at IS NOT NULL AS signed
       FROM conclusion_citations cc JOIN conclusions k ON k.id = cc.conclusion_id JOIN cases c ON c.id = k.case_id
       WHERE cc.evidence_id = $1 ORDER BY cc.page_from, cc.position`,
      [id],
    );
    // facts of registry persons citing these pages (the person as it is now: a merged record shows under its survivor)
    const facts = !seesRegistry ? [] : await this.dataSource.query(
      `SELECT f.id, f.person_id AS "personId", coalesce(p.name_kk, p.name_ru) AS "personName", f.kind, f.episode_kind AS "episodeKind",
              f.value, f.date_text AS "dateText", f.page_from AS "pageFrom", f.page_to AS "pageTo", f.accepted
       FROM person_facts f JOIN persons p ON p.id = f.person_id
       WHERE f.evidence_id = $1 ORDER BY f.page_from NULLS LAST, f.kind, f.id`,
      [id],
    );
    return { conclusions, facts };
  }

  /** Sets every check back to pending and runs them again (a file is never re-uploaded for this). */
  async recheck(user: SessionUser, id: string): Promise<EvidenceView> {
    await this.visible(user, id, Permission.EvidenceUpload);
    await this.dataSource.transaction(async (manager) => {
      await this.resetChecks(manager, id);
      // a verification was given for the checks as they were: after a recheck it is asked for again
      await manager.query(`UPDATE evidence SET verification = 'unverified', verified_by = NULL, verified_at = NULL WHERE id = $1`, [id]);
      await this.outbox.enqueue(manager, JobName.CheckEvidence, { evidenceId: id });
      await this.audit.record({ action: 'evidence.recheck', entityType: 'evidence', entityId: id }, manager);
    });
    return this.view(id, true);
  }

  /**
   * An administrator releases a PDF that the active-content check held (JavaScript, launch actions, embedded
   * files, a polyglot) after examining it: the check passes with who released it, the checks it held back run,
   * and the file can then be verified and downloaded like any other. Audited; a recheck flags it again.
   */
  async release(user: SessionUser, id: string): Promise<EvidenceView> {
    if (user.role !== Role.Admin) {
      await this.audit.record({ action: 'evidence.release', outcome: 'denied', entityType: 'evidence', entityId: id, details: { reason: 'not an admin' } });
      throw new CodedException(HttpStatus.FORBIDDEN, 'evidence.release_admin_only');
    }
    const found = isUuid(id) ? await this.view(id, false).catch(() => null) : null;
    if (!found) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'evidence', id });
    await this.dataSource.transaction(async (manager) => {
      const [flag] = await sqlRows<{ params: { features?: string[] } | null }>(
        manager,
        `SELECT reason_params AS params FROM evidence_checks WHERE evidence_id = $1 AND "check" = $2 AND state = 'quarantined' FOR UPDATE`,
        [id, EvidenceCheckName.ActiveContent],
      );
      if (!flag) throw new CodedException(HttpStatus.CONFLICT, 'evidence.release_nothing_flagged', { id });
      const params = { features: flag.params?.features ?? [], releasedBy: user.email };
      await manager.query(
        `UPDATE evidence_checks SET state = 'passed', reason = $3, reason_code = 'check.active_content_released', reason_params = $4, updated_at = now()
         WHERE evidence_id = $1 AND "check" = $2`,
        [id, EvidenceCheckName.ActiveContent, renderCode('check.active_content_released', params), JSON.stringify(params)],
      );
      // the checks that were skipped because of the hold run now
      await manager.query(
        `UPDATE evidence_checks SET state = 'pending', reason = NULL, reason_code = NULL, reason_params = NULL, updated_at = now()
         WHERE evidence_id = $1 AND reason_code = 'check.skipped_quarantined'`,
        [id],
      );
      await this.outbox.enqueue(manager, JobName.CheckEvidence, { evidenceId: id });
      await this.audit.record({ action: 'evidence.release', entityType: 'evidence', entityId: id, details: { features: params.features } }, manager);
    });
    return this.view(id, true);
  }

  /** Every check back to pending; checks added since the file was uploaded (thumbnail, proposals) join in. */
  private async resetChecks(manager: EntityManager, id: string): Promise<void> {
    await sqlRows(manager, `UPDATE evidence_checks SET state = 'pending', reason = NULL, reason_code = NULL, reason_params = NULL, updated_at = now() WHERE evidence_id = $1 RETURNING "check"`, [id]);
    const [{ declaredMime }] = await manager.query(`SELECT declared_mime AS "declaredMime" FROM evidence WHERE id = $1`, [id]);
    for (const check of checksFor(declaredMime)) {
      await manager.query(`INSERT INTO evidence_checks (evidence_id, "check", state) VALUES ($1, $2, 'pending') ON CONFLICT DO NOTHING`, [id, check]);
    }
  }

  private async visible(user: SessionUser, id: string, permission: Permission): Promise<EvidenceView> {
    const evidence = isUuid(id) ? await this.view(id, false).catch(() => null) : null;
    if (!evidence) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found_or_hidden', { entity: 'evidence', id });
    const facts = await this.access.factsOf(evidence.caseId);
    await this.access.check(user, permission, { type: 'evidence', uploaderId: evidence.uploadedBy, archiveCode: evidence.archiveCode, case: facts }, 'evidence', id);
    return evidence;
  }

  private async checks(id: string): Promise<EvidenceCheckView[]> {
    return this.dataSource.query(
      `SELECT "check", state, reason, reason_code AS "reasonCode", reason_params AS "reasonParams", updated_at AS "updatedAt" FROM evidence_checks WHERE evidence_id = $1
       ORDER BY array_position($2::varchar[], "check"::varchar)`,
      [id, Object.values(EvidenceCheckName)],
    );
  }

  private async view(id: string, withChecks: boolean): Promise<EvidenceView> {
    const rows: EvidenceView[] = await this.dataSource.query(`SELECT ${columns} FROM ${from} WHERE e.id = $1`, [id]);
    const evidence = rows[0];
    if (!evidence) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'evidence', id });
    return withChecks ? { ...evidence, checks: await this.checks(id) } : evidence;
  }
}
