import { describe, expect, it } from 'vitest';
import { startHostedEngine } from '../../../electron/engine/host';
import { useTempDir } from '../../support/database';

describe('a normal shutdown', () => {
  const tempDir = useTempDir();

  it('is not reported as an error: the work it stops (the plan refresh, enrichment) ends quietly', async () => {
    const errors: unknown[] = [];
    const host = await startHostedEngine({
      version: 'test',
      flags: { dataDir: tempDir() },
      env: {},
      onError: (error) => errors.push(error),
    });
    // The scheduler starts the team/usage request of the plan refresh; closing at once aborts it.
    host.engine.startScheduler();
    await host.close();
    expect(errors.map(String)).toEqual([]);
  });

  it('starting the scheduler a second time (the desktop and the host after a reconnection) changes nothing', async () => {
    const errors: unknown[] = [];
    const host = await startHostedEngine({
      version: 'test',
      flags: { dataDir: tempDir() },
      env: {},
      onError: (error) => errors.push(error),
    });
    try {
      host.engine.startScheduler();
      expect(() => host.engine.startScheduler()).not.toThrow();
      expect(host.engine.scheduler.started).toBe(true);
    } finally {
      await host.close();
    }
    expect(errors.map(String)).toEqual([]);
  });
});
