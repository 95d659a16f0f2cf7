import { z } from 'zod';
import type { AppStatus } from '../views/app-status';
import type { CallName } from './call-names';

/**
 * The one contract between the UI and the engine: every call's input schema (validated at each boundary)
 * and output type. Hosts bind this map to IPC, WebSocket or REST; none of them adds calls of its own.
 */
export const calls = {
  'app/status': { input: z.object({}).strict() },
} as const satisfies Record<CallName, { input: z.ZodType }>;

export type { CallName };
export type CallInput<K extends CallName> = z.input<(typeof calls)[K]['input']>;
export type CallOutputs = {
  'app/status': AppStatus;
};
export type CallOutput<K extends CallName> = CallOutputs[K];

/** What the engine must implement: the type checker proves every call has a handler. */
export type CallHandlers = {
  [K in CallName]: (input: z.output<(typeof calls)[K]['input']>) => CallOutput<K> | Promise<CallOutput<K>>;
};

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}
