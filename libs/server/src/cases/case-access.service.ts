import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityName, Permission, SessionUser } from '@aqtalu/contracts';
import { authorize, type CaseFacts, type ScopedResource } from '@aqtalu/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CodedException } from '../errors/coded.exception.js';
import { CaseRepository, type CaseRow } from './case.repository.js';
import { actorOf } from './case-scope.js';

/**
 * The one door to a case: finds it within the caller's scope and applies the access policy. An
 * out-of-scope case answers 404 as if it did not exist, and the attempt is audited.
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly cases: CaseRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * `readAction`: the read of personal data this call serves (e.g. `case.timeline`), audited once access is
   * granted, so no reader of a case's data goes unrecorded.
   */
  async require(user: SessionUser, caseId: string, permission: Permission, manager?: EntityManager, readAction?: string): Promise<CaseRow> {
    const actor = actorOf(user);
    const visible = await this.cases.findVisible(actor, caseId, manager);
    if (!visible) {
      const exists = await this.cases.findAny(caseId, manager);
      if (exists) await this.denied(caseId, permission, 'outside the caller\'s scope');
      throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found_or_hidden', { entity: 'case', id: caseId });
    }
    const decision = authorize(actor, permission, { type: 'case', ...(await this.cases.facts(visible, manager)) });
    if (!decision.allowed) {
      await this.denied(caseId, permission, decision.reason);
      if (decision.conceal) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found_or_hidden', { entity: 'case', id: caseId });
      throw new CodedException(HttpStatus.FORBIDDEN, 'access.denied', { reason: decision.reason });
    }
    if (readAction) await this.audit.record({ action: readAction, entityType: 'case', entityId: caseId });
    return visible;
  }

  /** What the policy needs to know of a case, for a resource hanging off it (see `check`). */
  async factsOf(caseId: string, manager?: EntityManager): Promise<CaseFacts> {
    const caseRow = await this.cases.findAny(caseId, manager);
    if (!caseRow) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'case', id: caseId });
    return this.cases.facts(caseRow, manager);
  }

  /** Applies the policy to a resource hanging off a case (request, conclusion, evidence). */
  async check(user: SessionUser, permission: Permission, resource: ScopedResource, entityType: string, entityId: string): Promise<void> {
    const decision = authorize(actorOf(user), permission, resource);
    if (decision.allowed) return;
    await this.audit.record({ action: 'access.denied', outcome: 'denied', entityType, entityId, details: { permission, reason: decision.reason } });
    if (decision.conceal) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found_or_hidden', { entity: entityType as EntityName, id: entityId });
    throw new CodedException(HttpStatus.FORBIDDEN, 'access.denied', { reason: decision.reason });
  }

  private denied(caseId: string, permission: Permission, reason: string): Promise<void> {
    return this.audit.record({ action: 'access.denied', outcome: 'denied', entityType: 'case', entityId: caseId, details: { permission, reason } });
  }
}
