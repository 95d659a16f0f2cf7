import { describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL_PREFIX } from '../../../shared/contract/channels';
import { app, ipcMain, ownFrameEvent, powerMonitor } from '../../mocks/electron';
import { useShell } from './harness';

describe('setupLifecycle', () => {
  const shell = useShell();

  async function call(name: string, input: unknown): Promise<unknown> {
    return ipcMain.invoke(`${CALL_CHANNEL_PREFIX}${name}`, ownFrameEvent(shell.window()), input);
  }

  it('closing the window hides it and the engine goes on (close to tray, the default)', async () => {
    const hosted = await shell.start();
    const window = shell.window();
    window.show();
    const allClosed = vi.fn();
    app.on('window-all-closed', allClosed);
    window.close();
    expect(window).toMatchObject({ destroyed: false, visible: false });
    expect(allClosed).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
    await expect(call('app/status', {})).resolves.toMatchObject({ ok: true });
    expect(hosted!.engine.database.sqlite.open).toBe(true);
  });

  it('with close to tray off, closing the window quits: the engine closes, then the process exits', async () => {
    const hosted = await shell.start();
    await expect(call('settings/update', { closeToTray: false })).resolves.toMatchObject({ ok: true });
    const closeEngine = vi.spyOn(hosted!, 'close');
    const window = shell.window();
    window.close();
    expect(window.destroyed).toBe(true);
    expect(app.quit).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(closeEngine).toHaveBeenCalledTimes(1);
    expect(closeEngine.mock.invocationCallOrder[0]).toBeLessThan(app.exit.mock.invocationCallOrder[0]!);
    expect(hosted!.engine.database.sqlite.open).toBe(false);
  });

  it('Quit (tray, menu) really closes the hidden window, closes the engine, then exits', async () => {
    const hosted = await shell.start();
    const window = shell.window();
    window.close();
    expect(window.destroyed).toBe(false);
    app.quit();
    expect(window.destroyed).toBe(true);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(hosted!.engine.database.sqlite.open).toBe(false);
  });

  it('macOS: clicking the Dock icon shows the hidden window again', async () => {
    await shell.start(['chart-sync', '--hidden']);
    const window = shell.window();
    expect(window.visible).toBe(false);
    app.emit('activate');
    expect(window.visible).toBe(true);
  });

  it('the OS shutting down quits cleanly', async () => {
    const hosted = await shell.start();
    powerMonitor.emit('shutdown');
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(hosted!.engine.database.sqlite.open).toBe(false);
  });

  it('a second quit while the engine closes does not close it twice', async () => {
    const hosted = await shell.start();
    const closeEngine = vi.spyOn(hosted!, 'close');
    app.quit();
    app.quit();
    expect(app.ended).toBeNull();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0));
    expect(closeEngine).toHaveBeenCalledTimes(1);
  });
});
