import { Role } from './roles.js';

/**
 * What a route needs. The API's guard, the domain's access policy and the back office's `canAccess`
 * all read `rolePermissions`, so a button is shown exactly when the request behind it is allowed.
 * Scope (region, archive) and four-eyes rules come on top, in libs/domain's access policy.
 */
export enum Permission {
  UsersRead = 'users.read',
  UsersManage = 'users.manage',
  ReferenceRead = 'reference.read',
  ReferenceManage = 'reference.manage',
  AuditRead = 'audit.read',
  CasesRead = 'cases.read',
  CasesCreate = 'cases.create',
  CasesUpdate = 'cases.update',
  CasesIntake = 'cases.intake',
  ArchiveRequestsRead = 'archive_requests.read',
  ArchiveRequestsCreate = 'archive_requests.create',
  ArchiveRequestsAnswer = 'archive_requests.answer',
  EvidenceRead = 'evidence.read',
  EvidenceUpload = 'evidence.upload',
  EvidenceVerify = 'evidence.verify',
  ConclusionsDraft = 'conclusions.draft',
  ConclusionsSign = 'conclusions.sign',
  CommissionRead = 'commission.read',
  CommissionManage = 'commission.manage',
  CommissionVote = 'commission.vote',
  CommissionDecide = 'commission.decide',
  RegistryRead = 'registry.read',
  RegistryManage = 'registry.manage',
  /** Events (uprisings, mass operations, group trials …) and who took part. */
  EventsRead = 'events.read',
  /** Record and edit events and their participants (a working group: events with a place in its region). */
  EventsManage = 'events.manage',
  /** Keep an archive's inventory (fonds, opisi, files, declassification): its liaisons for their archive, the secretary for any. */
  InventoryManage = 'inventory.manage',
  /** The background queues' board (bull-board) at /admin/queues. */
  QueuesView = 'queues.view',
  /** The retention rules and what a run would prune or reduce (counts, no personal data). */
  RetentionRead = 'retention.read',
  /** Edit the retention rules; run a dry run. */
  RetentionManage = 'retention.manage',
  /** Publish registry persons in the public Book of Memory (which fields, on what basis) and withdraw them on request. */
  PublicationManage = 'publication.manage',
}

const P = Permission;
const everyRead = Object.values(Permission).filter((permission) => permission.endsWith('.read'));
const workingGroup = [
  P.ReferenceRead, P.CasesRead, P.CasesCreate, P.CasesUpdate, P.ArchiveRequestsRead, P.ArchiveRequestsCreate,
  P.EvidenceRead, P.EvidenceUpload, P.EvidenceVerify, P.ConclusionsDraft, P.RegistryRead, P.RegistryManage,
  P.EventsRead, P.EventsManage,
];
const commission = [P.ReferenceRead, P.CasesRead, P.EvidenceRead, P.ArchiveRequestsRead, P.CommissionRead, P.CommissionVote, P.RegistryRead, P.EventsRead];

export const rolePermissions: { readonly [R in Role]: readonly Permission[] } = {
  [Role.Admin]: [P.UsersRead, P.UsersManage, P.ReferenceRead, P.ReferenceManage, P.QueuesView, P.RetentionRead, P.RetentionManage, P.PublicationManage],
  [Role.Secretary]: [
    P.ReferenceRead, P.CasesRead, P.CasesCreate, P.CasesUpdate, P.CasesIntake, P.ArchiveRequestsRead, P.EvidenceRead,
    P.EvidenceUpload, P.CommissionRead, P.CommissionManage, P.RegistryRead, P.RegistryManage, P.EventsRead, P.EventsManage, P.InventoryManage,
    P.PublicationManage,
  ],
  [Role.WgMember]: workingGroup,
  [Role.WgLead]: [...workingGroup, P.ConclusionsSign],
  [Role.ArchiveLiaison]: [P.ReferenceRead, P.ArchiveRequestsRead, P.ArchiveRequestsAnswer, P.EvidenceRead, P.EvidenceUpload, P.InventoryManage],
  [Role.CommissionMember]: commission,
  [Role.Chair]: [...commission, P.CommissionDecide],
  [Role.Auditor]: everyRead,
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
