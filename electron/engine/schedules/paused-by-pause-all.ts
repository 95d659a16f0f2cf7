import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDatabase } from '../db/open-database';
import { settings } from '../db/schema';

/**
 * Which schedules "Pause all" paused, so "Resume all" resumes exactly those and not the ones the operator had
 * paused before. Kept in the settings table under its own key: engine state, not a setting (SettingsView and
 * readSettings only know the operator's keys), and it survives a restart between pausing and resuming.
 */
const KEY = 'schedules.pausedByPauseAll';
const idsSchema = z.array(z.number().int().positive());

export function readPausedByPauseAll(database: AppDatabase): number[] {
  const row = database.db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return [];
  try {
    const parsed = idsSchema.safeParse(JSON.parse(row.valueJson));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function writePausedByPauseAll(database: AppDatabase, ids: readonly number[], now: number): void {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  if (unique.length === 0) {
    database.db.delete(settings).where(eq(settings.key, KEY)).run();
    return;
  }
  const valueJson = JSON.stringify(unique);
  database.db
    .insert(settings)
    .values({ key: KEY, valueJson, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { valueJson, updatedAt: now } })
    .run();
}

/** Schedules the operator resumed on their own are no longer "Pause all"'s to resume. */
export function forgetPausedByPauseAll(database: AppDatabase, ids: readonly number[], now: number): void {
  const remembered = readPausedByPauseAll(database);
  const gone = new Set(ids);
  if (!remembered.some((id) => gone.has(id))) return;
  writePausedByPauseAll(
    database,
    remembered.filter((id) => !gone.has(id)),
    now,
  );
}
