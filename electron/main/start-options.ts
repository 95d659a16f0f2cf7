import { app } from 'electron';

/** Launch at login passes this: start in the tray, with no window shown. */
export const HIDDEN_FLAG = '--hidden';

/** macOS login items are started without arguments; the OS says instead whether this start was at login. */
export function startsHidden(argv: readonly string[] = process.argv, platform = process.platform): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
