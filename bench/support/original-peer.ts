import { get } from 'node:http';
import Database from 'better-sqlite3';
import { PAGE_LIMIT, endpoints, withQuery } from '../../electron/engine/soundcharts/endpoints';

/**
 * A faithful peer of the original system's backfill (/work/shared/docs/original-system.md, sync_chart_rankings_task
 * on Django + SQLite): one Celery task walks the missing periods one after another, fetches each ranking with
 * blocking HTTP (one request at a time, no rate limiter: the original had none), and stores it through the ORM in
 * autocommit mode: get_or_create of the ranking, its old entries deleted, then per row a song get_or_create and
 * one entry INSERT, each statement its own transaction (Django's default), on SQLite's defaults (rollback journal,
 * synchronous FULL). Unlike the original it follows page.next, so that both sides fetch and store the same
 * 200-entry rankings: the comparison is of algorithms, not of how much data each keeps.
 */
/** `fetchMs`: time spent waiting for the API; the rest of `wallMs` is the ORM's inserts. */
export type PeerResult = {
  wallMs: number;
  fetchMs: number;
  requests: number;
  rankings: number;
  entries: number;
};

const HEADERS = { 'x-app-id': 'soundcharts', 'x-api-key': 'soundcharts', accept: 'application/json' };

type Page = {
  items: {
    position: number;
    song: { uuid: string; name: string; creditName?: string | null; imageUrl?: string | null };
    oldPosition?: number | null;
    positionEvolution?: number | null;
    metric?: number | null;
    timeOnChart?: number | null;
  }[];
  page: { next: string | null; total: number } | null;
  related?: { date: string };
};

export async function runOriginalPeer(options: {
  url: string;
  slug: string;
  /** The ranking datetimes to fetch, oldest first (the periods the original found missing). */
  datetimes: readonly string[];
  file: string;
}): Promise<PeerResult> {
  const db = new Database(options.file);
  db.exec(`
    CREATE TABLE IF NOT EXISTS chart_ranking (id INTEGER PRIMARY KEY, chart TEXT NOT NULL, ranking_date TEXT NOT NULL,
      fetched_at TEXT NOT NULL, UNIQUE (chart, ranking_date));
    CREATE TABLE IF NOT EXISTS song (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
      credit_name TEXT, image_url TEXT, updated_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS chart_ranking_entry (id INTEGER PRIMARY KEY,
      ranking_id INTEGER NOT NULL REFERENCES chart_ranking(id), song_id INTEGER NOT NULL REFERENCES song(id),
      position INTEGER NOT NULL, old_position INTEGER, position_evolution INTEGER, metric REAL, time_on_chart INTEGER);
    CREATE INDEX IF NOT EXISTS entry_ranking ON chart_ranking_entry (ranking_id);
  `);
  const findRanking = db.prepare('SELECT id FROM chart_ranking WHERE chart = ? AND ranking_date = ?');
  const insertRanking = db.prepare(
    'INSERT INTO chart_ranking (chart, ranking_date, fetched_at) VALUES (?, ?, ?)',
  );
  const deleteEntries = db.prepare('DELETE FROM chart_ranking_entry WHERE ranking_id = ?');
  const findSong = db.prepare('SELECT id, name, credit_name, image_url FROM song WHERE uuid = ?');
  const insertSong = db.prepare(
    'INSERT INTO song (uuid, name, credit_name, image_url, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const updateSong = db.prepare(
    'UPDATE song SET name = ?, credit_name = ?, image_url = ?, updated_at = ? WHERE id = ?',
  );
  const insertEntry = db.prepare(
    `INSERT INTO chart_ranking_entry (ranking_id, song_id, position, old_position, position_evolution, metric,
      time_on_chart) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );

  let requests = 0;
  let entries = 0;
  let rankings = 0;
  let fetchMs = 0;
  const started = performance.now();
  for (const datetime of options.datetimes) {
    // requests.get(...) page after page: each waits for the previous one.
    const items: Page['items'] = [];
    let path: string | null = withQuery(endpoints.rankingAt(options.slug, datetime), {
      offset: 0,
      limit: PAGE_LIMIT,
    });
    const fetchStarted = performance.now();
    while (path !== null) {
      const page = (await getJson(`${options.url}${path}`)) as Page;
      requests += 1;
      items.push(...page.items);
      path = page.page?.next && page.items.length > 0 ? page.page.next : null;
    }
    fetchMs += performance.now() - fetchStarted;
    const now = new Date().toISOString();
    const found = findRanking.get(options.slug, datetime) as { id: number } | undefined;
    const rankingId = found
      ? found.id
      : Number(insertRanking.run(options.slug, datetime, now).lastInsertRowid);
    deleteEntries.run(rankingId);
    for (const item of items) {
      const song = findSong.get(item.song.uuid) as
        { id: number; name: string; credit_name: string | null; image_url: string | null } | undefined;
      let songId: number;
      if (!song) {
        songId = Number(
          insertSong.run(
            item.song.uuid,
            item.song.name,
            item.song.creditName ?? null,
            item.song.imageUrl ?? null,
            now,
          ).lastInsertRowid,
        );
      } else {
        songId = song.id;
        if (song.name !== item.song.name || song.credit_name !== (item.song.creditName ?? null)) {
          updateSong.run(
            item.song.name,
            item.song.creditName ?? null,
            item.song.imageUrl ?? null,
            now,
            song.id,
          );
        }
      }
      insertEntry.run(
        rankingId,
        songId,
        item.position,
        item.oldPosition ?? null,
        item.positionEvolution ?? null,
        item.metric ?? null,
        item.timeOnChart ?? null,
      );
      entries += 1;
    }
    rankings += 1;
  }
  const wallMs = performance.now() - started;
  db.close();
  return { wallMs, fetchMs, requests, rankings, entries };
}

/** requests.get() without a Session, as the original calls it: a connection of its own for every request. */
function getJson(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    get(url, { headers: HEADERS, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`peer: ${url} answered ${response.statusCode}`));
        else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      });
      response.on('error', reject);
    }).on('error', reject);
  });
}
