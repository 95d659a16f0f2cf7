import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { CALL_NAMES } from '../../../shared/contract/call-names';
import type { CallHandlers } from '../../../shared/contract/calls';
import { ChartSyncError } from '../../../shared/errors';

const failure = new Error('disk on fire');
const handlers = Object.fromEntries(
  CALL_NAMES.map((name) => [
    name,
    () => {
      throw new ChartSyncError('not_found', `Nothing for ${name}.`);
    },
  ]),
) as unknown as CallHandlers;
handlers['app/status'] = () => {
  throw failure;
};

const INTERNAL = { code: 'internal', message: 'An unexpected error occurred. Details are in the log.' };

describe('dispatch() and its onError hook', () => {
  it('reports each unexpected error with its call, and only those', async () => {
    const logged: unknown[] = [];
    const onError = (error: unknown, call: string) => logged.push([error, call]);
    expect(await dispatch(handlers, 'app/status', {}, onError)).toEqual({ ok: false, error: INTERNAL });
    // Refusals the caller can act on are answered, not logged.
    expect(await dispatch(handlers, 'schedules/get', { id: 1 }, onError)).toMatchObject({
      error: { code: 'not_found' },
    });
    expect(await dispatch(handlers, 'schedules/get', { id: 'x' }, onError)).toMatchObject({
      error: { code: 'invalid_input' },
    });
    expect(await dispatch(handlers, 'no/such-call', {}, onError)).toMatchObject({
      error: { code: 'invalid_input' },
    });
    expect(logged).toEqual([[failure, 'app/status']]);
  });

  it('still answers when the log itself fails', async () => {
    const onError = () => {
      throw new Error('stderr is closed');
    };
    expect(await dispatch(handlers, 'app/status', {}, onError)).toEqual({ ok: false, error: INTERNAL });
  });
});

describe('dispatch() and input that is not JSON data', () => {
  // IPC carries structured clones, so the page can send what JSON cannot (found by tests/chaos/fuzz-contract.test.ts:
  // a BigInt made a schema's error message throw, and the answer was "internal").
  it.each([
    ['songs/list', { sort: 10n }, 'sort'],
    ['alerts/list', { kind: 1n }, 'kind'],
    ['schedules/get', { id: 1n }, 'id'],
    ['charts/list', { chartIds: [1, 2n] }, 'chartIds.1'],
    ['executions/list', { status: new Map() }, 'status'],
    ['audit/list', { action: Symbol('x') }, 'action'],
  ] as const)('%s %o is invalid_input naming %s, never internal', async (name, input, field) => {
    const reported: unknown[] = [];
    const result = await dispatch(handlers, name, input, (error) => reported.push(error));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { [field]: expect.any(String) } },
    });
    expect(result.ok ? '' : result.error.message).toContain(`${field}: `);
    expect(reported).toEqual([]);
  });
});

describe('dispatch() and input too big to quote back', () => {
  const messageOf = async (name: unknown, input: unknown) => {
    const answer = await dispatch(handlers, name, input);
    expect(answer.ok).toBe(false);
    return (answer as { error: { message: string; fields?: Record<string, string> } }).error;
  };

  it('names a field nested 20,000 deep by its ends, in a short message', async () => {
    let deep: unknown = 1;
    for (let level = 0; level < 20_000; level += 1) deep = [deep];
    const error = await messageOf('schedules/get', { id: deep });
    expect(error.message.length).toBeLessThan(300);
    expect(error.message).toMatch(
      /^id\.0\.0\.0\.0\.0\.…\([\d,]+ levels\)…\.0\.0: Nested more than 10,000 levels deep/,
    );
    expect(Object.keys(error.fields ?? {}).every((field) => field.length < 300)).toBe(true);
  });

  it('quotes a long call name cut short, with its length', async () => {
    const error = await messageOf('x'.repeat(50_000), {});
    expect(error.message).toBe(`Unknown call "${'x'.repeat(59)}…" (50,000 characters).`);
  });
});
