import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditActor } from '../../../shared/views/audit-entry';

/**
 * Who is acting, carried through async work: each transport runs its dispatch inside `actAs` (IPC and WebSocket
 * as `ui`, REST as `rest`, the CLI as `cli`), the scheduler runs its passes as `scheduler`, and the audit trail
 * reads it when it writes an entry. Work started outside any of them is the engine acting on its own.
 */
const storage = new AsyncLocalStorage<AuditActor>();

export function actAs<T>(actor: AuditActor, work: () => T): T {
  return storage.run(actor, work);
}

export function currentActor(): AuditActor {
  return storage.getStore() ?? 'scheduler';
}
