import type { SocketMessage, SocketRequest } from '../../../shared/contract/client';
import type { ErrorShape } from '../../../shared/errors';

export type ParsedMessage =
  | { kind: 'call'; request: SocketRequest }
  /** Not a call, but it names an id the client waits on: it gets an error result. */
  | { kind: 'invalid'; id: number; error: ErrorShape }
  /** Nothing to answer to (not JSON, no id): dropped. */
  | { kind: 'ignored' };

/** Reads one client message defensively: a page bug must cost an error result, never the host. */
export function parseSocketMessage(text: string): ParsedMessage {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { kind: 'ignored' };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { kind: 'ignored' };
  const { type, id, name, input } = message as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return { kind: 'ignored' };
  if (type !== 'call') {
    return invalid(id, `Unknown message type ${JSON.stringify(type)}; expected "call".`);
  }
  if (typeof name !== 'string') return invalid(id, 'A call needs the name of a contract call.');
  return { kind: 'call', request: { type: 'call', id, name, input } };
}

function invalid(id: number, message: string): ParsedMessage {
  return { kind: 'invalid', id, error: { code: 'invalid_input', message } };
}

export function encode(message: SocketMessage): string {
  return JSON.stringify(message);
}
