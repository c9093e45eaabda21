import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseStatus, CaseTransition, commissionRoles, DecisionOutcome, JobName, Permission, Role, workingGroupRoles, type CaseTransitionsAnswer, type SessionUser } from '@aqtalu/contracts';
import { availableActions, availableTransitions, decisionOutcomes, decisionTransitions, evaluateTransition, type Audience, type Effect } from '@aqtalu/domain';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CodedException } from '../errors/coded.exception.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { NotificationService } from '../notifications/notification.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { tellOnlineApplicant } from '../public-applications/applicant-mails.js';
import { CaseAccess } from './case-access.service.js';
import { refusalException } from './case-rules.service.js';
import { CaseRepository, type CaseRow } from './case.repository.js';
import { CaseService, type CaseView } from './case.service.js';
import { CollaborationService } from './collaboration.service.js';
import { PublicationService } from '../publication/publication.service.js';

export interface TransitionCommand {
  version: number;
  reason?: string;
  /** For a decision on a group case: persons decided otherwise than the case. */
  exceptions?: Array<{ subjectId: string; outcome: DecisionOutcome; reason: string }>;
}

/**
 * The case workflow in one place: what a user may do with a case now, and doing it — the lifecycle
 * table of libs/domain decides, this service gathers the facts and carries out the effects, all in
 * one transaction with the audit entry.
 */
