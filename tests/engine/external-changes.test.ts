import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/engine/db/open-database';
import { upsertCharts } from '../../electron/engine/db/queries/charts';
import { watchExternalChanges } from '../../electron/engine/external-changes';
import { SAMPLE_CHARTS, useTempDir } from '../support/database';

const tempDir = useTempDir();
const open: AppDatabase[] = [];
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const database of open.splice(0)) database.close();
});

function twoConnections(): [AppDatabase, AppDatabase] {
  const file = join(tempDir(), 'chart-sync.sqlite');
  const host = openDatabase({ file });
  const cli = openDatabase({ file });
  open.push(host, cli);
  return [host, cli];
}

describe('watchExternalChanges', () => {
  it('tells of a commit made by another connection (the CLI), once per change', async () => {
    const [host, cli] = twoConnections();
    const changes = vi.fn();
    stops.push(watchExternalChanges(host, changes, 5));
    upsertCharts(cli, SAMPLE_CHARTS);
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(1));
    upsertCharts(cli, SAMPLE_CHARTS.slice(0, 1));
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(2));
  });

  it("does not count the host's own writes, which its events already announce", async () => {
    const [host] = twoConnections();
    const changes = vi.fn();
    stops.push(watchExternalChanges(host, changes, 5));
    upsertCharts(host, SAMPLE_CHARTS);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).not.toHaveBeenCalled();
  });

  it('stops looking once stopped, and survives the database closing first', async () => {
    const [host, cli] = twoConnections();
    const changes = vi.fn();
    const stop = watchExternalChanges(host, changes, 5);
    host.close();
    open.splice(open.indexOf(host), 1);
    upsertCharts(cli, SAMPLE_CHARTS);
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    expect(changes).not.toHaveBeenCalled();
  });
});
