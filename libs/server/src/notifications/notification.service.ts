import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, type Role } from '@aqtalu/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxService } from '../outbox/outbox.service.js';
import { MailerService } from './mailer.service.js';
import { notificationMail } from './notification-mail.js';
import { NotificationEntity } from './notification.entity.js';
import { sqlRows } from '../database/sql.js';

/**
 * Who is told: the active users matching every given part — roles; the working group of a case's region;
 * the liaisons of an archive, or of every archive a case has asked. `except` leaves out one user (the actor).
 * The one place that says who receives what, so a disabled account is never notified anywhere.
 */
export interface NotificationAudience {
  roles?: readonly Role[];
  /** The users of this region (working groups are regional). */
  regionId?: string;
  /** The users of the region of this case. */
  regionOfCase?: string;
  /** The liaisons of this archive. */
  archiveId?: string;
  /** The liaisons of the archives this case sent requests to. */
  archivesOfCase?: string;
  except?: string;
}

export interface NotificationView {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  createdAt: Date;
  deliveredAt: Date | null;
  readAt: Date | null;
}

export const notificationSortColumns = { id: 'n.id', createdAt: 'n.created_at', readAt: 'n.read_at', kind: 'n.kind' } as const;
const notificationColumns = 'n.id, n.kind, n.params, n.created_at AS "createdAt", n.delivered_at AS "deliveredAt", n.read_at AS "readAt"';

@Injectable()
export class NotificationService {
  private readonly logger = new Logger(NotificationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly mailer: MailerService,
  ) {}

  /** The ids of the active users in the audience, in a stable order. */
  async recipients(manager: EntityManager, audience: NotificationAudience): Promise<string[]> {
    const params: unknown[] = [];
    const where = ['u.disabled_at IS NULL'];
    if (audience.roles) where.push(`u.role = ANY($${params.push(audience.roles)})`);
    if (audience.regionId) where.push(`u.region_id = $${params.push(audience.regionId)}`);
    if (audience.regionOfCase) where.push(`u.region_id = (SELECT region_id FROM cases WHERE id = $${params.push(audience.regionOfCase)})`);
    if (audience.archiveId) where.push(`u.archive_id = $${params.push(audience.archiveId)}`);
    if (audience.archivesOfCase) where.push(`u.archive_id IN (SELECT archive_id FROM archive_requests WHERE case_id = $${params.push(audience.archivesOfCase)})`);
    if (audience.except) where.push(`u.id <> $${params.push(audience.except)}`);
    const rows: Array<{ id: string }> = await manager.query(`SELECT u.id FROM users u WHERE ${where.join(' AND ')} ORDER BY u.id`, params);
    return rows.map((row) => row.id);
  }

  /** Notifies every user of the audience; answers their ids. */
  async notifyAudience(manager: EntityManager, audience: NotificationAudience, kind: string, params: Record<string, unknown> = {}): Promise<string[]> {
    const users = await this.recipients(manager, audience);
    for (const userId of users) await this.notify(manager, userId, kind, params);
    return users;
  }

  /** Records a notification and its delivery job in the caller's transaction. */
  async notify(manager: EntityManager, userId: string, kind: string, params: Record<string, unknown> = {}): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO notifications (user_id, kind, params) VALUES ($1, $2, $3) RETURNING id`,
      [userId, kind, params],
    );
    const notificationId = rows[0]!.id;
    await this.outbox.enqueue(manager, JobName.DeliverNotification, { notificationId });
    return notificationId;
  }

  /**
   * Delivers one notification, and e-mails it when SMTP is configured. Safe to run twice: only the run
   * that sets delivered_at sends, so an e-mail goes out at most once (a failed send is logged, not retried).
   * Returns whether this run delivered it.
   */
  async deliver(notificationId: string): Promise<boolean> {
    const rows = await sqlRows<{ id: string; kind: string; params: Record<string, unknown>; email: string; disabled: boolean }>(
      this.dataSource,
      `UPDATE notifications n SET delivered_at = now() FROM users u
       WHERE n.id = $1 AND n.delivered_at IS NULL AND u.id = n.user_id
       RETURNING n.id, n.kind, n.params, u.email, u.disabled_at IS NOT NULL AS disabled`,
      [notificationId],
    );
    const delivered = rows[0];
    if (!delivered) return false;
    this.logger.log(`notification ${notificationId} delivered`);
    if (this.mailer.enabled && !delivered.disabled) {
      try {
        await this.mailer.send({ to: delivered.email, ...notificationMail(delivered.kind, delivered.params) });
        this.logger.log(`notification ${notificationId} e-mailed`);
      } catch (error) {
        this.logger.error(`notification ${notificationId} not e-mailed: ${(error as Error).message}`);
      }
    }
    return true;
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return count as number;
  }

  /** Marks the user's own notifications read (all of them when no ids are given). */
  async markRead(userId: string, ids?: string[]): Promise<number> {
    const rows = await sqlRows<{ id: string }>(
      this.dataSource,
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2)) RETURNING id`,
      [userId, ids ?? null],
    );
    return rows.length;
  }

  /** One page of the user's own notifications (never another's: the user is in every query). */
  async list(userId: string, page: { offset: number; limit: number; sort: keyof typeof notificationSortColumns; order: 'ASC' | 'DESC'; ids?: string[]; unread?: boolean; kind?: string }): Promise<{ rows: NotificationView[]; total: number }> {
    const params: unknown[] = [userId];
    const where = ['n.user_id = $1'];
    if (page.ids) where.push(`n.id = ANY($${params.push(page.ids)}::uuid[])`);
    if (page.unread !== undefined) where.push(page.unread ? 'n.read_at IS NULL' : 'n.read_at IS NOT NULL');
    if (page.kind) where.push(`n.kind = $${params.push(page.kind)}`);
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM notifications n WHERE ${whereSql}`, params);
    const rows: NotificationView[] = await this.dataSource.query(
      `SELECT ${notificationColumns} FROM notifications n WHERE ${whereSql}
       ORDER BY ${notificationSortColumns[page.sort]} ${page.order === 'ASC' ? 'ASC' : 'DESC'} NULLS FIRST, n.id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.limit],
    );
    return { rows, total: total as number };
  }

  /** One of the user's own notifications; another user's is as absent as one that does not exist. */
  async getOwn(userId: string, id: string): Promise<NotificationView | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row]: NotificationView[] = await this.dataSource.query(`SELECT ${notificationColumns} FROM notifications n WHERE n.user_id = $1 AND n.id = $2`, [userId, id]);
    return row ?? null;
  }

  listFor(userId: string, limit = 50): Promise<NotificationEntity[]> {
    return this.dataSource.getRepository(NotificationEntity).find({
      where: { userId },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }
}
