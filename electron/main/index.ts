import { app, dialog } from 'electron';
import { createEngine, type Engine } from '../engine/engine';
import { bindContract } from './ipc';
import { createMainWindow } from './window';

/**
 * The desktop shell: lifecycle, window and IPC only. Everything that does the job is the engine, which is
 * the same in the headless host and the CLI.
 */
export async function main(): Promise<Engine | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  await app.whenReady();
  let engine: Engine;
  try {
    engine = createEngine({
      dataDir: process.env.CHART_SYNC_DATA_DIR?.trim() || app.getPath('userData'),
      version: app.getVersion(),
    });
  } catch (error) {
    // A refused database (newer version, damaged file) must be explained, not crash silently.
    dialog.showErrorBox('Chart Sync cannot start', error instanceof Error ? error.message : String(error));
    app.quit();
    return null;
  }
  bindContract(engine.handlers);
  const window = createMainWindow();
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => engine.close());
  return engine;
}

if (!process.env.VITEST) void main();
