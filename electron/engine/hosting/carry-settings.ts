import type { StoredSettings } from '../config/app-config';
import { readSettings, writeSettings } from '../config/settings-store';
import type { AppDatabase } from '../db/open-database';

/**
 * The operator's settings follow them from the demo database to the real one (and back): each setting the
 * database being opened lacks is copied from the one being left; what it already has stays.
 */
export function carrySettings(into: AppDatabase, from: StoredSettings, now: number): void {
  const have: Record<string, unknown> = readSettings(into);
  const missing = Object.fromEntries(
    Object.entries(from).filter(([key, value]) => value !== undefined && have[key] === undefined),
  );
  if (Object.keys(missing).length > 0) writeSettings(into, missing, now);
}
