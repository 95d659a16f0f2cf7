import { beforeEach, describe, expect, it } from 'vitest';
import { reportBulk, runAction } from '../../../renderer/src/actions/run-action';
import { useToasts } from '../../../renderer/src/store/toast-store';

const toasts = () => useToasts.getState().toasts.map(({ kind, title, detail }) => ({ kind, title, detail }));
const fail = (id: number, message: string) => ({
  id,
  ok: false as const,
  error: { code: 'not_found' as const, message },
});
const pass = (id: number) => ({ id, ok: true as const, scheduleId: id, executionId: null });
const verb = { done: 'Added to sync schedule', failed: 'Could not add' };

beforeEach(() => useToasts.setState({ toasts: [] }));

describe('reportBulk', () => {
  it.each([
    [
      'all succeed',
      [pass(1), pass(2)],
      [{ kind: 'success', title: 'Added to sync schedule: 2 charts', detail: undefined }],
    ],
    [
      'some fail',
      [pass(1), fail(2, 'Chart 2 does not exist.'), fail(3, 'Chart 2 does not exist.')],
      [
        {
          kind: 'error',
          title: 'Added to sync schedule: 1 chart; 2 failed',
          detail: 'Chart 2 does not exist.',
        },
      ],
    ],
    [
      'all fail',
      [fail(1, 'A.'), fail(2, 'B.')],
      [{ kind: 'error', title: 'Could not add: 2 charts', detail: 'A. B.' }],
    ],
  ])('%s', (_name, results, expected) => {
    const succeeded = results.filter((r) => r.ok).length;
    reportBulk(
      { ok: true, value: { results, succeeded, failed: results.length - succeeded } },
      verb,
      'chart',
    );
    expect(toasts()).toEqual(expected);
  });

  it('reports a refused call', () => {
    reportBulk(
      { ok: false, error: { code: 'invalid_input', message: 'Select at least one chart.' } },
      verb,
      'chart',
    );
    expect(toasts()).toEqual([
      { kind: 'error', title: 'Could not add', detail: 'Select at least one chart.' },
    ]);
  });
});

describe('runAction', () => {
  it('returns the value and toasts success, or null and toasts the error', async () => {
    const messages = { success: (n: number) => `Done ${n}`, failure: 'Could not' };
    await expect(runAction(Promise.resolve({ ok: true, value: 3 }), messages)).resolves.toBe(3);
    await expect(
      runAction(Promise.resolve({ ok: false, error: { code: 'internal', message: 'Boom.' } }), messages),
    ).resolves.toBeNull();
    expect(toasts()).toEqual([
      { kind: 'success', title: 'Done 3', detail: undefined },
      { kind: 'error', title: 'Could not', detail: 'Boom.' },
    ]);
  });
});
