import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { archiveScopedRoles, regionScopedRoles, type Role, type SessionUser } from '@aqtalu/contracts';
import { passwordProblemCodes } from '@aqtalu/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionService } from './session.service.js';
import { toSessionUser, UserRepository, type UserListPage, type UserWithScope } from './user.repository.js';
import { sqlRows } from '../database/sql.js';
import { StaleVersionException } from '../database/stale-version.exception.js';
import { CodedException, fieldProblem } from '../errors/coded.exception.js';

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode?: string | null;
  archiveCode?: string | null;
}

export interface UserChanges {
  version: number;
  displayName?: string;
  role?: Role;
  regionCode?: string | null;
  archiveCode?: string | null;
}

/** What the audit log keeps of a user (never the password hash or the TOTP secret). */
function auditView({ user, regionCode, archiveCode }: UserWithScope): Record<string, unknown> {
  return {
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    regionCode,
    archiveCode,
    disabled: user.disabledAt !== null,
    totpEnabled: user.totpEnabledAt !== null,
    version: user.version,
  };
}

/** The administrators' side of identity: accounts, roles, scopes. Every write is audited in its transaction. */
@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly notifications: NotificationService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  async get(id: string): Promise<SessionUser & { disabled: boolean; version: number }> {
    const found = await this.users.findById(id);
    if (!found) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'user', id });
    return { ...toSessionUser(found), disabled: found.user.disabledAt !== null, version: found.user.version };
  }

  async list(page: UserListPage): Promise<{ rows: Array<SessionUser & { disabled: boolean; version: number }>; total: number }> {
    const { rows, total } = await this.users.list(page);
    return { rows: rows.map((row) => ({ ...toSessionUser(row), disabled: row.user.disabledAt !== null, version: row.user.version })), total };
  }

  /** Creates an account and tells its owner, in one transaction. */
  async create(input: NewUser): Promise<SessionUser & { disabled: boolean; version: number }> {
    const email = input.email.trim().toLowerCase();
    this.assertPassword(input.password, { email, displayName: input.displayName });
    const passwordHash = await this.hasher.hash(input.password);
    const id = await this.dataSource.transaction(async (manager) => {
      if (await this.users.findByEmail(email)) {
        throw new CodedException(HttpStatus.CONFLICT, 'user.email_taken', { email });
      }
      const regionId = await this.scopeId(manager, 'regions', input.role, regionScopedRoles, input.regionCode, 'regionCode');
      const archiveId = await this.scopeId(manager, 'archives', input.role, archiveScopedRoles, input.archiveCode, 'archiveCode');
      const user = await this.users.insert(manager, { email, displayName: input.displayName.trim(), passwordHash, role: input.role, regionId, archiveId });
      await this.notifications.notify(manager, user.id, 'account.created', { role: input.role });
      await this.audit.record(
        { action: 'user.create', entityType: 'user', entityId: user.id, before: null, after: { email, displayName: input.displayName.trim(), role: input.role, regionCode: input.regionCode ?? null, archiveCode: input.archiveCode ?? null } },
        manager,
      );
      return user.id;
    });
    return this.get(id);
  }

  /** Changes name, role or scope; refuses a stale version instead of overwriting someone's change. */
  async update(id: string, changes: UserChanges): Promise<SessionUser & { disabled: boolean; version: number }> {
    const before = await this.requireUser(id);
    const role = changes.role ?? before.user.role;
    const roleChanged = role !== before.user.role;
    const regionCode = changes.regionCode !== undefined ? changes.regionCode : roleChanged && !regionScopedRoles.includes(role) ? null : before.regionCode;
    const archiveCode = changes.archiveCode !== undefined ? changes.archiveCode : roleChanged && !archiveScopedRoles.includes(role) ? null : before.archiveCode;
    await this.dataSource.transaction(async (manager) => {
      const regionId = await this.scopeId(manager, 'regions', role, regionScopedRoles, regionCode, 'regionCode');
      const archiveId = await this.scopeId(manager, 'archives', role, archiveScopedRoles, archiveCode, 'archiveCode');
      await this.versionedUpdate(
        manager,
        id,
        changes.version,
        `display_name = $3, role = $4, region_id = $5, archive_id = $6`,
        [changes.displayName?.trim() ?? before.user.displayName, role, regionId, archiveId],
      );
      // A user whose rights changed signs in again, so no token carries the old ones.
      if (roleChanged || regionCode !== before.regionCode || archiveCode !== before.archiveCode) {
        await this.sessions.revokeAllOf(id, 'rights_changed', manager);
      }
      const after = (await this.users.findById(id, manager))!;
      await this.audit.record({ action: 'user.update', entityType: 'user', entityId: id, before: auditView(before), after: auditView(after) }, manager);
    });
    await this.sessions.forgetUser(id);
    return this.get(id);
  }

  async setDisabled(id: string, disabled: boolean, version: number): Promise<SessionUser & { disabled: boolean; version: number }> {
    const before = await this.requireUser(id);
    await this.dataSource.transaction(async (manager) => {
      await this.versionedUpdate(manager, id, version, `disabled_at = CASE WHEN $3 THEN now() ELSE NULL END`, [disabled]);
      if (disabled) await this.sessions.revokeAllOf(id, 'disabled', manager);
      const after = (await this.users.findById(id, manager))!;
      await this.audit.record({ action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: id, before: auditView(before), after: auditView(after) }, manager);
    });
    await this.sessions.forgetUser(id);
    if (!disabled) await this.throttle.clear(before.user.email);
    return this.get(id);
  }

  /** Sets a new password chosen by an administrator; every sign-in of the user ends. */
  async resetPassword(id: string, password: string, version: number): Promise<SessionUser & { disabled: boolean; version: number }> {
    const before = await this.requireUser(id);
    this.assertPassword(password, { email: before.user.email, displayName: before.user.displayName });
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      await this.versionedUpdate(manager, id, version, `password_hash = $3, password_changed_at = now()`, [passwordHash]);
      await this.sessions.revokeAllOf(id, 'password_reset', manager);
      await this.audit.record({ action: 'user.reset_password', entityType: 'user', entityId: id, before: { passwordHash: 'old' }, after: { passwordHash: 'new' } }, manager);
    });
    await this.sessions.forgetUser(id);
    await this.throttle.clear(before.user.email);
    return this.get(id);
  }

  /** Removes the second factor (a lost phone); the user sets up a new one at the next sign-in. */
  async resetTotp(id: string, version: number): Promise<SessionUser & { disabled: boolean; version: number }> {
    const before = await this.requireUser(id);
    await this.dataSource.transaction(async (manager) => {
      await this.versionedUpdate(manager, id, version, `totp_secret = NULL, totp_enabled_at = NULL`, []);
      await this.sessions.revokeAllOf(id, 'totp_reset', manager);
      const after = (await this.users.findById(id, manager))!;
      await this.audit.record({ action: 'user.reset_totp', entityType: 'user', entityId: id, before: auditView(before), after: auditView(after) }, manager);
    });
    await this.sessions.forgetUser(id);
    return this.get(id);
  }

  private assertPassword(password: string, context: { email: string; displayName: string }): void {
    const problems = passwordProblemCodes(password, context);
    if (problems.length > 0) {
      const errors = problems.map(({ code, params }) => fieldProblem('password', code, params));
      throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.failed', { count: errors.length }, { errors, message: errors.map((error) => error.message) });
    }
  }

  private async requireUser(id: string): Promise<UserWithScope> {
    const found = await this.users.findById(id);
    if (!found) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'user', id });
    return found;
  }

  /** `UPDATE … WHERE id AND version` (TypeORM's @VersionColumn does not check it: typeorm#2848). */
  private async versionedUpdate(manager: EntityManager, id: string, version: number, set: string, params: unknown[]): Promise<void> {
    const rows = await sqlRows<{ id: string }>(
      manager,
      `UPDATE users SET ${set}, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, ...params],
    );
    if (rows.length === 1) return;
    const current: Array<{ version: number }> = await manager.query(`SELECT version FROM users WHERE id = $1`, [id]);
    if (!current[0]) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'user', id });
    throw new StaleVersionException({ entity: 'user', currentVersion: current[0].version });
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
      if (code) throw new CodedException(HttpStatus.BAD_REQUEST, 'user.scope_not_applicable', { field, roles: [...scopedRoles], role });
      return null;
    }
    if (!code) throw new CodedException(HttpStatus.BAD_REQUEST, 'user.scope_required', { field, role });
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM ${table} WHERE code = $1`, [code]);
    if (!rows[0]) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.unknown_code', { field, value: code });
    return rows[0].id;
  }
}
