import { join, sep } from 'node:path';
import { app, dialog } from 'electron';
import { startHostedEngine, type HostedEngine } from '../engine/host';
import type { CredentialVault } from '../engine/credentials/credential-vault';

/**
 * Files the packaged app keeps outside app.asar (electron-builder's asarUnpack): a worker thread cannot load its
 * script from inside the archive, so the worker is started from the unpacked copy.
 */
export function unpackedPath(path: string): string {
  return path.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
}

/** In the built app the worker is out/main/worker.js beside this file; from source the engine's default is used. */
function workerEntry() {
  if (import.meta.url.endsWith('.ts')) return undefined;
  return { filename: unpackedPath(join(import.meta.dirname, 'worker.js')), execArgv: [] };
}

/** CHART_SYNC_DATA_DIR (tests, a second profile), else the OS's place for the app's data. */
export function dataDirectory(): string {
  return process.env.CHART_SYNC_DATA_DIR?.trim() || app.getPath('userData');
}

/**
 * Starts the engine in the user's data folder, with saved credentials in the safeStorage vault. Saved credentials
 * it cannot read (a keychain this session cannot use, a damaged file) do not stop the app: it starts as if none
 * were saved and Settings says they must be entered again. A refused database (newer version, damaged file) or
 * bad settings are explained in a dialog and the app quits, instead of crashing silently; null then.
 */
export async function setupEngine(dataDir: string, vault: CredentialVault): Promise<HostedEngine | null> {
  const worker = workerEntry();
  try {
    return await startHostedEngine({
      version: app.getVersion(),
      flags: { dataDir },
      vault,
      unreadableVault: 'as-none',
      ...(worker ? { workerEntry: worker } : {}),
    });
  } catch (error) {
    dialog.showErrorBox('Chart Sync cannot start', error instanceof Error ? error.message : String(error));
    app.quit();
    return null;
  }
}
