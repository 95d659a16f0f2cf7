import type { CallHandlers } from '../../../shared/contract/calls';
import type { Subscribe } from '../../../shared/contract/client';
import type { Result } from '../../../shared/errors';
import type { AuditActor } from '../../../shared/views/audit-entry';
import { dispatch } from '../api/dispatch';
import { actAs } from '../audit/actor';
import type { ExportStreaming } from './rest-export-routes';

/**
 * What a transport needs of the engine: its handlers (run through dispatch) and its events. The Engine has both;
 * tests pass small fakes.
 */
export type EnginePort = {
  readonly handlers: CallHandlers;
  readonly events: { on: Subscribe };
  /** Exports streamed to REST clients and finished exports' files (the Engine has them; fakes may not). */
  readonly exports?: ExportStreaming;
};

/**
 * Where the host logs what clients only see as "internal" (details may hold internals): `where` is the contract
 * call that failed, or the request (`GET /assets/x.js`) when it failed before reaching one.
 */
export type InternalErrorLog = (error: unknown, where: string) => void;

/** One contract call through dispatch(): validated, answered as a Result, its unexpected errors logged. */
export type ContractCall = (name: unknown, input: unknown) => Promise<Result<unknown>>;

/** The engine as the host's transports see it: calls (already bound to the host's log) and events. */
export type ContractPort = { readonly call: ContractCall; readonly events: { on: Subscribe } };

/** `actor` is who the audit log says acted for calls through this port: `ui` for the page, `rest` for the API. */
export function contractPort(engine: EnginePort, log: InternalErrorLog, actor: AuditActor): ContractPort {
  return {
    call: (name, input) => actAs(actor, () => dispatch(engine.handlers, name, input, log)),
    events: engine.events,
  };
}
