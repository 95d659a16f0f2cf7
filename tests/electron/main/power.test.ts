import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupPower } from '../../../electron/main/power';
import type { ExecutionView } from '../../../shared/views/schedule-view';
import { powerMonitor, powerSaveBlocker, resetElectronMock } from '../../mocks/electron';
import { fakePort } from './fake-port';

const execution = (id: number, status: ExecutionView['status']) => ({ id, status }) as ExecutionView;

describe('setupPower', () => {
  beforeEach(() => resetElectronMock());

  it('holds one prevent-app-suspension blocker only while a sync runs', () => {
    const fake = fakePort();
    setupPower(fake.port, vi.fn());
    expect(powerSaveBlocker.start).not.toHaveBeenCalled();
    fake.events.emit('execution/updated', execution(1, 'pending'));
    expect(powerSaveBlocker.active.size).toBe(0);
    fake.events.emit('execution/updated', execution(1, 'running'));
    fake.events.emit('execution/updated', execution(2, 'running'));
    fake.events.emit('execution/updated', execution(1, 'running'));
    expect(powerSaveBlocker.start.mock.calls).toEqual([['prevent-app-suspension']]);
    expect([...powerSaveBlocker.active.values()]).toEqual(['prevent-app-suspension']);
    fake.events.emit('execution/updated', execution(1, 'completed'));
    expect(powerSaveBlocker.active.size).toBe(1);
    // A retry waiting out its backoff is pending: nothing runs, the machine may sleep.
    fake.events.emit('execution/updated', execution(2, 'pending'));
    expect(powerSaveBlocker.active.size).toBe(0);
    expect(powerSaveBlocker.stop).toHaveBeenCalledTimes(1);
    fake.events.emit('execution/updated', execution(3, 'running'));
    fake.events.emit('execution/updated', execution(3, 'failed'));
    expect(powerSaveBlocker.start).toHaveBeenCalledTimes(2);
    expect(powerSaveBlocker.active.size).toBe(0);
  });

  it('lets the blocker go when the host reconnects to another database mid-sync', () => {
    const fake = fakePort();
    setupPower(fake.port, vi.fn());
    fake.events.emit('execution/updated', execution(1, 'running'));
    fake.events.emit('app/connection-changed', {
      demo: false,
      apiUrl: 'https://customer.api.soundcharts.com',
    });
    expect(powerSaveBlocker.active.size).toBe(0);
  });

  it('lets the blocker go when the app quits mid-sync', () => {
    const fake = fakePort();
    const dispose = setupPower(fake.port, vi.fn());
    fake.events.emit('execution/updated', execution(1, 'running'));
    dispose();
    expect(powerSaveBlocker.active.size).toBe(0);
  });

  it('runs the scheduler’s catch-up once when the machine wakes', () => {
    const fake = fakePort();
    const resume = vi.fn();
    const dispose = setupPower(fake.port, resume);
    powerMonitor.emit('suspend');
    expect(resume).not.toHaveBeenCalled();
    powerMonitor.emit('resume');
    expect(resume).toHaveBeenCalledTimes(1);
    resume.mockImplementation(() => {
      throw new Error('database is locked');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    powerMonitor.emit('resume');
    expect(logged).toHaveBeenCalledWith('chart-sync: catching up after sleep failed:', expect.any(Error));
    logged.mockRestore();
    dispose();
    powerMonitor.emit('resume');
    expect(resume).toHaveBeenCalledTimes(2);
  });
});
