import type Database from 'better-sqlite3';
import { preparedPer } from './prepared';

/** What storing a ranking needs of a song already in the database. */
export type CachedSong = { id: number; name: string; creditName: string; imageUrl: string | null };

/** Beyond this many songs the cache starts over rather than grow with the catalogue. */
const MAX_CACHED_SONGS = 250_000;

/**
 * The songs this connection has read or written, by uuid, so that storing a ranking looks up only the songs it
 * has not met yet. It must never answer what the database would not:
 * - another connection (a CLI, a worker) that commits anything moves PRAGMA data_version: the cache starts over;
 * - this connection writing a song elsewhere (metadata) or deleting one fires a temporary trigger that forgets it;
 * - what a transaction learns is staged and only kept once it commits (`commit`), so a rollback leaves nothing.
 */
export class SongCache {
  private readonly songs = new Map<string, CachedSong>();
  private staged = new Map<string, CachedSong>();
  private version: number | null = null;
  private readonly dataVersion: Database.Statement<[], number>;

  constructor(sqlite: Database.Database) {
    this.dataVersion = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
    sqlite.function('chart_sync_forget_song', { deterministic: false }, (uuid: unknown) => {
      if (typeof uuid === 'string') this.songs.delete(uuid);
      return null;
    });
    sqlite.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS chart_sync_song_updated AFTER UPDATE ON main.songs
        BEGIN SELECT chart_sync_forget_song(OLD.uuid); END;
      CREATE TEMP TRIGGER IF NOT EXISTS chart_sync_song_deleted AFTER DELETE ON main.songs
        BEGIN SELECT chart_sync_forget_song(OLD.uuid); END;`);
  }

  /** Call first inside the transaction (it reads the database's version in the transaction's snapshot). */
  begin(): void {
    const version = this.dataVersion.get()!;
    if (version !== this.version || this.songs.size > MAX_CACHED_SONGS) this.songs.clear();
    this.version = version;
    this.staged = new Map();
  }

  get(uuid: string): CachedSong | undefined {
    return this.staged.get(uuid) ?? this.songs.get(uuid);
  }

  /** Known as of this transaction; kept if it commits. */
  stage(uuid: string, song: CachedSong): void {
    this.staged.set(uuid, song);
  }

  commit(): void {
    for (const [uuid, song] of this.staged) this.songs.set(uuid, song);
    this.staged = new Map();
  }

  rollback(): void {
    this.staged = new Map();
  }
}

const cacheOf = preparedPer((sqlite: Database.Database) => new SongCache(sqlite));

/** This connection's cache (created, with its triggers, at first use). */
export function songCacheOf(sqlite: Database.Database): SongCache {
  return cacheOf(sqlite);
}
