import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_CHANNEL_PREFIX, HOST_CHANNELS } from '../../../shared/contract/channels';
import { app, BrowserWindowMock, dialog, ipcMain, ownFrameEvent } from '../../mocks/electron';
import { useShell } from './harness';

describe('setupIpc', () => {
  const shell = useShell();

  it('refuses calls from frames that are not its own', async () => {
    await shell.start();
    const channel = `${CALL_CHANNEL_PREFIX}app/status`;
    const foreign = await ipcMain.invoke(channel, { sender: { mainFrame: {} }, senderFrame: {} }, {});
    expect(foreign).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/did not come from Chart Sync/) },
    });
    const window = shell.window();
    const subframe = await ipcMain.invoke(
      channel,
      { sender: window.webContents, senderFrame: { id: 'iframe' } },
      {},
    );
    expect(subframe).toMatchObject({ ok: false });
    await expect(ipcMain.invoke(channel, ownFrameEvent(window), {})).resolves.toMatchObject({ ok: true });
  });

  it('refuses the main frame once it shows another page than the app\u2019s (its URL is checked)', async () => {
    await shell.start();
    const window = shell.window();
    const channel = `${CALL_CHANNEL_PREFIX}app/status`;
    await expect(ipcMain.invoke(channel, ownFrameEvent(window), {})).resolves.toMatchObject({ ok: true });
    // Navigation is refused by setupSecurity, but a frame that got to another page some way must get nothing.
    for (const url of [
      'https://evil.example/',
      'file:///tmp/evil.html',
      'file:///app/out/renderer/index.html.evil',
      'data:text/html,<p>x</p>',
    ]) {
      window.webContents.mainFrame.url = url;
      await expect(ipcMain.invoke(channel, ownFrameEvent(window), {}), url).resolves.toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/did not come from Chart Sync/) },
      });
      await expect(
        ipcMain.invoke(HOST_CHANNELS.chooseSaveFile, ownFrameEvent(window), 'x.csv'),
        url,
      ).rejects.toThrow(/did not come from Chart Sync/);
    }
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('chooseSaveFile opens the native dialog on the asking window, in Downloads, and answers the path', async () => {
    await shell.start();
    const window = shell.window();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/ana/top.csv' });
    await expect(
      ipcMain.invoke(HOST_CHANNELS.chooseSaveFile, ownFrameEvent(window), '../../etc/top.csv'),
    ).resolves.toBe('/home/ana/top.csv');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ defaultPath: join(app.getPath('downloads'), 'top.csv') }),
    );
    await expect(
      ipcMain.invoke(HOST_CHANNELS.chooseSaveFile, ownFrameEvent(window), 'top.csv'),
    ).resolves.toBeNull();
  });

  it('chooseSaveFile refuses a frame that is not the app’s own, without a dialog', async () => {
    await shell.start();
    const stranger = new BrowserWindowMock({});
    BrowserWindowMock.windows.pop();
    await expect(
      ipcMain.invoke(HOST_CHANNELS.chooseSaveFile, ownFrameEvent(stranger), 'x.csv'),
    ).rejects.toThrow(/did not come from Chart Sync/);
    await expect(
      ipcMain.invoke(
        HOST_CHANNELS.chooseSaveFile,
        { sender: shell.window().webContents, senderFrame: { id: 'iframe' } },
        'x.csv',
      ),
    ).rejects.toThrow(/did not come from Chart Sync/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});
