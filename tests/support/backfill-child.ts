// A separate process that backfills a year of global-28 into a file database, to be killed mid-way by a test.
import { openDatabase } from '../../electron/engine/db/open-database';
import { getChartBySlug } from '../../electron/engine/db/queries/charts';
import { Engine } from '../../electron/engine/engine';
import { SANDBOX_CREDENTIALS } from '../../electron/engine/soundcharts';
import { SYNC_NOW } from './sync-engine';

const [file, baseUrl] = process.argv.slice(2) as [string, string];
const engine = new Engine({
  database: openDatabase({ file, now: () => SYNC_NOW }),
  version: 'test',
  connection: { baseUrl, credentials: SANDBOX_CREDENTIALS },
  rateLimitPerMinute: 1e9,
  clock: () => SYNC_NOW,
});
await engine.discoverCharts();
const chart = getChartBySlug(engine.database, 'global-28')!;
engine.schedules.create({ chartId: chart.id, historyWindowDays: 365, fetchTrackMetadata: false });
process.stdout.write('syncing\n');
await engine.syncChart(chart.id);
process.stdout.write('finished\n');
await engine.close();
