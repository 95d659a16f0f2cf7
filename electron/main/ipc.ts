import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES } from '../../shared/contract/call-names';
import type { CallHandlers } from '../../shared/contract/calls';
import { CALL_CHANNEL_PREFIX, EVENT_CHANNEL_PREFIX, HOST_CHANNELS } from '../../shared/contract/channels';
import type { Subscribe } from '../../shared/contract/client';
import { EVENT_NAMES } from '../../shared/contract/events';
import type { Result } from '../../shared/errors';
import { dispatch, type InternalErrorListener } from '../engine/api/dispatch';
import { actAs } from '../engine/audit/actor';
import { isAppPageUrl } from './app-page';
import type { ShellPort } from './shell-port';

/** A file name the page suggests for "Save as": a name, not a path, and not a long one. */
const SUGGESTED_NAME_MAX = 200;

/** The window only sees "internal" for an unexpected error; its details go to the app's log (stderr). */
const logInternalError: InternalErrorListener = (error, call) =>
  console.error(`chart-sync: ${call} failed:`, error);

/**
 * The window's IPC: the contract's calls and events through the port (so they follow the engine in use), and the
 * shell's own "Save as" dialog. Returns what stops the events at shutdown.
 */
export function setupIpc(port: ShellPort, onError = logInternalError): () => void {
  bindContract(port.handlers, onError);
  bindChooseSaveFile();
  return forwardEvents(port.events);
}

/** One ipcMain handler per contract call (no generic channel), answering only our own windows' frames. */
export function bindContract(handlers: CallHandlers, onError = logInternalError): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(
      `${CALL_CHANNEL_PREFIX}${name}`,
      async (event, input: unknown): Promise<Result<unknown>> => {
        if (!isOwnFrame(event)) {
          return {
            ok: false,
            error: { code: 'invalid_input', message: 'Refused: the request did not come from Chart Sync.' },
          };
        }
        return actAs('ui', () => dispatch(handlers, name, input, onError));
      },
    );
  }
}

/**
 * Forwards every engine event to every open window, each on its event's channel; windows opened later receive
 * the events from then on. Returns the unsubscribe, for shutdown.
 */
export function forwardEvents(events: { on: Subscribe }): () => void {
  const unsubscribe = EVENT_NAMES.map((name) =>
    events.on(name, (payload: unknown) => {
      for (const window of BrowserWindow.getAllWindows()) {
        // A window closing while the engine emits must not throw in the engine's emit.
        if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
        window.webContents.send(`${EVENT_CHANNEL_PREFIX}${name}`, payload);
      }
    }),
  );
  return () => {
    for (const off of unsubscribe) off();
  };
}

/**
 * `chartSyncHost.chooseSaveFile(suggestedName)`: the native dialog, attached to the asking window. Only the page
 * itself may ask (a frame it embeds may not make the app write where it wants); the answer is the chosen path or
 * null when the operator cancelled.
 */
function bindChooseSaveFile(): void {
  ipcMain.handle(HOST_CHANNELS.chooseSaveFile, async (event, suggestedName: unknown) => {
    const window = isOwnFrame(event) ? BrowserWindow.fromWebContents(event.sender) : null;
    if (!window) throw new Error('Refused: the request did not come from Chart Sync.');
    const name =
      typeof suggestedName === 'string' ? basename(suggestedName).slice(0, SUGGESTED_NAME_MAX) : 'export';
    const chosen = await dialog.showSaveDialog(window, {
      defaultPath: join(app.getPath('downloads'), name),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
  });
}

/** Our window's main frame (not a frame it embeds), showing our page (not one it was made to reach). */
function isOwnFrame(event: IpcMainInvokeEvent): boolean {
  const window = BrowserWindow.fromWebContents(event.sender);
  const frame = event.senderFrame;
  return window !== null && frame !== null && frame === event.sender.mainFrame && isAppPageUrl(frame.url);
}
