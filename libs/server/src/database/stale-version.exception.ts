import { HttpStatus } from '@nestjs/common';
import type { EntityName } from '@aqtalu/contracts';
import { CodedException } from '../errors/coded.exception.js';

/** A 409 that carries the version the client should reload: optimistic locking refused a stale write. */
export class StaleVersionException extends CodedException<'resource.stale_version'> {
  constructor({ entity, currentVersion }: { entity: EntityName; currentVersion: number }) {
    super(HttpStatus.CONFLICT, 'resource.stale_version', { entity, currentVersion }, { currentVersion });
  }
}
