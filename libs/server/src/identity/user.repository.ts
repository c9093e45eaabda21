import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@aqtalu/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from './user.entity.js';

export interface UserWithScope {
  user: UserEntity;
  regionCode: string | null;
  archiveCode: string | null;
}

export function toSessionUser({ user, regionCode, archiveCode }: UserWithScope): SessionUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    regionCode,
    archiveCode,
    totpEnabled: user.totpEnabledAt !== null,
  };
}

export const userSortColumns = {
  email: 'u.email',
  displayName: 'u.display_name',
  role: 'u.role',
  createdAt: 'u.created_at',
  id: 'u.id',
} as const;

export interface UserListPage {
  sort: keyof typeof userSortColumns;
  order: 'ASC' | 'DESC';
  offset: number;
  limit: number;
  filter: { ids?: string[]; role?: string; regionCode?: string; archiveCode?: string; q?: string };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByEmail(email: string): Promise<UserWithScope | null> {
    return this.findOne('lower(u.email) = lower(:email)', { email });
  }

  findById(id: string, manager?: EntityManager): Promise<UserWithScope | null> {
    // findOneBy({ id: undefined }) returns the first row (typeorm#9316): check the id first.
    if (!uuidPattern.test(id)) return Promise.resolve(null);
    return this.findOne('u.id = :id', { id }, manager);
  }

  /**
   * The user behind an access token, in one query: active, and the sign-in (refresh-token family) the token
   * belongs to not revoked. Null otherwise.
   */
  async findSessionUser(userId: string, familyId: string): Promise<SessionUser | null> {
    if (!uuidPattern.test(userId) || !uuidPattern.test(familyId)) return null;
    const rows: Array<SessionUser> = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, r.code AS "regionCode", a.code AS "archiveCode",
              u.totp_enabled_at IS NOT NULL AS "totpEnabled"
       FROM users u LEFT JOIN regions r ON r.id = u.region_id LEFT JOIN archives a ON a.id = u.archive_id
       WHERE u.id = $1 AND u.disabled_at IS NULL
         AND EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NULL)`,
      [userId, familyId],
    );
    return rows[0] ?? null;
  }

  async setTotp(userId: string, encryptedSecret: string | null, enabled: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET totp_secret = $2, totp_enabled_at = CASE WHEN $3 THEN now() ELSE NULL END, updated_at = now(), version = version + 1 WHERE id = $1`,
      [userId, encryptedSecret, enabled],
    );
  }

  /** One page of users; `sort` is a key of `userSortColumns`, never raw SQL. */
  async list(page: UserListPage): Promise<{ rows: UserWithScope[]; total: number }> {
    const query = this.dataSource
      .createQueryBuilder(UserEntity, 'u')
      .leftJoin('u.region', 'r')
      .leftJoin('u.archive', 'a')
      .addSelect('r.code', 'region_code')
      .addSelect('a.code', 'archive_code');
    if (page.filter.ids) query.andWhere('u.id = ANY(CAST(:ids AS uuid[]))', { ids: page.filter.ids });
    if (page.filter.role) query.andWhere('u.role = :role', { role: page.filter.role });
    if (page.filter.regionCode) query.andWhere('r.code = :regionCode', { regionCode: page.filter.regionCode });
    if (page.filter.archiveCode) query.andWhere('a.code = :archiveCode', { archiveCode: page.filter.archiveCode });
    if (page.filter.q) {
      query.andWhere('(u.email ILIKE :q OR u.display_name ILIKE :q)', { q: `%${page.filter.q.replace(/[%_\\]/g, '\\$&')}%` });
    }
    const total = await query.getCount();
    const { entities, raw } = await query
      .orderBy(userSortColumns[page.sort], page.order)
      .addOrderBy('u.id', 'ASC')
      .offset(page.offset)
      .limit(page.limit)
      .getRawAndEntities<{ region_code: string | null; archive_code: string | null }>();
    const rows = entities.map((user, index) => ({
      user,
      regionCode: raw[index]?.region_code ?? null,
      archiveCode: raw[index]?.archive_code ?? null,
    }));
    return { rows, total };
  }

  async insert(manager: EntityManager, user: Partial<UserEntity>): Promise<UserEntity> {
    const created = manager.create(UserEntity, user);
    return manager.save(UserEntity, created);
  }

  private async findOne(where: string, params: Record<string, unknown>, manager?: EntityManager): Promise<UserWithScope | null> {
    const { entities, raw } = await (manager ?? this.dataSource.manager)
      .createQueryBuilder(UserEntity, 'u')
      .leftJoin('u.region', 'r')
      .leftJoin('u.archive', 'a')
      .addSelect('r.code', 'region_code')
      .addSelect('a.code', 'archive_code')
      .where(where, params)
      .getRawAndEntities<{ region_code: string | null; archive_code: string | null }>();
    const user = entities[0];
    if (!user) return null;
    return { user, regionCode: raw[0]?.region_code ?? null, archiveCode: raw[0]?.archive_code ?? null };
  }
}
