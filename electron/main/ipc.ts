import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES } from '../../shared/contract/call-names';
import type { CallHandlers } from '../../shared/contract/calls';
import { CALL_CHANNEL_PREFIX } from '../../shared/contract/channels';
import type { Result } from '../../shared/errors';
import { dispatch } from '../engine/api/dispatch';

/** One ipcMain handler per contract call (no generic channel), answering only our own windows' frames. */
export function bindContract(handlers: CallHandlers): void {
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
        return dispatch(handlers, name, input);
      },
    );
  }
}

function isOwnFrame(event: IpcMainInvokeEvent): boolean {
  const window = BrowserWindow.fromWebContents(event.sender);
  return window !== null && event.senderFrame !== null && event.senderFrame === event.sender.mainFrame;
}
