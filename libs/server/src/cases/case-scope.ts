import { CaseStatus, type Role, type SessionUser } from '@aqtalu/contracts';
import { caseScope, stageOf, type Actor } from '@aqtalu/domain';

export function actorOf(user: SessionUser): Actor {
  return { id: user.id, role: user.role as Role, regionCode: user.regionCode, archiveCode: user.archiveCode };
}

/** Statuses whose stage is one of the given stages. */
export function statusesOfStages(stages: readonly string[]): CaseStatus[] {
  return Object.values(CaseStatus).filter((status) => stages.includes(stageOf(status)));
}

/**
 * The access policy's case scope as a SQL condition on the cases table aliased `alias`: every query of
 * region- or archive-scoped data goes through it, so a list never holds a row its reader may not see.
 * Parameters are appended to `params`.
 */
export function caseScopeCondition(actor: Actor, params: unknown[], alias = 'c'): string {
  const scope = caseScope(actor);
  const next = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'none':
      return 'FALSE';
    case 'region':
      return `${alias}.region_id = (SELECT id FROM regions WHERE code = ${next(scope.regionCode)})`;
    case 'archive':
      return `EXISTS (SELECT 1 FROM archive_requests sr JOIN archives sa ON sa.id = sr.archive_id
                      WHERE sr.case_id = ${alias}.id AND sa.code = ${next(scope.archiveCode)})`;
    case 'stages':
      return `${alias}.status = ANY(${next(statusesOfStages(scope.stages))})`;
  }
}

