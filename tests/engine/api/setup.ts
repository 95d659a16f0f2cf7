import type { RunningEmulator } from '../../../electron/emulator';
import { dispatch } from '../../../electron/engine/api/dispatch';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import { EVENT_NAMES, type EngineEvents, type EventName } from '../../../shared/contract/events';
import type { ErrorShape } from '../../../shared/errors';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import { useTestEngine, type TestEngine } from '../../support/sync-engine';

export type RecordedEvent = { [K in EventName]: { name: K; payload: EngineEvents[K] } }[EventName];

export type ApiHarness = TestEngine & {
  emulator: RunningEmulator;
  /** Every event the engine emitted since the last clear, in order. */
  events: RecordedEvent[];
  /** Calls through dispatch (validation included) and unwraps a success; a failure fails the test. */
  ok<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** Calls through dispatch and returns the error; a success fails the test. */
  fail(name: string, input: unknown): Promise<ErrorShape>;
  /** Resolves with the first execution event matching `match`. */
  executionEvent(match: (execution: ExecutionView) => boolean): Promise<ExecutionView>;
};

/** One emulator for the file; a fresh engine (in-memory database, catalogue imported) per test. */
export function useApi(): () => Promise<ApiHarness> {
  const { emulator, start } = useTestEngine();
  return async () => {
    const test = await start();
    const { engine } = test;
    const events: RecordedEvent[] = [];
    for (const name of EVENT_NAMES) {
      engine.events.on(name, (payload) => events.push({ name, payload } as RecordedEvent));
    }
    return {
      ...test,
      emulator: emulator.current,
      events,
      ok: async (name, input) => {
        const result = await dispatch(engine.handlers, name, input);
        if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
        return result.value as never;
      },
      fail: async (name, input) => {
        const result = await dispatch(engine.handlers, name, input);
        if (result.ok) throw new Error(`${name} succeeded, a failure was expected`);
        return result.error;
      },
      executionEvent: (match) =>
        new Promise((resolve) => {
          const off = engine.events.on('execution/updated', (execution) => {
            if (!match(execution)) return;
            off();
            resolve(execution);
          });
        }),
    };
  };
}

/** The names of recorded events, in order. */
export function eventNames(events: readonly RecordedEvent[]): string[] {
  return events.map((e) => e.name);
}

/** Charts of the emulator's catalogue by frequency, in id order. */
export function chartsOf(api: TestEngine, frequency: string): number[] {
  return (
    api.engine.database.sqlite
      .prepare('SELECT id FROM charts WHERE frequency = ? ORDER BY id')
      .all(frequency) as { id: number }[]
  ).map((row) => row.id);
}
