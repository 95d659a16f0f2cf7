import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ExportView } from '../../../shared/views/export';
import { dispatch } from '../../../electron/engine/api/dispatch';
import type { Engine } from '../../../electron/engine/engine';
import { useTempDir } from '../../support/database';
import { useTestEngine } from '../../support/sync-engine';

async function backup(engine: Engine, out: string): Promise<ExportView> {
  const started = await dispatch(engine.handlers, 'exports/start', { dataset: 'backup', out });
  if (!started.ok) throw new Error(started.error.message);
  return engine.exports.finished((started.value as ExportView).id);
}

/** A copy is whole when it passes SQLite's own checks and no stored ranking misses an entry. */
function checkCopy(file: string): { rankings: number; entries: number } {
  const copy = new Database(file, { readonly: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('foreign_key_check')).toEqual([]);
    const torn = copy
      .prepare(
        `SELECT r.id FROM chart_rankings r
         WHERE r.entry_count != (SELECT count(*) FROM chart_ranking_entries e WHERE e.ranking_id = r.id)`,
      )
      .all();
    expect(torn).toEqual([]);
    return {
      rankings: copy.prepare('SELECT count(*) FROM chart_rankings').pluck().get() as number,
      entries: copy.prepare('SELECT count(*) FROM chart_ranking_entries').pluck().get() as number,
    };
  } finally {
    copy.close();
  }
}

describe('backup', () => {
  const { start } = useTestEngine();
  const tempDir = useTempDir();

  it('copies the database consistently while a sync writes, and the copy matches once it is quiet', async () => {
    const dir = tempDir();
    const { engine, chartId } = await start({ file: join(dir, 'chart-sync.sqlite') });
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 30, fetchTrackMetadata: false });
    let syncing = true;
    const sync = engine.syncChart(id).finally(() => (syncing = false));
    const counts: number[] = [];
    let n = 0;
    // Back up while the sync runs (a few times): every copy must be whole, whatever it caught.
    while ((syncing && n < 4) || n === 0) {
      const out = join(dir, `copy-${++n}.sqlite`);
      const view = await backup(engine, out);
      expect(view).toMatchObject({ status: 'completed', format: null, dataset: 'backup' });
      counts.push(checkCopy(out).rankings);
    }
    expect((await sync).status).toBe('completed');
    expect(counts).toEqual([...counts].sort((a, b) => a - b));

    const quiet = join(dir, 'quiet.sqlite');
    await backup(engine, quiet);
    const copy = checkCopy(quiet);
    const source = engine.database.sqlite;
    expect(copy).toEqual({
      rankings: source.prepare('SELECT count(*) FROM chart_rankings').pluck().get(),
      entries: source.prepare('SELECT count(*) FROM chart_ranking_entries').pluck().get(),
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('a cancelled backup leaves no file', async () => {
    const dir = tempDir();
    const { engine } = await start({ file: join(dir, 'chart-sync.sqlite') });
    const out = join(dir, 'cancelled.sqlite');
    const started = await dispatch(engine.handlers, 'exports/start', { dataset: 'backup', out });
    if (!started.ok) throw new Error(started.error.message);
    const cancelled = await engine.exports.cancel((started.value as ExportView).id);
    expect(cancelled.status).toBe('cancelled');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('cancelled'))).toEqual([]);
  });
});
