import { EXTERNAL_CHANGE_CHECK_MS } from '../../shared/domain/policies';
import type { AppDatabase } from './db/open-database';

/**
 * Calls `onChange` when another connection commits to the database. SQLite's `data_version` changes only for
 * commits of other connections, never for this one's, so the engine's own writes (already announced by their
 * events) do not count. Returns the stop.
 */
export function watchExternalChanges(
  database: AppDatabase,
  onChange: () => void,
  intervalMs: number = EXTERNAL_CHANGE_CHECK_MS,
): () => void {
  const version = () => database.sqlite.pragma('data_version', { simple: true }) as number;
  let seen = version();
  const timer = setInterval(() => {
    let now: number;
    try {
      now = version();
    } catch {
      // The database closed under us: the engine is stopping and clears this timer.
      return;
    }
    if (now === seen) return;
    seen = now;
    onChange();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
