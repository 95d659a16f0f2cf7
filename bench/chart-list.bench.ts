import { bench, describe } from 'vitest';
import { dispatch } from '../electron/engine/api/dispatch';
import { getChartById, upsertCharts } from '../electron/engine/db/queries/charts';
import { openDatabase } from '../electron/engine/db/open-database';
import { Engine } from '../electron/engine/engine';
import { SANDBOX_CREDENTIALS } from '../electron/engine/soundcharts';
import { chartRecords } from './ten-thousand-charts';

// No request is made: charts/list reads the database only.
const engine = new Engine({
  database: openDatabase({ file: ':memory:' }),
  version: 'bench',
  connection: { baseUrl: 'http://127.0.0.1:9', credentials: SANDBOX_CREDENTIALS },
});
upsertCharts(engine.database, chartRecords());
for (let id = 1; id <= 2_500; id++) engine.schedules.create({ chartId: id, isActive: id % 2 === 0 });
const ids = engine.database.sqlite.prepare('SELECT id FROM charts').pluck().all() as number[];

describe('charts/list, 10,000 charts and 2,500 schedules', () => {
  bench('one query (as built)', async () => {
    const result = await dispatch(engine.handlers, 'charts/list', {});
    if (!result.ok) throw new Error(result.error.message);
  });
  bench('one query per chart (the shape it replaced)', () => {
    for (const id of ids) {
      getChartById(engine.database, id);
      engine.schedules.getByChart(id);
    }
  });
});
