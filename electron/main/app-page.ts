import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The built page the window loads (out/renderer/index.html beside out/main). */
export function appPageFile(): string {
  return join(import.meta.dirname, '../renderer/index.html');
}

/** The development server electron-vite names, when the window loads from it instead of the build. */
export function devServerUrl(): string | undefined {
  return process.env.ELECTRON_RENDERER_URL || undefined;
}

/**
 * Whether a frame shows the app's own page: IPC answers only such a frame. Navigation is refused (security.ts),
 * but should a frame ever reach another page (a file elsewhere, a site, a data: URL), it gets no contract. The
 * hash (the router's screens) and the query do not matter; the origin and path must be the app's.
 */
export function isAppPageUrl(url: string): boolean {
  let given: URL;
  try {
    given = new URL(url);
  } catch {
    return false;
  }
  const dev = devServerUrl();
  if (dev !== undefined) {
    const expected = new URL(dev);
    if (given.origin === expected.origin) return true;
  }
  const page = pathToFileURL(appPageFile());
  return given.protocol === 'file:' && given.host === page.host && given.pathname === page.pathname;
}
