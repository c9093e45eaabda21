import { hasPermission, Permission, Role } from '@aqtalu/contracts';

/**
 * The access policy: `(actor, permission, resource) → allow | deny(reason)`. Plain data in, plain data
 * out; the API enforces it in services, and repositories turn the scopes below into WHERE clauses so a
 * list never holds a row its reader may not see.
 */
export interface Actor {
  id: string;
  role: Role;
  regionCode: string | null;
  archiveCode: string | null;
}

/** Where a case is in its life, as far as who may see it is concerned. */
export type CaseStage = 'working' | 'commission' | 'closed';

/** What decides who sees a case: its region, its stage, and the archives asked about it. */
export interface CaseFacts {
  regionCode: string;
  stage: CaseStage;
  archiveCodes: readonly string[];
}

export type ScopedResource =
  | ({ type: 'case' } & CaseFacts)
  | { type: 'archive_request'; archiveCode: string; case: CaseFacts }
  | { type: 'conclusion'; authorId: string; case: CaseFacts }
  | { type: 'evidence'; uploaderId: string; archiveCode: string | null; case: CaseFacts };

export type Decision =
  | { allowed: true }
  /** `conceal`: answer as if the record did not exist (404) rather than 403, so existence does not leak. */
  | { allowed: false; reason: string; conceal: boolean };

const allow: Decision = { allowed: true };
const forbid = (reason: string): Decision => ({ allowed: false, reason, conceal: false });
const conceal = (reason: string): Decision => ({ allowed: false, reason, conceal: true });

/**
 * Which cases (and the requests, evidence and conclusions of them) an actor may see at all.
 * Repositories translate it into a WHERE clause.
 */
export type CaseScope =
  | { kind: 'all' }
  | { kind: 'region'; regionCode: string }
  /** A liaison sees the requests addressed to their archive, the evidence their archive gave, and the cases behind them. */
  | { kind: 'archive'; archiveCode: string }
  | { kind: 'stages'; stages: readonly CaseStage[] }
  | { kind: 'none' };

/** Commission members and the chair read the cases put before the commission, and decided ones. */
export const commissionStages: readonly CaseStage[] = ['commission', 'closed'];

export function caseScope(actor: Actor): CaseScope {
  switch (actor.role) {
    case Role.Secretary:
    case Role.Auditor:
      return { kind: 'all' };
    case Role.WgMember:
    case Role.WgLead:
      return actor.regionCode ? { kind: 'region', regionCode: actor.regionCode } : { kind: 'none' };
    case Role.ArchiveLiaison:
      return actor.archiveCode ? { kind: 'archive', archiveCode: actor.archiveCode } : { kind: 'none' };
    case Role.CommissionMember:
    case Role.Chair:
      return { kind: 'stages', stages: commissionStages };
    case Role.Admin:
      return { kind: 'none' };
  }
}

export function caseInScope(scope: CaseScope, facts: CaseFacts): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'region':
      return facts.regionCode === scope.regionCode;
    case 'archive':
      return facts.archiveCodes.includes(scope.archiveCode);
    case 'stages':
      return scope.stages.includes(facts.stage);
    case 'none':
      return false;
  }
}

/** Is the resource visible at all to the actor? Archive scope narrows to what concerns the archive. */
function visible(scope: CaseScope, resource: ScopedResource): boolean {
  switch (resource.type) {
    case 'case':
      return caseInScope(scope, resource);
    case 'archive_request':
      return scope.kind === 'archive' ? resource.archiveCode === scope.archiveCode : caseInScope(scope, resource.case);
    case 'evidence':
      return scope.kind === 'archive' ? resource.archiveCode === scope.archiveCode : caseInScope(scope, resource.case);
    case 'conclusion':
      return scope.kind !== 'archive' && caseInScope(scope, resource.case);
  }
}

export function authorize(actor: Actor, permission: Permission, resource?: ScopedResource): Decision {
  // Scope first: what the actor may not see at all answers as absent, whatever they tried to do with it.
  if (resource && !visible(caseScope(actor), resource)) {
    return conceal(`${resource.type.replace('_', ' ')} is outside the scope of ${describeScope(actor)}`);
  }
  if (!hasPermission(actor.role, permission)) {
    return forbid(`the role ${actor.role} does not have the permission ${permission}`);
  }
  if (!resource) return allow;
  if (resource.type === 'conclusion' && resource.authorId === actor.id) {
    if (permission === Permission.ConclusionsSign) {
      return forbid('you drafted this conclusion: another lead of the region must sign it (four eyes)');
    }
    if (permission === Permission.CommissionVote) {
      return forbid('you drafted this conclusion: its author does not vote on it (four eyes)');
    }
  }
  if (resource.type === 'evidence' && permission === Permission.EvidenceVerify && resource.uploaderId === actor.id) {
    return forbid('you uploaded this evidence: another member must verify it (four eyes)');
  }
  return allow;
}

function describeScope(actor: Actor): string {
  const scope = caseScope(actor);
  switch (scope.kind) {
    case 'region':
      return `a ${actor.role} of region ${scope.regionCode}`;
    case 'archive':
      return `a liaison of archive ${scope.archiveCode}`;
    case 'stages':
      return `a ${actor.role} (cases before the commission only)`;
    default:
      return `a ${actor.role}`;
  }
}
