import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import type { ContractClient } from '../../../shared/contract/client';
import type { EngineEvents, EventName } from '../../../shared/contract/events';
import type { ErrorShape, Result } from '../../../shared/errors';
import { setClient } from '../../../renderer/src/transport/api';

type Answer<K extends CallName> = (
  input: CallInput<K>,
) => CallOutput<K> | ErrorShape | Promise<CallOutput<K> | ErrorShape>;

export type FakeClient = {
  client: ContractClient;
  /** What each call was given, in order. */
  calls: { name: CallName; input: unknown }[];
  /** Sets how a call answers: a value, or an ErrorShape (anything with code + message) for a failure. */
  answer<K extends CallName>(name: K, answer: Answer<K>): void;
  emit<K extends EventName>(name: K, payload: EngineEvents[K]): void;
};

function isErrorShape(value: unknown): value is ErrorShape {
  return (
    typeof value === 'object' && value !== null && 'code' in value && 'message' in value && !('id' in value)
  );
}

/**
 * A contract client for component tests, installed as the renderer's client. A call without an answer fails
 * the way the engine would for an unknown call, so a test sees the UI's error path rather than a hang.
 */
export function installFakeClient(): FakeClient {
  const answers = new Map<CallName, Answer<CallName>>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: FakeClient['calls'] = [];
  const client = new Proxy({} as ContractClient, {
    get(_target, property: string) {
      if (property === 'on') {
        return (name: EventName, listener: (payload: unknown) => void) => {
          let set = listeners.get(name);
          if (!set) listeners.set(name, (set = new Set()));
          set.add(listener);
          return () => set.delete(listener);
        };
      }
      return async (input: unknown): Promise<Result<unknown>> => {
        const name = property as CallName;
        calls.push({ name, input });
        const answer = answers.get(name);
        if (!answer)
          return { ok: false, error: { code: 'internal', message: `No fake answer for ${name}.` } };
        const value = await answer(input as never);
        return isErrorShape(value) ? { ok: false, error: value } : { ok: true, value };
      };
    },
  });
  setClient(client);
  return {
    client,
    calls,
    answer(name, answer) {
      answers.set(name, answer as unknown as Answer<CallName>);
    },
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
  };
}
