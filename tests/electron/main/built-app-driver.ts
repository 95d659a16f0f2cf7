/**
 * Run by built-app.test.ts in a plain Node process: loads the BUILT out/main/index.js, whose `electron` is the
 * fake (electron-loader.mjs), plays the operator (closes the window, reads the tray), and prints what it saw as
 * one `RESULT {json}` line. Not a test file itself.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { app, BrowserWindowMock, dialog, ipcMain, ownFrameEvent, TrayMock } from '../../mocks/electron';

type Result<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

async function until<T>(
  what: string,
  check: () => T | null | undefined | false,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // The app that could not start says so in an error box, then quits: fail with its words, not a timeout.
    const refused = dialog.showErrorBox.mock.calls[0];
    if (refused) throw new Error(`The app could not start, waiting for ${what}: ${refused.join(': ')}`);
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) {
      // Where it stopped, for a failure seen once in many runs: the window is made once the engine has started.
      const stage =
        BrowserWindowMock.windows.length > 0 ? 'after the engine started' : 'while the engine started';
      throw new Error(`Timed out waiting for ${what}, ${stage}.`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

await import(pathToFileURL(resolve(process.argv[2] ?? 'out/main/index.js')).href);

const tray = await until(
  'the tray and its menu',
  () => TrayMock.instances[0]?.contextMenu && TrayMock.instances[0],
);
const window = await until('the window', () => BrowserWindowMock.windows[0]);
const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
  const result = (await ipcMain.invoke(`chart-sync:call:${name}`, ownFrameEvent(window), input)) as Result<T>;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
};
const status = await call<{ demo: boolean; schedules: { total: number } }>('app/status');

// The operator closes the window: it hides, and the engine goes on in the tray.
const closedAt = window.webContents.send.mock.calls.length;
window.close();
const afterClose = {
  destroyed: window.destroyed,
  visible: window.visible,
  quitCalled: app.quit.mock.calls.length,
};
const schedules = await call<{ id: number }[]>('schedules/list');
// Whatever the demo's first syncs have done by now, one more is asked for after the close.
await call('schedules/sync-now', { ids: [schedules[0]!.id] }).catch(() => null);
const completed = await until('a sync completed after the close', () =>
  window.webContents.send.mock.calls
    .slice(closedAt)
    .find(
      ([channel, payload]) =>
        channel === 'chart-sync:event:execution/updated' &&
        (payload as { status?: string }).status === 'completed',
    ),
);
const trayAfter = tray.contextMenu!.labels();

app.quit();
await until('the app to exit', () => app.ended);
console.log(
  `RESULT ${JSON.stringify({
    demo: status.demo,
    schedules: status.schedules.total,
    trayLabels: trayAfter,
    trayImage: (tray.image as { path?: string }).path ?? null,
    tooltip: tray.tooltip,
    afterClose,
    completedAfterClose: (completed[1] as { id: number }).id,
    exit: app.ended,
  })}`,
);
process.exit(0);
