import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from '@aqtalu/domain';

/** Who is asking and through which request: read by the audit log, set by the HTTP layer or a job. */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  actor: Actor | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, callback: () => T): T {
    return storage.run(context, callback);
  },
  current(): RequestContext {
    return storage.getStore() ?? { requestId: null, ip: null, actor: null };
  },
  /** Called once authentication has found the user of this request. */
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
};