@Injectable()
export class CaseWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly caseService: CaseService,
    private readonly access: CaseAccess,
    private readonly notifications: NotificationService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly collaboration: CollaborationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The steps of the current state and every action, each allowed or not with the reasons as codes. */
  async available(user: SessionUser, caseId: string): Promise<CaseTransitionsAnswer> {
    const row = await this.access.require(user, caseId, Permission.CasesRead);
    const snapshot = await this.cases.snapshot(row, this.dataSource.manager, this.config.quorum);
    return { version: row.version, status: row.status, transitions: availableTransitions(snapshot, user.role), actions: availableActions(snapshot, user.role) };
  }

  async apply(user: SessionUser, caseId: string, name: CaseTransition, command: TransitionCommand): Promise<CaseView> {
    await this.access.require(user, caseId, Permission.CasesRead);
    const result = await this.dataSource.transaction(async (manager) => {
      const row = await this.cases.lockForWrite(manager, caseId, command.version);
      const snapshot = await this.cases.snapshot(row, manager, this.config.quorum);
      const verdict = evaluateTransition(name, snapshot, user.role, { reason: command.reason });
      if (!verdict.allowed) return { refused: verdict };

      await manager.query(`UPDATE cases SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [caseId, verdict.to]);
      await this.caseService.event(manager, caseId, user.id, 'transition', { transition: name, from: row.status, to: verdict.to, reason: command.reason ?? null });
      const notified = new Set<string>();
      const effects = await this.carryOut(manager, user, row, name, verdict.effects, command, notified);
      const watchersNotified = await this.collaboration.notifyWatchers(manager, { ...row, status: verdict.to }, verdict.to, user.id, notified);
      if (watchersNotified.length) effects.watchersNotified = watchersNotified;
      await this.audit.record(
        {
          action: 'case.transition',
          entityType: 'case',
          entityId: caseId,
          before: { status: row.status, version: row.version },
          after: { status: verdict.to, version: row.version + 1 },
          details: { transition: name, reason: command.reason ?? null, ...effects },
        },
        manager,
      );
      return { refused: null };
    });
    if (result.refused) {
      const reasons = result.refused.reasons;
      await this.audit.record({
        action: 'case.transition', outcome: 'denied', entityType: 'case', entityId: caseId,
        details: { transition: name, reasons: reasons.map((reason) => reason.detail), codes: reasons.map((reason) => reason.code) },
      });
      throw refusalException(result.refused.kind, reasons, `${name} is not possible`);
    }
    // The step may have taken the case out of the actor's sight (a decision leaves the commission's stage).
    return this.caseService.view((await this.cases.findAny(caseId))!);
  }

  /** Carries out the transition's effects; `notified` collects who the audience notifications reached. */
  private async carryOut(manager: EntityManager, user: SessionUser, row: CaseRow, name: CaseTransition, effects: readonly Effect[], command: TransitionCommand, notified: Set<string>) {
    const summary: Record<string, unknown> = {};
    let decisionId: string | null = null;
    for (const effect of effects) {
      switch (effect.kind) {
        case 'record-decision':
          decisionId = await this.recordDecision(manager, user, row, decisionOutcomes[name]!, command);
          summary.decisionId = decisionId;
          break;
        case 'spin-off-exceptions':
          summary.spunOff = await this.spinOffExceptions(manager, user, row, decisionId!);
          break;
        case 'job':
          summary.certificates = await this.prepareCertificates(manager, row, decisionId!);
          break;
        case 'notify':
          for (const id of await this.notify(manager, row, effect.audience, effect.message)) notified.add(id);
          break;
      }
    }
    if (decisionTransitions.has(name) && !decisionId) throw new Error(`decision transition ${name} recorded no decision`);
    return summary;
  }

  /** The chair's decision with reasons; per-person exceptions of a group case are checked against its subjects. */
  private async recordDecision(manager: EntityManager, user: SessionUser, row: CaseRow, outcome: DecisionOutcome, command: TransitionCommand): Promise<string> {
    const agenda = await this.cases.currentAgenda(row.id, manager);
    if (!agenda) throw new CodedException(HttpStatus.CONFLICT, 'case.not_on_agenda');
    const subjects: Array<{ id: string }> = await manager.query(`SELECT id FROM case_subjects WHERE case_id = $1`, [row.id]);
    const subjectIds = new Set(subjects.map((s) => s.id));
    // without exceptions of the chair's own, those marked on the subjects beforehand (a group case's bulk action),
    // except the ones the decision itself already gives
    const exceptions = command.exceptions ?? (
      await manager.query(
        `SELECT id AS "subjectId", exception_outcome AS outcome, exception_reason AS reason FROM case_subjects
         WHERE case_id = $1 AND exception_outcome IS NOT NULL AND exception_outcome <> $2 ORDER BY position`,
        [row.id, outcome],
      )
    ) as NonNullable<TransitionCommand['exceptions']>;
    for (const exception of exceptions) {
      if (!subjectIds.has(exception.subjectId)) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.exception_not_subject', { subjectId: exception.subjectId });
      if (exception.outcome === outcome) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.exception_same_outcome', { subjectId: exception.subjectId });
    }
    if (exceptions.length >= subjectIds.size) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.exceptions_all_subjects');
    // Numbers are counted per year: one numbering at a time, so two decisions never take the same one.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('aqtalu:decision-number'))`);
    const [{ number }] = await manager.query(
      `SELECT 'D-' || extract(year FROM now())::int || '-' || lpad((count(*) + 1)::text, 5, '0') AS number
       FROM decisions WHERE extract(year FROM decided_at) = extract(year FROM now())`,
    );
    const [decision] = await manager.query(
      `INSERT INTO decisions (number, case_id, agenda_item_id, outcome, reasons, decided_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [number, row.id, agenda.agendaItemId, outcome, command.reason!.trim(), user.id],
    );
    await manager.query(`UPDATE case_subjects SET outcome = $2 WHERE case_id = $1`, [row.id, outcome]);
    for (const exception of exceptions) {
      await manager.query(`INSERT INTO decision_exceptions (decision_id, subject_id, outcome, reason) VALUES ($1, $2, $3, $4)`, [
        decision.id, exception.subjectId, exception.outcome, exception.reason,
      ]);
      await manager.query(`UPDATE case_subjects SET outcome = $2 WHERE id = $1`, [exception.subjectId, exception.outcome]);
    }
    return decision.id as string;
  }

  /** A person returned for more evidence gets a case of their own, back in archive verification. */
  private async spinOffExceptions(manager: EntityManager, user: SessionUser, row: CaseRow, decisionId: string): Promise<string[]> {
    const returned: Array<{ exception_id: string; person_id: string }> = await manager.query(
      `SELECT de.id AS exception_id, s.person_id FROM decision_exceptions de JOIN case_subjects s ON s.id = de.subject_id
       WHERE de.decision_id = $1 AND de.outcome = $2`,
      [decisionId, DecisionOutcome.ReturnedForEvidence],
    );
    const created: string[] = [];
    for (const exception of returned) {
      const number = await this.caseService.allocateNumber(manager, row.regionId, row.regionCode);
      const [spun] = await manager.query(
        `INSERT INTO cases (number, region_id, category_code, status, summary, is_group, applicant_kind, applicant_name, applicant_kinship,
           applicant_kinship_proof, applicant_email, applicant_phone, applicant_address, parent_case_id, created_by)
         SELECT $2, region_id, category_code, $3, summary, false, applicant_kind, applicant_name, applicant_kinship, applicant_kinship_proof,
                applicant_email, applicant_phone, applicant_address, id, $4
         FROM cases WHERE id = $1 RETURNING id`,
        [row.id, number, CaseStatus.ArchiveVerification, user.id],
      );
      await manager.query(`INSERT INTO case_subjects (case_id, person_id, position) VALUES ($1, $2, 0)`, [spun.id, exception.person_id]);
      await manager.query(`UPDATE decision_exceptions SET spun_off_case_id = $2 WHERE id = $1`, [exception.exception_id, spun.id]);
      await this.caseService.event(manager, spun.id, user.id, 'created_from_exception', { parentCaseId: row.id, parentNumber: row.number });
      await this.caseService.event(manager, row.id, user.id, 'exception_spun_off', { caseId: spun.id, number });
      created.push(spun.id as string);
    }
    return created;
  }

  /** One certificate per rehabilitated person, rendered by the worker; the job goes through the outbox. */
  private async prepareCertificates(manager: EntityManager, row: CaseRow, decisionId: string): Promise<number> {
    const persons: Array<{ person_id: string }> = await manager.query(
      `SELECT person_id FROM case_subjects WHERE case_id = $1 AND outcome = $2`,
      [row.id, DecisionOutcome.Rehabilitated],
    );
    for (const person of persons) {
      const code = randomBytes(10).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12).toUpperCase();
      const [{ number }] = await manager.query(`SELECT 'C-' || $1::text || '-' || lpad((count(*) + 1)::text, 3, '0') AS number FROM certificates WHERE case_id = $2`, [row.number, row.id]);
      await manager.query(
        `INSERT INTO certificates (number, verification_code, case_id, person_id, decision_id) VALUES ($1, $2, $3, $4, $5)`,
        [number, code, row.id, person.person_id, decisionId],
      );
      await manager.query(`UPDATE persons SET rehabilitated_on = current_date, version = version + 1 WHERE id = $1`, [person.person_id]);
      // the Book of Memory publishes a rehabilitated person at once (an editor may narrow the fields or withdraw)
      await PublicationService.publishOnRehabilitation(manager, person.person_id, null);
    }
    await this.outbox.enqueue(manager, JobName.RenderCertificates, { caseId: row.id });
    return persons.length;
  }

  /** Returns the ids of the users notified. */
  private async notify(manager: EntityManager, row: CaseRow, audience: Audience, message: string): Promise<string[]> {
    const params = { caseId: row.id, caseNumber: row.number };
    switch (audience) {
      case 'working_group':
        return this.notifications.notifyAudience(manager, { roles: workingGroupRoles, regionId: row.regionId }, message, params);
      case 'secretary':
        return this.notifications.notifyAudience(manager, { roles: [Role.Secretary] }, message, params);
      case 'commission':
        return this.notifications.notifyAudience(manager, { roles: commissionRoles }, message, params);
      case 'liaisons':
        return this.notifications.notifyAudience(manager, { archivesOfCase: row.id }, message, params);
      case 'applicant':
        // Applicants have no account: one who applied online is e-mailed (public-applications), no user is notified.
        await tellOnlineApplicant(manager, this.outbox, row.id, message);
        return [];
    }
  }
}
