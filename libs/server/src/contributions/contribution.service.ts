import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  contributionEpisodes,
  contributionRejectionCode,
  EpisodeKind,
  FactKind,
  FactSourceKind,
  JobName,
  renderCode,
  type Coded,
  type ContributionRejection,
  type ContributionResponse,
  type ContributionScanState,
  type ContributionStatus,
  type ContributionSubject,
  type SessionUser,
} from '@aqtalu/contracts';
import { parseArchivalReference } from '@aqtalu/domain';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CodedException } from '../errors/coded.exception.js';
import { clamdScan, mimeOfUpload, pdfActiveContent, sniffFile } from '../evidence/evidence-files.js';
import type { UploadedFileOnDisk } from '../evidence/evidence.service.js';
import { MailerService } from '../notifications/mailer.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { publicBookPath } from '../publication/public-site.js';
import { publishedPersonCondition } from '../publication/publication.service.js';
import { PersonFactService, type FactInput, type FactSourceInput } from '../registry/person-fact.service.js';
import { REDIS } from '../queue/redis.module.js';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage.js';
import { contributionMail } from './contribution-mail.js';

/** What a visitor tells on a published person's page. */
export interface ContributionInput {
  subject: ContributionSubject;
  value?: string;
  date?: string;
  place?: string;
  details?: string;
  source: string;
  name: string;
  email: string;
  language: 'kk' | 'ru' | 'en';
}

/** What the moderator may correct when accepting: the source in the registry's terms, the wording of the value, date or place. */
export interface ContributionAcceptInput {
  source?: FactSourceInput;
  value?: string;
  date?: string;
  place?: string;
}

/** A refusal of a visitor's contribution that the public page says in its own words (no stack, no 500). */
export class ContributionRefused extends Error {
  constructor(readonly reason: 'not_published' | 'scan_type' | 'value_required' | 'too_many') {
    super(reason);
  }
}

const columns = `c.id, c.person_id AS "personId",
  (SELECT v.full_name FROM person_name_variants v WHERE v.person_id = c.person_id ORDER BY v.full_name LIMIT 1) AS "personName",
  c.subject, c.value, c.date_text AS date, c.place_text AS place, c.details, c.source_text AS source, c.contributor_name AS "contributorName",
  c.contributor_email AS "contributorEmail",
  jsonb_build_object('state', c.scan_state, 'name', c.scan_name, 'mime', c.scan_mime, 'size', c.scan_size::float8, 'reasonCode', c.scan_reason_code) AS scan,
  c.status, c.rejection, c.fact_id AS "factId", c.decided_by AS "decidedBy", c.decided_at AS "decidedAt", c.created_at AS "createdAt"`;

export const contributionSortColumns = { createdAt: 'c.created_at', status: 'c.status', subject: 'c.subject', id: 'c.id' } as const;

/** Contributions one e-mail address may send a day (the address's own limit is the API throttler's). */
export const contributionsPerEmailPerDay = 5;

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
const trimmed = (value: string | undefined | null) => value?.trim() || null;

/**
 * Contributions to the Book of Memory: a visitor tells a fact about a published person, with its source and an
 * optional scan; the scan is checked (type, checksum, malware, active content) before a moderator may open it;
 * a moderator (publication.manage) accepts one into a person fact citing it, or rejects it with a reason code
 * the contributor is e-mailed. Every step audited.
 */
