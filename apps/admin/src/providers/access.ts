import { hasPermission, Permission, RepressionDictionary, type Role } from '@aqtalu/contracts';

/**
 * What each react-admin resource and action needs, in the permissions the API's guard checks, so a menu
 * entry or button shows exactly when the request behind it is allowed (atomic-crm's canAccess).
 * A resource or action not listed here is denied.
 */
export const resourcePermissions: Readonly<Record<string, Readonly<Record<string, Permission>>>> = {
  users: {
    list: Permission.UsersRead,
    show: Permission.UsersRead,
    create: Permission.UsersManage,
    edit: Permission.UsersManage,
    // No delete route exists (accounts are disabled, not deleted); no screen offers one either.
    delete: Permission.UsersManage,
  },
  'audit-log': {
    list: Permission.AuditRead,
    show: Permission.AuditRead,
  },
  cases: {
    list: Permission.CasesRead,
    show: Permission.CasesRead,
    create: Permission.CasesCreate,
    edit: Permission.CasesUpdate,
  },
  // The API scopes the list: a liaison sees the requests addressed to their archive only.
  'archive-requests': {
    list: Permission.ArchiveRequestsRead,
    show: Permission.ArchiveRequestsRead,
    create: Permission.ArchiveRequestsCreate,
    answer: Permission.ArchiveRequestsAnswer,
  },
  'commission-sessions': {
    list: Permission.CommissionRead,
    show: Permission.CommissionRead,
    create: Permission.CommissionManage,
    edit: Permission.CommissionManage,
    vote: Permission.CommissionVote,
  },
  evidence: {
    list: Permission.EvidenceRead,
    create: Permission.EvidenceUpload,
    verify: Permission.EvidenceVerify,
  },
  // The registry of names: read by every case worker, kept by working groups and the secretary.
  persons: {
    list: Permission.RegistryRead,
    show: Permission.RegistryRead,
    create: Permission.RegistryManage,
    edit: Permission.RegistryManage,
  },
  duplicates: {
    list: Permission.RegistryRead,
    edit: Permission.RegistryManage,
  },
  // Contributions to the Book of Memory: moderated by those who publish it.
  contributions: {
    list: Permission.PublicationManage,
    edit: Permission.PublicationManage,
  },
  // The archives' inventories: read with the reference data, kept by each archive's liaisons (and the secretary).
  inventory: {
    list: Permission.ReferenceRead,
    create: Permission.InventoryManage,
    edit: Permission.InventoryManage,
  },
  // Events are a historical record every case worker and the commission reads; the secretary and working groups keep them.
  events: {
    list: Permission.EventsRead,
    show: Permission.EventsRead,
    create: Permission.EventsManage,
    edit: Permission.EventsManage,
  },
  imports: {
    list: Permission.RegistryManage,
    create: Permission.RegistryManage,
  },
  // Reference data: read by nearly every role (forms choose from it), kept by administrators.
  ...Object.fromEntries(
    [...Object.values(RepressionDictionary), 'places'].map((resource) => [
      resource,
      { list: Permission.ReferenceRead, show: Permission.ReferenceRead, create: Permission.ReferenceManage, edit: Permission.ReferenceManage },
    ]),
  ),
  // The API scopes every number of the statistics to the cases the user may see (a liaison reads none).
  statistics: { list: Permission.CasesRead },
  // Full-text search across the cases the user may see (the API scopes the hits).
  search: { list: Permission.CasesRead },
  // The holiday calendar deadlines count against: read by every role with reference data, kept by administrators.
  holidays: { list: Permission.ReferenceRead, create: Permission.ReferenceManage, edit: Permission.ReferenceManage, delete: Permission.ReferenceManage },
  // The letter templates of the correspondence register: an administrator's screen (the API lets case workers read them).
  'letter-templates': { list: Permission.ReferenceManage, edit: Permission.ReferenceManage },
  conclusions: {
    create: Permission.ConclusionsDraft,
    sign: Permission.ConclusionsSign,
  },
};

/** What is the user's own, open to every role: their notifications (the API lists only the caller's). */
const ownResources: Readonly<Record<string, readonly string[]>> = { notifications: ['list'] };

export function canRoleAccess(role: Role, resource: string, action: string): boolean {
  if (ownResources[resource]?.includes(action)) return true;
  const permission = resourcePermissions[resource]?.[action];
  return permission !== undefined && hasPermission(role, permission);
}
