import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { startHostedEngine } from '../../../electron/engine/host';
import { useTempDir } from '../../support/database';

describe("serve's scheduler waiting for the first answer", () => {
  const tempDir = useTempDir();

  it('is handed to the next engine by a reconnection in the meantime', async () => {
    const errors: unknown[] = [];
    const hosted = await startHostedEngine({
      version: 'test',
      // Nothing listens there: the new engine's requests fail (reported), none reaches Soundcharts.
      flags: { dataDir: tempDir(), apiUrl: 'http://127.0.0.1:9' },
      env: {},
      onError: (error) => errors.push(error),
    });
    try {
      hosted.engine.startScheduler(new Promise<void>(() => {}));
      const first = hosted.engine;
      expect(first.scheduler.started).toBe(false);
      const saved = await dispatch(hosted.port.handlers, 'connection/set-credentials', {
        kind: 'api-key',
        appId: 'real-app',
        apiKey: 'real-key-0123456789',
      });
      expect(saved.ok).toBe(true);
      expect(hosted.engine).not.toBe(first);
      expect(hosted.engine.scheduler.started).toBe(true);
    } finally {
      await hosted.close();
    }
  });
});
