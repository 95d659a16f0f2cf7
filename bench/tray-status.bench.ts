import { bench, describe } from 'vitest';
import { dispatch } from '../electron/engine/api/dispatch';
import { upsertCharts } from '../electron/engine/db/queries/charts';
import { openDatabase } from '../electron/engine/db/open-database';
import { Engine } from '../electron/engine/engine';
import { SANDBOX_CREDENTIALS } from '../electron/engine/soundcharts';
import { DAY_MS } from '../shared/domain/policies';
import { trayView } from '../shared/domain/tray-view';
import type { AppStatus } from '../shared/views/app-status';
import { chartRecords } from './ten-thousand-charts';

// What the desktop tray pays each time it renders (at most once a second while syncs run): app/status through
// the port, then trayView. A big operator's database: 10,000 charts, 2,500 schedules, 60 days of daily executions.
const SCHEDULES = 2_500;
const DAYS = 60;
const engine = new Engine({
  database: openDatabase({ file: ':memory:' }),
  version: 'bench',
  connection: { baseUrl: 'http://127.0.0.1:9', credentials: SANDBOX_CREDENTIALS },
});
upsertCharts(engine.database, chartRecords());
for (let id = 1; id <= SCHEDULES; id++) engine.schedules.create({ chartId: id, isActive: id % 5 !== 0 });
const now = Date.now();
const insert = engine.database.sqlite.prepare(
  `INSERT INTO chart_sync_executions (schedule_id, chart_id, status, trigger, started_at, completed_at, created_at, updated_at)
   VALUES (?, ?, ?, 'scheduled', ?, ?, ?, ?)`,
);
engine.database.sqlite.transaction(() => {
  for (let day = DAYS; day >= 1; day--) {
    for (let id = 1; id <= SCHEDULES; id++) {
      const at = now - day * DAY_MS + id * 1_000;
      insert.run(id, id, id % 17 === 0 ? 'failed' : 'completed', at, at + 30_000, at, at + 30_000);
    }
  }
})();

async function status(): Promise<AppStatus> {
  const result = await dispatch(engine.handlers, 'app/status', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AppStatus;
}

describe(`tray render: ${SCHEDULES.toLocaleString('en-US')} schedules, ${(SCHEDULES * DAYS).toLocaleString('en-US')} executions`, () => {
  bench('app/status + trayView (one tray render)', async () => {
    trayView(await status(), now);
  });
  bench('charts/list (the Charts screen, for scale)', async () => {
    const result = await dispatch(engine.handlers, 'charts/list', {});
    if (!result.ok) throw new Error(result.error.message);
  });
});
