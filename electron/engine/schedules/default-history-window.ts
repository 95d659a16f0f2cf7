import { readSettings } from '../config/settings-store';
import type { AppDatabase } from '../db/open-database';
import { settingsView } from '../settings/settings-service';

/**
 * The history window of a new schedule: the one asked for, else the operator's defaultHistoryWindowDays setting
 * (read now, so a change in Settings applies to the next schedule from the UI, the CLI and REST alike).
 */
export function historyWindowOrDefault(database: AppDatabase, asked: number | undefined): number {
  return asked ?? settingsView(readSettings(database)).defaultHistoryWindowDays;
}
