import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseAction, CaseStatus, commissionRoles, DecisionOutcome, Permission, VoteChoice, type SessionUser } from '@aqtalu/contracts';
import { caseActions, evaluateQuorum } from '@aqtalu/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CodedException } from '../errors/coded.exception.js';
import { sqlRows } from '../database/sql.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CaseAccess } from '../cases/case-access.service.js';
import { CaseRules } from '../cases/case-rules.service.js';
import { CaseRepository } from '../cases/case.repository.js';
import { CaseService } from '../cases/case.service.js';
import { actorOf, caseScopeCondition } from '../cases/case-scope.js';
import { ConclusionService } from '../cases/conclusion.service.js';
import { renderCommissionProtocol, type ProtocolItem } from '../documents/index.js';
import { NotificationService } from '../notifications/notification.service.js';
import { commissionName } from './certificate.service.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;


/** A case the secretary may put on an agenda, with its subjects' names. */
export interface AgendaCandidate {
  id: string;
  number: string;
  regionCode: string;
  categoryCode: string;
  recommendation: string;
  subjects: string[];
}

/** A vote waiting for a commission member. */
export interface PendingVote {
  sessionId: string;
  sessionNumber: string;
  sessionDate: string;
  caseId: string;
  caseNumber: string;
  /** Recorded as present at the session (only those present vote). */
  present: boolean;
  subjects: string[];
}

