import { Role } from './roles.js';

/**
 * What a route needs. The API's guard and the back office's `canAccess` both read `rolePermissions`,
 * so a button is shown exactly when the request behind it would be allowed.
 */
export enum Permission {
  UsersRead = 'users.read',
  UsersManage = 'users.manage',
  ReferenceRead = 'reference.read',
}

export const rolePermissions: { readonly [R in Role]: readonly Permission[] } = {
  [Role.Admin]: [Permission.UsersRead, Permission.UsersManage, Permission.ReferenceRead],
  [Role.Secretary]: [Permission.ReferenceRead],
  [Role.WgMember]: [Permission.ReferenceRead],
  [Role.WgLead]: [Permission.ReferenceRead],
  [Role.ArchiveLiaison]: [Permission.ReferenceRead],
  [Role.CommissionMember]: [Permission.ReferenceRead],
  [Role.Chair]: [Permission.ReferenceRead],
  [Role.Auditor]: [Permission.UsersRead, Permission.ReferenceRead],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
