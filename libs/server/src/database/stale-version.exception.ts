import { ConflictException } from '@nestjs/common';

/** A 409 that carries the version the client should reload: optimistic locking refused a stale write. */
export class StaleVersionException extends ConflictException {
  constructor(entity: string, currentVersion: number) {
    super({
      message: `The ${entity} was changed by someone else (now at version ${currentVersion}). Reload it and apply your change again.`,
      currentVersion,
    });
  }
}
