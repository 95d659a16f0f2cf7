import { beforeEach, describe, expect, it } from 'vitest';
import { reportBulk, runAction } from '../../../renderer/src/actions/run-action';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { BulkItemResult } from '../../../shared/views/bulk-result';

const toasts = () => useToasts.getState().toasts.map(({ kind, title, detail }) => ({ kind, title, detail }));
const label = (id: number) => `Top Songs · spotify · C${id} (c${id}-top)`;
const fail = (id: number, message: string): BulkItemResult => ({
  id,
  label: label(id),
  ok: false,
  outcome: 'failed',
  error: { code: 'internal', message },
});
const skip = (id: number): BulkItemResult => ({
  id,
  label: label(id),
  ok: false,
  outcome: 'skipped',
  error: { code: 'not_scheduled', message: `${label(id)} has no sync schedule; nothing to remove.` },
});
const pass = (id: number): BulkItemResult => ({
  id,
  label: label(id),
  ok: true,
  outcome: 'done',
  scheduleId: id,
  executionId: null,
});
const verb = { done: 'Removed from sync schedule', failed: 'Could not remove' };

beforeEach(() => useToasts.setState({ toasts: [] }));

describe('reportBulk', () => {
  it.each([
    [
      'all succeed',
      [pass(1), pass(2)],
      [{ kind: 'success', title: 'Removed from sync schedule: 2 charts', detail: undefined }],
    ],
    [
      'some fail: each named by title, platform, country and slug',
      [pass(1), fail(2, 'Boom.'), fail(3, 'Boom.')],
      [
        {
          kind: 'error',
          title: 'Removed from sync schedule: 1 chart; 2 failed',
          detail: `${label(2)}: Boom.\n${label(3)}: Boom.`,
        },
      ],
    ],
    [
      'all fail',
      [fail(1, 'A.'), fail(2, 'B.')],
      [{ kind: 'error', title: 'Could not remove: 2 charts', detail: `${label(1)}: A.\n${label(2)}: B.` }],
    ],
    [
      'charts without a schedule are skipped, not failed',
      [pass(1), skip(2), skip(3)],
      [
        {
          kind: 'success',
          title: 'Removed from sync schedule: 1 chart; 2 skipped',
          detail: `Skipped ${label(2)}: no sync schedule\nSkipped ${label(3)}: no sync schedule`,
        },
      ],
    ],
    [
      'only skipped: nothing done, nothing failed',
      [skip(1)],
      [
        {
          kind: 'info',
          title: 'Removed from sync schedule: 0 charts; 1 skipped',
          detail: `Skipped ${label(1)}: no sync schedule`,
        },
      ],
    ],
    [
      'failed, then skipped, the rest counted',
      [fail(1, 'A.'), skip(2), skip(3), skip(4), skip(5), skip(6)],
      [
        {
          kind: 'error',
          title: 'Could not remove: 1 chart; 5 skipped',
          detail: [
            `${label(1)}: A.`,
            `Skipped ${label(2)}: no sync schedule`,
            `Skipped ${label(3)}: no sync schedule`,
            `Skipped ${label(4)}: no sync schedule`,
            'and 2 more',
          ].join('\n'),
        },
      ],
    ],
  ])('%s', (_name, results, expected) => {
    const count = (outcome: BulkItemResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
    reportBulk(
      {
        ok: true,
        value: { results, succeeded: count('done'), skipped: count('skipped'), failed: count('failed') },
      },
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
      { kind: 'error', title: 'Could not remove', detail: 'Select at least one chart.' },
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
