import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL_PREFIX } from '../../../shared/contract/channels';
import { ipcMain, ownFrameEvent, safeStorage } from '../../mocks/electron';
import { useShell } from './harness';

const SECRET = 'sk-live-NEVER-SHOWN-90210';

describe('the desktop credentials, end to end through the shell', () => {
  const shell = useShell();

  it('saving a key from the window: encrypted on disk, shown as its last 4, never sent to the page or logged', async () => {
    vi.stubEnv('SOUNDCHARTS_APP_ID', '');
    vi.stubEnv('SOUNDCHARTS_API_KEY', '');
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => {}),
    );
    const hosted = await shell.start();
    expect(hosted!.demo).toBe(true);
    const window = shell.window();
    const call = (name: string, input: unknown) =>
      ipcMain.invoke(`${CALL_CHANNEL_PREFIX}${name}`, ownFrameEvent(window), input);

    const saved = await call('connection/set-credentials', {
      kind: 'api-key',
      appId: 'team-app',
      apiKey: SECRET,
    });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        demo: false,
        credentials: { source: 'saved', identity: 'team-app', secretLast4: '0210' },
        storage: { backend: 'gnome_libsecret', encrypted: true, warning: null },
      },
    });
    const answers = [saved, await call('connection/get', {}), await call('settings/get', {})];
    expect(safeStorage.encryptString).toHaveBeenCalled();

    const toPage = JSON.stringify([answers, window.webContents.send.mock.calls]);
    expect(toPage).not.toContain(SECRET);
    expect(toPage).not.toContain('NEVER-SHOWN');
    const logged = JSON.stringify(logs.flatMap((spy) => spy.mock.calls.flat().map(String)));
    expect(logged).not.toContain('NEVER-SHOWN');
    for (const file of readdirSync(shell.dataDir()).filter((f) => f.endsWith('.json')))
      expect(readFileSync(join(shell.dataDir(), file), 'utf8')).not.toContain('NEVER-SHOWN');
    expect(hosted!.vault.read()).toMatchObject({ apiKey: SECRET });
    for (const spy of logs) spy.mockRestore();
  });
});