/** Commission sessions: the secretary prepares them, members vote, the chair decides (through the case workflow). */
@Injectable()
export class CommissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly cases: CaseRepository,
    private readonly caseService: CaseService,
    private readonly conclusions: ConclusionService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rules: CaseRules,
  ) {}

  async createSession(user: SessionUser, input: { date: string; place?: string; number?: string }) {
    const id = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('aqtalu:session-number'))`);
      // the next number after the highest of the year, so a number typed by hand never blocks the sequence
      const year = input.date.slice(0, 4);
      const [{ next }] = await manager.query(
        `SELECT coalesce(max((regexp_match(number, '^' || $1 || '/([0-9]+)$'))[1]::int), 0) + 1 AS next FROM commission_sessions`,
        [year],
      );
      const number = input.number ?? `${year}/${next}`;
      const [exists] = await manager.query(`SELECT 1 FROM commission_sessions WHERE number = $1`, [number]);
      if (exists) throw new CodedException(HttpStatus.CONFLICT, 'commission.session_number_taken', { number });
      const [created] = await manager.query(
        `INSERT INTO commission_sessions (number, session_date, place, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [number, input.date, input.place ?? null, user.id],
      );
      await this.notifications.notifyAudience(manager, { roles: commissionRoles }, 'commission.session_planned', { sessionId: created.id, date: input.date });
      await this.audit.record({ action: 'commission_session.create', entityType: 'commission_session', entityId: created.id, before: null, after: { number, date: input.date, place: input.place ?? null } }, manager);
      return created.id as string;
    });
    return this.get(id);
  }

  async list(page: { offset: number; limit: number; sort?: 'date' | 'id'; order?: 'ASC' | 'DESC'; ids?: string[] }) {
    const where = page.ids ? 'WHERE s.id = ANY($1::uuid[])' : '';
    const params: unknown[] = page.ids ? [page.ids] : [];
    const order = page.order === 'ASC' ? 'ASC' : 'DESC';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM commission_sessions s ${where}`, params);
    const rows = await this.dataSource.query(
      `SELECT s.id, s.number, to_char(s.session_date, 'YYYY-MM-DD') AS date, s.place,
              (SELECT count(*)::int FROM agenda_items ai WHERE ai.session_id = s.id) AS "agendaSize"
       FROM commission_sessions s ${where}
       ORDER BY ${page.sort === 'id' ? `s.id ${order}` : `s.session_date ${order}, s.number ${order}, s.id`} OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    return { rows, total: total as number };
  }

  /** The session with attendance, quorum and each agenda item's votes. */
  async get(id: string) {
    if (!uuid.test(id)) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'commission_session', id });
    const [session] = await this.dataSource.query(
      `SELECT id, number, to_char(session_date, 'YYYY-MM-DD') AS date, place, version FROM commission_sessions WHERE id = $1`,
      [id],
    );
    if (!session) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'commission_session', id });
    const attendance = await this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS name, u.role, coalesce(sa.present, false) AS present
       FROM users u LEFT JOIN session_attendance sa ON sa.user_id = u.id AND sa.session_id = $1
       WHERE u.role = ANY($2) AND u.disabled_at IS NULL ORDER BY u.role DESC, u.display_name`,
      [id, commissionRoles],
    );
    const present = attendance.filter((member: { present: boolean }) => member.present).length;
    const agenda = await this.dataSource.query(
      `SELECT ai.id, ai.position, ai.case_id AS "caseId", c.number AS "caseNumber", c.status AS "caseStatus",
              coalesce((SELECT json_agg(coalesce(p.name_kk, p.name_ru) ORDER BY s.position) FROM case_subjects s JOIN persons p ON p.id = s.person_id
                        WHERE s.case_id = c.id), '[]') AS subjects,
              coalesce((SELECT json_agg(json_build_object('memberId', v.member_id, 'name', u.display_name, 'choice', v.choice, 'dissentingOpinion', v.dissenting_opinion) ORDER BY u.display_name)
                        FROM votes v JOIN users u ON u.id = v.member_id WHERE v.agenda_item_id = ai.id), '[]') AS votes,
              (SELECT json_build_object('number', d.number, 'outcome', d.outcome, 'reasons', d.reasons) FROM decisions d WHERE d.agenda_item_id = ai.id) AS decision
       FROM agenda_items ai JOIN cases c ON c.id = ai.case_id WHERE ai.session_id = $1 ORDER BY ai.position`,
      [id],
    );
    const quorum = (votesCast: number) => evaluateQuorum({ totalMembers: attendance.length, present, votesCast }, this.config.quorum);
    return {
      ...session,
      attendance,
      totalMembers: attendance.length,
      present,
      agenda: agenda.map((item: { votes: unknown[] }) => ({ ...item, quorum: quorum(item.votes.length) })),
    };
  }

  /** The session's protocol in Kazakh and Russian: agenda, attendance, votes, decisions. */
  async protocol(sessionId: string): Promise<{ number: string; pdf: Buffer }> {
    const session = await this.get(sessionId);
    const items: ProtocolItem[] = [];
    for (const item of session.agenda as Array<{ caseId: string; caseNumber: string; votes: Array<{ name: string; choice: VoteChoice; dissentingOpinion: string | null }>; decision: { outcome: DecisionOutcome; reasons: string } | null; id: string }>) {
      const subjects: Array<{ name: string }> = await this.dataSource.query(
        `SELECT coalesce(p.name_kk, p.name_ru) AS name FROM case_subjects s JOIN persons p ON p.id = s.person_id WHERE s.case_id = $1 ORDER BY s.position`,
        [item.caseId],
      );
      const conclusion = await this.conclusions.view(item.caseId);
      const exceptions: Array<{ subject: string; outcome: DecisionOutcome; reason: string }> = await this.dataSource.query(
        `SELECT coalesce(p.name_kk, p.name_ru) AS subject, de.outcome, de.reason FROM decision_exceptions de
         JOIN decisions d ON d.id = de.decision_id JOIN case_subjects s ON s.id = de.subject_id JOIN persons p ON p.id = s.person_id
         WHERE d.agenda_item_id = $1`,
        [item.id],
      );
      items.push({
        caseNumber: item.caseNumber,
        subjects: subjects.map((subject) => subject.name),
        conclusionSummaryRu: conclusion?.reasoning,
        recommendation: conclusion?.recommendation ?? 'insufficient_evidence',
        votes: item.votes.map((vote) => ({ name: vote.name, vote: vote.choice, dissentingOpinion: vote.dissentingOpinion })),
        decision: item.decision
          ? { outcome: item.decision.outcome, reasons: item.decision.reasons, exceptions }
          : null,
      });
    }
    const [people] = await this.dataSource.query(
      `SELECT (SELECT display_name FROM users WHERE id = s.created_by) AS secretary,
              (SELECT display_name FROM users WHERE role = 'chair' AND disabled_at IS NULL ORDER BY created_at LIMIT 1) AS chair
       FROM commission_sessions s WHERE s.id = $1`,
      [sessionId],
    );
    const quorum = evaluateQuorum({ totalMembers: session.totalMembers, present: session.present, votesCast: session.present }, this.config.quorum);
    const pdf = await renderCommissionProtocol({
      sessionNumber: session.number,
      date: session.date,
      place: session.place,
      commissionNameKk: commissionName.kk,
      commissionNameRu: commissionName.ru,
      attendance: (session.attendance as Array<{ name: string; role: 'chair' | 'commission_member'; present: boolean }>).map((a) => ({ name: a.name, role: a.role, present: a.present })),
      totalMembers: session.totalMembers,
      quorum: { reached: quorum.reached, present: session.present, required: quorum.requiredPresent },
      items,
      secretaryName: people?.secretary ?? '',
      chairName: people?.chair ?? '',
    });
    await this.audit.record({ action: 'commission_session.protocol', entityType: 'commission_session', entityId: sessionId });
    return { number: session.number, pdf };
  }

  /** The secretary records who is present; only they vote. */
  async setAttendance(user: SessionUser, sessionId: string, presentUserIds: string[]) {
    await this.get(sessionId);
    await this.dataSource.transaction(async (manager) => {
      const members = (await this.notifications.recipients(manager, { roles: commissionRoles })).map((id) => ({ id }));
      const memberIds = new Set(members.map((m) => m.id));
      const strangers = presentUserIds.filter((id) => !memberIds.has(id));
      if (strangers.length) throw new CodedException(HttpStatus.BAD_REQUEST, 'commission.not_members', { ids: strangers });
      for (const member of members) {
        await manager.query(
          `INSERT INTO session_attendance (session_id, user_id, present) VALUES ($1, $2, $3)
           ON CONFLICT (session_id, user_id) DO UPDATE SET present = EXCLUDED.present`,
          [sessionId, member.id, presentUserIds.includes(member.id)],
        );
      }
      await this.audit.record({ action: 'commission_session.attendance', entityType: 'commission_session', entityId: sessionId, details: { present: presentUserIds } }, manager);
    });
    return this.get(sessionId);
  }

  /** Puts a case awaiting the commission, with a valid signed conclusion, on the session's agenda. */
  async addToAgenda(user: SessionUser, sessionId: string, caseId: string) {
    await this.get(sessionId);
    const caseRow = await this.access.require(user, caseId, Permission.CasesRead);
    // awaiting the commission, a valid signed conclusion, on no agenda yet: the lifecycle table says
    await this.rules.assert(user, caseRow, CaseAction.PutOnAgenda, this.dataSource.manager);
    await this.dataSource.transaction(async (manager) => {
      await this.rules.assert(user, await this.cases.lockCase(manager, caseId), CaseAction.PutOnAgenda, manager);
      const [{ position }] = await manager.query(`SELECT coalesce(max(position), 0) + 1 AS position FROM agenda_items WHERE session_id = $1`, [sessionId]);
      await manager.query(`INSERT INTO agenda_items (session_id, case_id, position) VALUES ($1, $2, $3)`, [sessionId, caseId, position]);
      await this.caseService.event(manager, caseId, user.id, 'placed_on_agenda', { sessionId });
      await this.audit.record({ action: 'commission_session.agenda_add', entityType: 'case', entityId: caseId, details: { sessionId } }, manager);
    });
    return this.get(sessionId);
  }

  /**
   * The cases the secretary may put on this session's agenda: awaiting the commission (the lifecycle's state
   * for putting on an agenda), with a conclusion signed for the case as it is, on no agenda awaiting its
   * decision; with the subjects' names. Within the caller's scope; audited as a read of the cases.
   */
  async agendaCandidates(user: SessionUser, sessionId: string): Promise<AgendaCandidate[]> {
    await this.get(sessionId);
    const params: unknown[] = [Object.values(CaseStatus).filter((state) => caseActions[CaseAction.PutOnAgenda].states[state])];
    const scope = caseScopeCondition(actorOf(user), params);
    const rows: AgendaCandidate[] = await this.dataSource.query(
      `SELECT c.id, c.number, r.code AS "regionCode", c.category_code AS "categoryCode", k.recommendation,
              coalesce((SELECT json_agg(coalesce(p.name_kk, p.name_ru) ORDER BY s.position) FROM case_subjects s JOIN persons p ON p.id = s.person_id
                        WHERE s.case_id = c.id), '[]') AS subjects
       FROM cases c JOIN regions r ON r.id = c.region_id
       JOIN conclusions k ON k.case_id = c.id AND k.signed_at IS NOT NULL AND k.signed_case_version = c.content_version
       WHERE c.status = ANY($1) AND ${scope}
         AND NOT EXISTS (SELECT 1 FROM agenda_items ai WHERE ai.case_id = c.id AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.agenda_item_id = ai.id))
       ORDER BY c.updated_at, c.number
       LIMIT 200`,
      params,
    );
    await this.audit.record({ action: 'commission_session.read_candidates', entityType: 'commission_session', entityId: sessionId, details: { returned: rows.length } });
    return rows;
  }

  /**
   * The votes waiting for this member: cases on an agenda awaiting their decision, on which the member has
   * not voted and whose conclusion they did not write (four eyes), with the session and the subjects' names.
   */
  async pendingVotes(user: SessionUser): Promise<PendingVote[]> {
    const rows: PendingVote[] = await this.dataSource.query(
      `SELECT s.id AS "sessionId", s.number AS "sessionNumber", to_char(s.session_date, 'YYYY-MM-DD') AS "sessionDate",
              c.id AS "caseId", c.number AS "caseNumber", coalesce(sa.present, false) AS present,
              coalesce((SELECT json_agg(coalesce(p.name_kk, p.name_ru) ORDER BY cs.position) FROM case_subjects cs JOIN persons p ON p.id = cs.person_id
                        WHERE cs.case_id = c.id), '[]') AS subjects
       FROM agenda_items ai JOIN commission_sessions s ON s.id = ai.session_id JOIN cases c ON c.id = ai.case_id
       LEFT JOIN session_attendance sa ON sa.session_id = s.id AND sa.user_id = $1
       LEFT JOIN conclusions k ON k.case_id = c.id
       WHERE c.status = $2
         AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.agenda_item_id = ai.id)
         AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.agenda_item_id = ai.id AND v.member_id = $1)
         AND k.author_id IS DISTINCT FROM $1
       ORDER BY s.session_date, s.number, ai.position
       LIMIT 100`,
      [user.id, CaseStatus.CommissionReview],
    );
    await this.audit.record({ action: 'commission.read_pending_votes', details: { returned: rows.length } });
    return rows;
  }

  /** A present member votes on a case; its conclusion's author never does (four eyes). One vote each, changeable until decided. */
  async vote(user: SessionUser, sessionId: string, caseId: string, choice: VoteChoice, dissentingOpinion?: string) {
    const caseRow = await this.access.require(user, caseId, Permission.CommissionVote);
    await this.rules.assert(user, caseRow, CaseAction.Vote, this.dataSource.manager);
    const agenda = await this.cases.currentAgenda(caseId);
    if (!agenda || agenda.sessionId !== sessionId) throw new CodedException(HttpStatus.CONFLICT, 'commission.not_on_this_agenda');
    const conclusion = await this.conclusions.view(caseId);
    if (conclusion) {
      await this.access.check(user, Permission.CommissionVote, { type: 'conclusion', authorId: conclusion.authorId, case: await this.cases.facts(caseRow) }, 'conclusion', conclusion.id);
    }
    const [attendance] = await this.dataSource.query(`SELECT present FROM session_attendance WHERE session_id = $1 AND user_id = $2`, [sessionId, user.id]);
    if (!attendance?.present) throw new CodedException(HttpStatus.FORBIDDEN, 'commission.vote_not_present');
    await this.dataSource.transaction(async (manager) => {
      // the chair's decision locks the same row: a vote never lands after the decision
      await this.cases.lockCase(manager, caseId);
      const current = await this.cases.currentAgenda(caseId, manager);
      if (!current || current.agendaItemId !== agenda.agendaItemId) throw new CodedException(HttpStatus.CONFLICT, 'commission.vote_closed');
      // the same vote again writes nothing and is not audited again; a changed vote is
      const written = await sqlRows<{ memberId: string }>(
        manager,
        `INSERT INTO votes AS v (agenda_item_id, member_id, choice, dissenting_opinion) VALUES ($1, $2, $3, $4)
         ON CONFLICT (agenda_item_id, member_id) DO UPDATE SET choice = EXCLUDED.choice, dissenting_opinion = EXCLUDED.dissenting_opinion, cast_at = now()
           WHERE v.choice IS DISTINCT FROM EXCLUDED.choice OR v.dissenting_opinion IS DISTINCT FROM EXCLUDED.dissenting_opinion
         RETURNING member_id AS "memberId"`,
        [agenda.agendaItemId, user.id, choice, dissentingOpinion?.trim() || null],
      );
      if (written.length === 0) return;
      await this.audit.record({ action: 'commission.vote', entityType: 'case', entityId: caseId, details: { sessionId, choice } }, manager);
    });
    return this.get(sessionId);
  }
}
