import { beforeEach, describe, expect, it } from 'vitest';
import { useApp } from '../../../renderer/src/store/app-store';
import type { AppStatus } from '../../../shared/views/app-status';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { OTHER_STATUS, healthCounts } from '../support/sample-views';

const status = (active: number): AppStatus => ({
  version: '0.1.0',
  demo: true,
  apiUrl: 'http://127.0.0.1:1',
  databaseFile: ':memory:',
  schemaVersion: 1,
  charts: 10,
  schedules: { total: active, active, overdue: 0, byHealth: healthCounts({ on_time: active }) },
  executions: { running: 0, pending: 0 },
  ...OTHER_STATUS,
});

let fake: FakeClient;

/** Asks twice, then lets the second request answer before the first, as a busy engine may. */
async function twoRequestsAnsweredOutOfOrder(releases: (() => void)[]): Promise<void> {
  const first = useApp.getState().refreshStatus();
  const second = useApp.getState().refreshStatus();
  await Promise.resolve();
  releases[1]!();
  await second;
  releases[0]!();
  await first;
}
beforeEach(() => {
  useApp.setState({ status: null, statusError: null });
  fake = installFakeClient();
});

describe('app status', () => {
  it('keeps the newest answer when an older request answers last', async () => {
    const releases: (() => void)[] = [];
    let asked = 0;
    fake.answer('app/status', () => {
      const answer = status(++asked);
      return new Promise<AppStatus>((resolve) => releases.push(() => resolve(answer)));
    });
    await twoRequestsAnsweredOutOfOrder(releases);
    expect(useApp.getState().status?.schedules.active).toBe(2);
  });

  it('clears an earlier failure once a later request succeeds, whatever order they answer in', async () => {
    const releases: (() => void)[] = [];
    fake.answer('app/status', () => {
      const n = releases.length;
      return new Promise((resolve) =>
        releases.push(() => resolve(n === 0 ? { code: 'internal', message: 'Busy.' } : status(3))),
      );
    });
    await twoRequestsAnsweredOutOfOrder(releases);
    expect(useApp.getState().statusError).toBeNull();
    expect(useApp.getState().status?.schedules.active).toBe(3);
  });
});
