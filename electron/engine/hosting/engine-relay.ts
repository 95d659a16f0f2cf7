import { CALL_NAMES } from '../../../shared/contract/call-names';
import type { CallHandlers } from '../../../shared/contract/calls';
import { EVENT_NAMES } from '../../../shared/contract/events';
import type { Engine } from '../engine';
import type { EventBus } from '../events';

/**
 * Every call of the contract, answered by the engine running when it is made: a call made while the host
 * reconnects waits for the new engine instead of reaching a closed database.
 */
export function proxyHandlers(current: () => Promise<Engine>): CallHandlers {
  return Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        const engine = await current();
        return (engine.handlers[name] as (input: unknown) => unknown)(input);
      },
    ]),
  ) as CallHandlers;
}

/** Re-emits every event of `engine` on the host's stable bus, until the returned function is called. */
export function relayEvents(engine: Engine, to: EventBus): () => void {
  const offs = EVENT_NAMES.map((name) =>
    engine.events.on(name, (payload: unknown) => to.emit(name, payload as never)),
  );
  return () => {
    for (const off of offs) off();
  };
}
