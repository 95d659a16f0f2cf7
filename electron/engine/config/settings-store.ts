import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/open-database';
import { settings } from '../db/schema';
import { storedSettingsSchema, type StoredSettings } from './app-config';

/**
 * The operator's stored settings. A value that no longer validates (hand-edited, or from another version) is
 * ignored rather than trusted, so a bad row can never stop the app from starting.
 */
export function readSettings(database: AppDatabase): StoredSettings {
  const entries: Record<string, unknown> = {};
  for (const row of database.db.select().from(settings).all()) {
    try {
      entries[row.key] = JSON.parse(row.valueJson);
    } catch {
      continue;
    }
  }
  const parsed: StoredSettings = {};
  for (const key of Object.keys(storedSettingsSchema.shape) as (keyof StoredSettings)[]) {
    const one = storedSettingsSchema
      .pick({ [key]: true } as { [K in typeof key]: true })
      .safeParse({ [key]: entries[key] });
    if (one.success) Object.assign(parsed, one.data);
  }
  return parsed;
}

export function writeSettings(database: AppDatabase, change: StoredSettings, now: number): StoredSettings {
  const valid = storedSettingsSchema.parse(change);
  database.sqlite.transaction(() => {
    for (const [key, value] of Object.entries(valid)) {
      if (value === undefined) {
        database.db.delete(settings).where(eq(settings.key, key)).run();
        continue;
      }
      database.db
        .insert(settings)
        .values({ key, valueJson: JSON.stringify(value), updatedAt: now })
        .onConflictDoUpdate({
          target: settings.key,
          set: { valueJson: JSON.stringify(value), updatedAt: now },
        })
        .run();
    }
  })();
  return readSettings(database);
}
