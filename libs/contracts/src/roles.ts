/** The roles of DESIGN.md §1. String values: they are stored in the database and sent over the wire. */
export enum Role {
  Admin = 'admin',
  Secretary = 'secretary',
  WgMember = 'wg_member',
  WgLead = 'wg_lead',
  ArchiveLiaison = 'archive_liaison',
  CommissionMember = 'commission_member',
  Chair = 'chair',
  Auditor = 'auditor',
}

export const allRoles: readonly Role[] = Object.values(Role);

/** Roles whose users work the cases of one region only. */
export const regionScopedRoles: readonly Role[] = [Role.WgMember, Role.WgLead];

/** Roles whose users see the requests addressed to one archive only. */
export const archiveScopedRoles: readonly Role[] = [Role.ArchiveLiaison];

/** A region's working group: its members and its lead. */
export const workingGroupRoles: readonly Role[] = [Role.WgMember, Role.WgLead];

/** The commission: its members and the chair (who votes too). */
export const commissionRoles: readonly Role[] = [Role.CommissionMember, Role.Chair];
