import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { CaseAction, CaseRefusal, SessionUser } from '@aqtalu/contracts';
import { assertActionAllowed, CaseRuleRefusal, type CaseSnapshot } from '@aqtalu/domain';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CaseRepository, type CaseRow } from './case.repository.js';

/**
 * The lifecycle refusals as HTTP answers: 403 when the role may not, 409 when the case's state or a guard
 * says not now. The first reason's code and params lead; `reasons` lists them all.
 */
export function refusalException(kind: 'forbidden' | 'conflict', reasons: readonly CaseRefusal[], lead?: string): HttpException {
  const [first] = reasons;
  const detail = `${lead ? `${lead}: ` : ''}${reasons.map((reason) => reason.detail).join('; ')}.`;
  return new HttpException(
    { message: detail, code: first?.code, params: first?.params ?? {}, reasons },
    kind === 'forbidden' ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT,
  );
}

/**
 * What a case's state allows, asked of the lifecycle table (libs/domain case-lifecycle.ts) in one call:
 * services never compare statuses themselves.
 */
@Injectable()
export class CaseRules {
  constructor(
    private readonly cases: CaseRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Everything the table's guards look at. */
  snapshot(row: CaseRow, manager: EntityManager): Promise<CaseSnapshot> {
    return this.cases.snapshot(row, manager, this.config.quorum);
  }

  /**
   * Refuses (403/409 with codes) unless the user may do `action` with the case now. Call it with the row
   * read under the case's lock when the work that follows depends on the state.
   */
  async assert(user: SessionUser, row: CaseRow, action: CaseAction, manager: EntityManager): Promise<void> {
    try {
      assertActionAllowed(action, await this.snapshot(row, manager), user.role);
    } catch (error) {
      if (error instanceof CaseRuleRefusal) throw refusalException(error.kind, error.reasons, `${action} is not possible`);
      throw error;
    }
  }
}