@Injectable()
export class ContributionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly facts: PersonFactService,
    private readonly mailer: MailerService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Counts a contribution from this e-mail address in Redis (per day, across API replicas); false over the limit. */
  private async withinEmailLimit(email: string): Promise<boolean> {
    const key = `contributions:email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 86_400, 'NX').exec()) as Array<[Error | null, number]>;
    return count! <= contributionsPerEmailPerDay;
  }

  /** A visitor's contribution about a published person; the scan (if any) is sniffed here and checked fully by the worker. */
  async submit(personId: string, input: ContributionInput, file: UploadedFileOnDisk | null): Promise<{ id: string }> {
    const [person] = isUuid(personId) ? await this.dataSource.query(`SELECT p.id FROM persons p WHERE p.id = $1 AND ${publishedPersonCondition}`, [personId]) : [];
    if (!person) throw new ContributionRefused('not_published');
    const isEpisode = contributionEpisodes.includes(input.subject);
    if (!isEpisode && !trimmed(input.value)) throw new ContributionRefused('value_required');
    if (isEpisode && !trimmed(input.date) && !trimmed(input.place) && !trimmed(input.details)) throw new ContributionRefused('value_required');
    let scan: { sha256: string; size: number; mime: string; name: string } | null = null;
    if (file) {
      const declared = mimeOfUpload(file.mimetype, file.originalname);
      if (!declared || (await sniffFile(file.path)) !== declared) throw new ContributionRefused('scan_type');
    }
    if (!(await this.withinEmailLimit(input.email))) throw new ContributionRefused('too_many');
    if (file) {
      const stored = await this.storage.put(createReadStream(file.path));
      scan = { ...stored, mime: mimeOfUpload(file.mimetype, file.originalname)!, name: file.originalname.slice(0, 300) };
    }
    return this.dataSource.transaction(async (manager) => {
      const [created]: Array<{ id: string }> = await manager.query(
        `INSERT INTO contributions (person_id, subject, value, date_text, place_text, details, source_text, contributor_name, contributor_email, language,
           scan_sha256, scan_mime, scan_name, scan_size, scan_state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
        [personId, input.subject, trimmed(input.value), trimmed(input.date), trimmed(input.place), trimmed(input.details), input.source.trim(), input.name.trim(),
          input.email.trim(), input.language, scan?.sha256 ?? null, scan?.mime ?? null, scan?.name ?? null, scan?.size ?? null, scan ? 'pending' : 'none'],
      );
      if (scan) await this.outbox.enqueue(manager, JobName.CheckContributionScan, { contributionId: created!.id });
      // a visitor is nobody's account: the entry names the person and the subject, not the contributor
      await this.audit.record(
        { action: 'contribution.submit', entityType: 'person', entityId: personId, actorId: null, actorRole: 'public', after: { contributionId: created!.id, subject: input.subject, scan: scan !== null } },
        manager,
      );
      return { id: created!.id };
    });
  }

  /** One page of the moderation queue (pending first unless a status is asked). */
  async list(page: { offset: number; limit: number; sort: keyof typeof contributionSortColumns; order: 'ASC' | 'DESC'; status?: ContributionStatus; personId?: string; ids?: string[] }): Promise<{ rows: ContributionResponse[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (page.status) where.push(`c.status = $${params.push(page.status)}`);
    if (page.personId) where.push(`c.person_id = $${params.push(page.personId)}::uuid`);
    if (page.ids) where.push(`c.id = ANY($${params.push(page.ids)}::uuid[])`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM contributions c ${whereSql}`, params);
    const rows: ContributionResponse[] = await this.dataSource.query(
      `SELECT ${columns} FROM contributions c ${whereSql}
       ORDER BY ${contributionSortColumns[page.sort]} ${page.order === 'ASC' ? 'ASC' : 'DESC'}, c.id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    return { rows, total: total as number };
  }

  async get(id: string): Promise<ContributionResponse> {
    const [row]: ContributionResponse[] = isUuid(id) ? await this.dataSource.query(`SELECT ${columns} FROM contributions c WHERE c.id = $1`, [id]) : [];
    if (!row) throw new CodedException(HttpStatus.NOT_FOUND, 'contribution.not_found', { id });
    return row;
  }

  /** The scan, for a moderator, once its checks passed; a quarantined or unchecked scan is never handed out. */
  async openScan(id: string): Promise<{ stream: Readable; mime: string; name: string; size: number }> {
    const [row] = isUuid(id) ? await this.dataSource.query(`SELECT scan_sha256, scan_mime, scan_name, scan_size, scan_state FROM contributions WHERE id = $1`, [id]) : [];
    if (!row || !row.scan_sha256) throw new CodedException(HttpStatus.NOT_FOUND, 'contribution.not_found', { id });
    if (row.scan_state !== 'passed') throw new CodedException(HttpStatus.CONFLICT, 'contribution.scan_unchecked', { id });
    return { stream: await this.storage.open(row.scan_sha256), mime: row.scan_mime, name: row.scan_name, size: Number(row.scan_size) };
  }

  /**
   * Accepts a contribution: a person fact citing the contribution (its note) and the source the moderator confirms
   * (an archival reference or a book; by default the contributor's source read as an archival reference). The fact is
   * accepted for the person unless another fact of its kind is accepted already. The contributor is told.
   */
  async accept(user: SessionUser, id: string, input: ContributionAcceptInput): Promise<ContributionResponse> {
    const contribution = await this.pending(id);
    const source = input.source ?? this.sourceOf(contribution.source);
    const isEpisode = contributionEpisodes.includes(contribution.subject);
    const fact: FactInput = {
      kind: isEpisode ? FactKind.Episode : (contribution.subject as FactKind),
      ...(isEpisode ? { episodeKind: contribution.subject as EpisodeKind } : {}),
      value: trimmed(input.value) ?? contribution.value ?? undefined,
      date: trimmed(input.date) ?? contribution.date ?? undefined,
      placeText: trimmed(input.place) ?? contribution.place ?? undefined,
      note: [`contribution:${id}`, contribution.details].filter(Boolean).join('\n'),
      source,
    };
    const added = await this.facts.add(user, contribution.personId, fact);
    const [competing] = await this.dataSource.query(
      `SELECT 1 FROM person_facts WHERE person_id = $1 AND accepted AND accept_key = (SELECT accept_key FROM person_facts WHERE id = $2)`,
      [contribution.personId, added.id],
    );
    if (!competing) {
      const [{ version }] = await this.dataSource.query(`SELECT version FROM persons WHERE id = $1`, [contribution.personId]);
      await this.facts.accept(user, contribution.personId, added.id, version);
    }
    await this.decide(user, id, 'accepted', { factId: added.id, rejection: null });
    return this.get(id);
  }

  /** Rejects a contribution with a reason code; the contributor is e-mailed why. */
  async reject(user: SessionUser, id: string, reason: ContributionRejection): Promise<ContributionResponse> {
    await this.pending(id);
    await this.decide(user, id, 'rejected', { factId: null, rejection: reason });
    return this.get(id);
  }

  private async pending(id: string): Promise<ContributionResponse> {
    const contribution = await this.get(id);
    if (contribution.status !== 'pending') throw new CodedException(HttpStatus.CONFLICT, 'contribution.already_decided', { id, status: contribution.status });
    if (contribution.scan.state === 'pending') throw new CodedException(HttpStatus.CONFLICT, 'contribution.scan_unchecked', { id });
    return contribution;
  }

  private sourceOf(text: string): FactSourceInput {
    const parsed = parseArchivalReference(text);
    if (!parsed.ok) throw new CodedException(HttpStatus.BAD_REQUEST, 'contribution.source_required', { source: text.slice(0, 200) });
    return { kind: FactSourceKind.Archival, reference: text };
  }

  private async decide(user: SessionUser, id: string, status: 'accepted' | 'rejected', outcome: { factId: string | null; rejection: ContributionRejection | null }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows]: [Array<{ person_id: string }>, number] = await manager.query(
        `UPDATE contributions SET status = $2, fact_id = $3, rejection = $4, decided_by = $5, decided_at = now() WHERE id = $1 AND status = 'pending' RETURNING person_id`,
        [id, status, outcome.factId, outcome.rejection, user.id],
      );
      if (!rows[0]) throw new CodedException(HttpStatus.CONFLICT, 'contribution.already_decided', { id, status: 'decided' });
      await this.outbox.enqueue(manager, JobName.MailContributor, { contributionId: id });
      await this.audit.record(
        {
          action: status === 'accepted' ? 'contribution.accept' : 'contribution.reject', entityType: 'person', entityId: rows[0].person_id,
          before: { status: 'pending' }, after: { status, contributionId: id, factId: outcome.factId, reason: outcome.rejection },
        },
        manager,
      );
    });
  }

  /** The worker's check of a scan: the same safety checks as a case's evidence. Idempotent: a checked scan is left alone. */
  async checkScan(id: string): Promise<ContributionScanState | null> {
    const [row] = await this.dataSource.query(`SELECT person_id, scan_sha256, scan_mime, scan_state FROM contributions WHERE id = $1`, [id]);
    if (!row || row.scan_state !== 'pending') return row?.scan_state ?? null;
    const verdict = await this.storage.withLocalPath(row.scan_sha256 as string, async (path): Promise<{ state: ContributionScanState; reason: Coded }> => {
      const detected = await sniffFile(path);
      if (detected !== row.scan_mime) return { state: 'quarantined', reason: detected ? { code: 'check.sniff_mismatch', params: { declared: row.scan_mime, detected } } : { code: 'check.sniff_unrecognised', params: { declared: row.scan_mime } } };
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
      const actual = hash.digest('hex');
      if (actual !== row.scan_sha256) return { state: 'quarantined', reason: { code: 'check.checksum_mismatch', params: { actual, expected: row.scan_sha256 } } };
      const { host, port } = this.config.clamav;
      if (host) {
        const found = await clamdScan(host, port, createReadStream(path));
        if (found) return { state: 'quarantined', reason: { code: 'check.malware_found', params: { signature: found } } };
      }
      if (row.scan_mime === 'application/pdf') {
        const features = await pdfActiveContent(path);
        if (features.length) return { state: 'quarantined', reason: { code: 'check.active_content_found', params: { features } } };
      }
      return { state: 'passed', reason: host ? { code: 'check.malware_clean', params: {} } : { code: 'check.malware_not_configured', params: {} } };
    });
    await this.dataSource.transaction(async (manager) => {
      const [, affected] = await manager.query(
        `UPDATE contributions SET scan_state = $2, scan_reason_code = $3, scan_reason_params = $4 WHERE id = $1 AND scan_state = 'pending'`,
        [id, verdict.state, verdict.reason.code, JSON.stringify(verdict.reason.params)],
      );
      if (affected && verdict.state === 'quarantined') {
        await this.audit.record(
          { action: 'contribution.scan_quarantine', entityType: 'person', entityId: row.person_id, actorId: null, actorRole: 'system', details: { contributionId: id, reason: renderCode(verdict.reason.code, verdict.reason.params as never) } },
          manager,
        );
      }
    });
    return verdict.state;
  }

  /** Tells the contributor the outcome, at most once (a second run finds it mailed). Answers whether this run sent it. */
  async mailOutcome(id: string): Promise<boolean> {
    const [rows]: [Array<{ contributor_email: string; language: 'kk' | 'ru' | 'en'; status: ContributionStatus; rejection: ContributionRejection | null; person_id: string }>, number] =
      await this.dataSource.query(
        `UPDATE contributions SET mailed_at = now() WHERE id = $1 AND mailed_at IS NULL AND status <> 'pending'
         RETURNING contributor_email, language, status, rejection, person_id`,
        [id],
      );
    const row = rows[0];
    if (!row || !this.mailer.enabled) return false;
    const personUrl = `${this.config.publicSite.url}${publicBookPath}/${row.person_id}?lang=${row.language}`;
    await this.mailer.send({ to: row.contributor_email, ...contributionMail(row.language, row.rejection ? contributionRejectionCode(row.rejection) : null, personUrl) });
    return true;
  }
}
