import { join } from 'node:path';
import { app, dialog } from 'electron';
import { startHostedEngine, type HostedEngine } from '../engine/host';
import { bindContract, forwardEvents } from './ipc';
import { createMainWindow } from './window';

/** In the built app the worker is out/main/worker.js beside this file; from source the engine's default is used. */
const workerEntry = import.meta.url.endsWith('.ts')
  ? undefined
  : { filename: join(import.meta.dirname, 'worker.js'), execArgv: [] };

/**
 * The desktop shell: lifecycle, window and IPC only. Everything that does the job is the engine, which is
 * the same in the headless host and the CLI.
 */
export async function main(): Promise<HostedEngine | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  await app.whenReady();
  let hosted: HostedEngine;
  try {
    hosted = await startHostedEngine({
      version: app.getVersion(),
      flags: { dataDir: process.env.CHART_SYNC_DATA_DIR?.trim() || app.getPath('userData') },
      ...(workerEntry ? { workerEntry } : {}),
    });
  } catch (error) {
    // A refused database (newer version, damaged file) or bad settings must be explained, not crash silently.
    dialog.showErrorBox('Chart Sync cannot start', error instanceof Error ? error.message : String(error));
    app.quit();
    return null;
  }
  bindContract(hosted.engine.handlers);
  const stopForwarding = forwardEvents(hosted.engine.events);
  hosted.engine.startScheduler();
  const window = createMainWindow();
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    // Let the period in flight finish and the database close before the process ends.
    closing = true;
    event.preventDefault();
    stopForwarding();
    void hosted.close().finally(() => app.exit(0));
  });
  return hosted;
}

if (!process.env.VITEST) void main();
