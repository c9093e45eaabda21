import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Permission, Role, type SessionUser } from '@aqtalu/contracts';
import { authorize } from '@aqtalu/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { sqlRows } from '../database/sql.js';
import { StaleVersionException } from '../database/stale-version.exception.js';
import { CodedException } from '../errors/coded.exception.js';
import { NotificationService } from '../notifications/notification.service.js';
import { CaseAccess } from './case-access.service.js';
import { CaseRepository, type CaseRow } from './case.repository.js';
import { CaseService } from './case.service.js';

const mentionPattern = /@([a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,})/gi;

export interface CaseWatcherView {
  userId: string;
  displayName: string;
  email: string;
  since: Date;
}

/** Comments with @mentions and tasks: the working conversation around a case. */
@Injectable()
export class CollaborationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly cases: CaseRepository,
    private readonly caseService: CaseService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  /** Mentioned people are notified only if they may see the case; a mention never opens a case to anyone. */
  async comment(user: SessionUser, caseId: string, body: string) {
    const caseRow = await this.access.require(user, caseId, Permission.CasesUpdate);
    const emails = [...new Set([...body.matchAll(mentionPattern)].map((match) => match[1]!.toLowerCase()))];
    const mentioned: Array<{ id: string; role: Role; region_code: string | null; archive_code: string | null; email: string }> = emails.length
      ? await this.dataSource.query(
          `SELECT u.id, u.role, u.email, r.code AS region_code, a.code AS archive_code FROM users u
           LEFT JOIN regions r ON r.id = u.region_id LEFT JOIN archives a ON a.id = u.archive_id
           WHERE u.email = ANY($1) AND u.disabled_at IS NULL`,
          [emails],
        )
      : [];
    const unknown = emails.filter((email) => !mentioned.some((m) => m.email === email));
    if (unknown.length) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.mentions_unknown', { emails: unknown });
    const facts = await this.cases.facts(caseRow);
    const reachable = mentioned.filter((m) =>
      authorize({ id: m.id, role: m.role, regionCode: m.region_code, archiveCode: m.archive_code }, Permission.CasesRead, { type: 'case', ...facts }).allowed,
    );
    const id = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query(`INSERT INTO case_comments (case_id, author_id, body, mentions) VALUES ($1, $2, $3, $4) RETURNING id`, [
        caseId, user.id, body.trim(), reachable.map((m) => m.id),
      ]);
      for (const person of reachable) {
        if (person.id !== user.id) await this.notifications.notify(manager, person.id, 'comment.mention', { caseId, caseNumber: caseRow.number, commentId: created.id, by: user.displayName });
      }
      await this.caseService.event(manager, caseId, user.id, 'comment', { commentId: created.id });
      await this.audit.record({ action: 'case.comment', entityType: 'case', entityId: caseId, details: { commentId: created.id, mentions: reachable.map((m) => m.id) } }, manager);
      return created.id as string;
    });
    const notNotified = mentioned.filter((m) => !reachable.includes(m)).map((m) => m.email);
    return { id, mentioned: reachable.map((m) => m.email), notNotified };
  }

  async comments(user: SessionUser, caseId: string) {
    await this.access.require(user, caseId, Permission.CasesRead, undefined, 'case.read_comments');
    return this.dataSource.query(
      `SELECT c.id, c.body, c.author_id AS "authorId", u.display_name AS "authorName", c.mentions, c.created_at AS "createdAt"
       FROM case_comments c JOIN users u ON u.id = c.author_id WHERE c.case_id = $1 ORDER BY c.created_at`,
      [caseId],
    );
  }

  async addTask(user: SessionUser, caseId: string, input: { title: string; assigneeId: string; dueDate?: string }) {
    const caseRow = await this.access.require(user, caseId, Permission.CasesUpdate);
    const [assignee] = /^[0-9a-f-]{36}$/i.test(input.assigneeId)
      ? await this.dataSource.query(
          `SELECT u.id, u.role, r.code AS region_code, a.code AS archive_code FROM users u LEFT JOIN regions r ON r.id = u.region_id
           LEFT JOIN archives a ON a.id = u.archive_id WHERE u.id = $1 AND u.disabled_at IS NULL`,
          [input.assigneeId],
        )
      : [];
    if (!assignee) throw new CodedException(HttpStatus.BAD_REQUEST, 'case.assignee_unknown', { id: input.assigneeId });
    const facts = await this.cases.facts(caseRow);
    if (!authorize({ id: assignee.id, role: assignee.role, regionCode: assignee.region_code, archiveCode: assignee.archive_code }, Permission.CasesRead, { type: 'case', ...facts }).allowed) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'case.assignee_cannot_see');
    }
    return this.dataSource.transaction(async (manager) => {
      const [task] = await manager.query(
        `INSERT INTO case_tasks (case_id, title, assignee_id, due_date, created_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, title, assignee_id AS "assigneeId", to_char(due_date, 'YYYY-MM-DD') AS "dueDate", done_at AS "doneAt", version`,
        [caseId, input.title.trim(), assignee.id, input.dueDate ?? null, user.id],
      );
      if (assignee.id !== user.id) await this.notifications.notify(manager, assignee.id, 'task.assigned', { caseId, caseNumber: caseRow.number, taskId: task.id, title: task.title });
      await this.audit.record({ action: 'case.task_create', entityType: 'case', entityId: caseId, after: { taskId: task.id, title: task.title, assigneeId: assignee.id } }, manager);
      return task;
    });
  }

  async tasks(user: SessionUser, caseId: string) {
    await this.access.require(user, caseId, Permission.CasesRead, undefined, 'case.read_tasks');
    return this.dataSource.query(
      `SELECT t.id, t.title, t.assignee_id AS "assigneeId", u.display_name AS "assigneeName", to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate",
              t.done_at AS "doneAt", t.version FROM case_tasks t JOIN users u ON u.id = t.assignee_id WHERE t.case_id = $1 ORDER BY t.created_at`,
      [caseId],
    );
  }

  /** Marks a task done (or not); the assignee or anyone who may work the case. */
  async setTaskDone(user: SessionUser, taskId: string, done: boolean, version: number) {
    const [task] = /^[0-9a-f-]{36}$/i.test(taskId) ? await this.dataSource.query(`SELECT case_id FROM case_tasks WHERE id = $1`, [taskId]) : [];
    if (!task) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'task', id: taskId });
    await this.access.require(user, task.case_id, Permission.CasesUpdate);
    await this.dataSource.transaction(async (manager) => {
      const rows = await sqlRows<{ id: string }>(
        manager,
        `UPDATE case_tasks SET done_at = CASE WHEN $3 THEN now() ELSE NULL END, version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`,
        [taskId, version, done],
      );
      if (rows.length !== 1) throw new StaleVersionException({ entity: 'task', currentVersion: (await manager.query(`SELECT version FROM case_tasks WHERE id = $1`, [taskId]))[0].version });
      await this.audit.record({ action: done ? 'case.task_done' : 'case.task_reopened', entityType: 'case', entityId: task.case_id, details: { taskId } }, manager);
    });
    return (await this.tasks(user, task.case_id)).find((t: { id: string }) => t.id === taskId);
  }

  /** Follows a case the caller may see; watching twice is watching once. */
  async watch(user: SessionUser, caseId: string): Promise<CaseWatcherView[]> {
    await this.access.require(user, caseId, Permission.CasesRead);
    await this.dataSource.transaction(async (manager) => {
      const added = await manager.query(`INSERT INTO case_watchers (case_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`, [caseId, user.id]);
      if (added.length) await this.audit.record({ action: 'case.watch', entityType: 'case', entityId: caseId, details: { userId: user.id } }, manager);
    });
    return this.watcherRows(caseId);
  }

  async unwatch(user: SessionUser, caseId: string): Promise<CaseWatcherView[]> {
    await this.access.require(user, caseId, Permission.CasesRead);
    await this.dataSource.transaction(async (manager) => {
      const removed = await sqlRows(manager, `DELETE FROM case_watchers WHERE case_id = $1 AND user_id = $2 RETURNING user_id`, [caseId, user.id]);
      if (removed.length) await this.audit.record({ action: 'case.unwatch', entityType: 'case', entityId: caseId, details: { userId: user.id } }, manager);
    });
    return this.watcherRows(caseId);
  }

  async watchers(user: SessionUser, caseId: string): Promise<CaseWatcherView[]> {
    await this.access.require(user, caseId, Permission.CasesRead, undefined, 'case.read_watchers');
    return this.watcherRows(caseId);
  }

  /**
   * Tells the case's watchers of a transition, in the transition's transaction: only those who may still
   * see the case in its new status, never the actor, nobody in `alreadyNotified`.
   */
  async notifyWatchers(manager: EntityManager, row: CaseRow, to: string, actorId: string, alreadyNotified: ReadonlySet<string>): Promise<string[]> {
    const watchers: Array<{ id: string; role: Role; region_code: string | null; archive_code: string | null }> = await manager.query(
      `SELECT u.id, u.role, r.code AS region_code, a.code AS archive_code FROM case_watchers w JOIN users u ON u.id = w.user_id
       LEFT JOIN regions r ON r.id = u.region_id LEFT JOIN archives a ON a.id = u.archive_id
       WHERE w.case_id = $1 AND u.disabled_at IS NULL`,
      [row.id],
    );
    const candidates = watchers.filter((w) => w.id !== actorId && !alreadyNotified.has(w.id));
    if (!candidates.length) return [];
    const facts = await this.cases.facts(row, manager);
    const told: string[] = [];
    for (const watcher of candidates) {
      const principal = { id: watcher.id, role: watcher.role, regionCode: watcher.region_code, archiveCode: watcher.archive_code };
      if (!authorize(principal, Permission.CasesRead, { type: 'case', ...facts }).allowed) continue;
      await this.notifications.notify(manager, watcher.id, 'case.transition', { caseId: row.id, caseNumber: row.number, to });
      told.push(watcher.id);
    }
    return told;
  }

  private watcherRows(caseId: string): Promise<CaseWatcherView[]> {
    return this.dataSource.query(
      `SELECT w.user_id AS "userId", u.display_name AS "displayName", u.email, w.created_at AS "since"
       FROM case_watchers w JOIN users u ON u.id = w.user_id WHERE w.case_id = $1 ORDER BY w.created_at, u.display_name`,
      [caseId],
    );
  }
}
