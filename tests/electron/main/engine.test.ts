import { writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { setupEngine, unpackedPath } from '../../../electron/main/engine';
import { setupVault } from '../../../electron/main/vault';
import { app, dialog, resetElectronMock } from '../../mocks/electron';
import type { Result } from '../../../shared/errors';
import type { ConnectionView } from '../../../shared/views/connection';
import { useTempDir } from '../../support/database';

describe('unpackedPath', () => {
  it('points a file inside app.asar at its unpacked copy (a worker cannot start from the archive)', () => {
    const packaged = join(`${sep}opt`, 'Chart Sync', 'resources', 'app.asar', 'out', 'main', 'worker.js');
    expect(unpackedPath(packaged)).toBe(
      join(`${sep}opt`, 'Chart Sync', 'resources', 'app.asar.unpacked', 'out', 'main', 'worker.js'),
    );
    const fromSource = join(`${sep}work`, 'chart-sync', 'out', 'main', 'worker.js');
    expect(unpackedPath(fromSource)).toBe(fromSource);
  });
});

describe('setupEngine with saved credentials it cannot read', () => {
  const tempDir = useTempDir();
  beforeEach(() => resetElectronMock());

  it('starts (demo, as if none were saved) and Settings says they must be entered again, instead of a dialog and quit', async () => {
    const dataDir = tempDir();
    // Encrypted by a keychain this session cannot use (another user, a reinstalled OS): decrypting it fails.
    writeFileSync(
      join(dataDir, 'credentials.json'),
      JSON.stringify({ version: 1, encrypted: 'bm90LW91cnM=' }),
    );
    const hosted = await setupEngine(dataDir, setupVault(dataDir, 'linux'));
    try {
      expect(dialog.showErrorBox).not.toHaveBeenCalled();
      expect(app.quit).not.toHaveBeenCalled();
      expect(hosted).not.toBeNull();
      expect(hosted!.demo).toBe(true);
      const view = (await dispatch(hosted!.port.handlers, 'connection/get', {})) as Result<ConnectionView>;
      expect(view).toMatchObject({
        ok: true,
        value: { credentials: { source: 'none', savedUnreadable: true } },
      });
      if (!view.ok) return;
      expect(view.value.storage.warning).toMatch(/cannot be used.*Save them again/);
      expect(view.value.storage.warning).toContain(join(dataDir, 'credentials.json'));

      // Clearing them (Settings → Remove) ends the warning; the unreadable file was the operator's to replace.
      const cleared = (await dispatch(
        hosted!.port.handlers,
        'connection/clear-credentials',
        {},
      )) as Result<ConnectionView>;
      expect(cleared).toMatchObject({ ok: true });
      if (cleared.ok) expect(cleared.value.storage.warning).toBeNull();
      expect(cleared).toMatchObject({ value: { credentials: { savedUnreadable: false } } });
    } finally {
      await hosted?.close();
    }
  }, 20_000);
});
