import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { archiveScopedRoles, regionScopedRoles, type Role, type SessionUser } from '@aqtalu/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { NotificationService } from '../notifications/notification.service.js';
import { PasswordHasher } from './password-hasher.js';
import { toSessionUser, UserRepository, type UserListPage } from './user.repository.js';

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode?: string | null;
  archiveCode?: string | null;
}

export const minimumPasswordLength = 12;

@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly notifications: NotificationService,
  ) {}

  /** Creates an account and tells its owner, in one transaction. */
  async create(input: NewUser): Promise<SessionUser> {
    const email = input.email.trim().toLowerCase();
    if (input.password.length < minimumPasswordLength) {
      throw new BadRequestException(`password must be at least ${minimumPasswordLength} characters long`);
    }
    const passwordHash = await this.hasher.hash(input.password);
    const id = await this.dataSource.transaction(async (manager) => {
      if (await this.users.findByEmail(email)) {
        throw new ConflictException(`a user with the e-mail ${email} already exists`);
      }
      const regionId = await this.scopeId(manager, 'regions', input.role, regionScopedRoles, input.regionCode, 'regionCode');
      const archiveId = await this.scopeId(manager, 'archives', input.role, archiveScopedRoles, input.archiveCode, 'archiveCode');
      const user = await this.users.insert(manager, {
        email,
        displayName: input.displayName.trim(),
        passwordHash,
        role: input.role,
        regionId,
        archiveId,
      });
      await this.notifications.notify(manager, user.id, 'account.created', { role: input.role });
      return user.id;
    });
    return toSessionUser((await this.users.findById(id))!);
  }

  async list(page: UserListPage): Promise<{ rows: SessionUser[]; total: number }> {
    const { rows, total } = await this.users.list(page);
    return { rows: rows.map(toSessionUser), total };
  }

  /** A region or archive is required for the roles scoped by it, and refused for the others. */
  private async scopeId(
    manager: EntityManager,
    table: 'regions' | 'archives',
    role: Role,
    scopedRoles: readonly Role[],
    code: string | null | undefined,
    field: string,
  ): Promise<string | null> {
    if (!scopedRoles.includes(role)) {
      if (code) throw new BadRequestException(`${field} applies only to the roles ${scopedRoles.join(', ')}`);
      return null;
    }
    if (!code) throw new BadRequestException(`${field} is required for the role ${role}`);
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM ${table} WHERE code = $1`, [code]);
    if (!rows[0]) throw new BadRequestException(`${field} ${code} does not exist`);
    return rows[0].id;
  }
}
