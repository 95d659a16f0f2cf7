import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionChange, HostedEngine } from '../../../electron/engine/host';
import { MainWindow } from '../../../electron/main/main-window';
import { setupScheduler } from '../../../electron/main/scheduler';
import { ChartSyncError } from '../../../shared/errors';
import { NotificationMock, resetElectronMock } from '../../mocks/electron';

/** A hosted engine whose scheduler a test refuses (another process holds the sync lock) or lets start. */
function fakeHosted() {
  const state = { refuse: null as string | null, started: false };
  const listeners = new Set<(change: ConnectionChange) => void>();
  const engine = {
    scheduler: {
      get started() {
        return state.started;
      },
    },
    startScheduler: vi.fn(() => {
      if (state.refuse) throw new ChartSyncError('sync_locked', state.refuse);
      state.started = true;
    }),
  };
  const hosted = {
    engine,
    onReconnect: (listener: (change: ConnectionChange) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as HostedEngine;
  /** The host switched engines: the new one did not get the scheduler when the lock was refused. */
  const reconnect = () => {
    state.started = false;
    if (!state.refuse) state.started = true;
    for (const listener of listeners)
      listener({ demo: false, apiUrl: 'https://customer.api.soundcharts.com' });
  };
  return { hosted, state, engine, reconnect };
}

describe('setupScheduler', () => {
  beforeEach(() => resetElectronMock());
  const notices = () => NotificationMock.instances.map((n) => n.options);

  it('a reconnection onto a database another process syncs says so, as the start does', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const fake = fakeHosted();
    const dispose = setupScheduler(fake.hosted, new MainWindow());
    expect(fake.state.started).toBe(true);
    expect(notices()).toEqual([]);

    // Credentials saved: the real database, which `chart-sync serve` is syncing.
    fake.state.refuse = 'Another Chart Sync (process 42) is syncing this database.';
    fake.reconnect();
    expect(notices()).toMatchObject([
      { title: 'Chart Sync is not syncing', body: expect.stringContaining('process 42') },
    ]);

    // Back on a database nobody else syncs: nothing to say.
    fake.state.refuse = null;
    fake.reconnect();
    expect(notices()).toHaveLength(1);
    dispose();
    fake.state.refuse = 'again';
    fake.reconnect();
    expect(notices()).toHaveLength(1);
  });
});
