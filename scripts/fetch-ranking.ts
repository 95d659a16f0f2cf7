/**
 * Fetches the latest ranking of the sandbox chart `global-28` (200 entries, 2 pages) through the real client.
 *
 *   npx tsx scripts/fetch-ranking.ts                 # starts an emulator in this process
 *   npx tsx scripts/fetch-ranking.ts --url http://127.0.0.1:8765 [--app-id soundcharts --api-key soundcharts]
 */
import { parseArgs } from 'node:util';
import { startEmulator, type RunningEmulator } from '../electron/emulator';
import { SANDBOX_CREDENTIALS, SoundchartsClient } from '../electron/engine/soundcharts';

const SANDBOX_CHART_SLUG = 'global-28';
const ROWS_SHOWN = 10;

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    chart: { type: 'string', default: SANDBOX_CHART_SLUG },
    'app-id': { type: 'string', default: SANDBOX_CREDENTIALS.appId },
    'api-key': { type: 'string', default: SANDBOX_CREDENTIALS.apiKey },
  },
});

let emulator: RunningEmulator | null = null;
try {
  let baseUrl = values.url;
  if (baseUrl === undefined) {
    emulator = await startEmulator({ seed: 1 });
    baseUrl = emulator.url;
    console.log(`started an emulator on ${baseUrl}`);
  }
  const client = new SoundchartsClient({
    baseUrl,
    credentials: { kind: 'api-key', appId: values['app-id'], apiKey: values['api-key'] },
  });
  const snapshot = await client.latestRanking(values.chart);
  console.log(
    `${snapshot.chart.name} (${snapshot.chart.countryName}, ${snapshot.chart.frequency}) at ${snapshot.datetime}`,
  );
  console.log('  pos   old  evo  song');
  for (const entry of snapshot.entries.slice(0, ROWS_SHOWN)) {
    const evolution = entry.oldPosition === 0 ? 'new' : String(entry.positionEvolution);
    console.log(
      `${String(entry.position).padStart(5)} ${String(entry.oldPosition).padStart(5)} ${evolution.padStart(4)}  ${entry.song.name} — ${entry.song.creditName}`,
    );
  }
  console.log('  …');
  console.log(`${snapshot.entries.length} entries in ${snapshot.pages} pages`);
  const quota = client.quota;
  if (quota) console.log(`quota remaining: ${quota.remaining}`);
} finally {
  await emulator?.close();
}
