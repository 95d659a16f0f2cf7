import type { Measure } from '../support/measure';
import { backfillMeasure } from './backfill';
import { chartsScreen } from './charts-screen';
import { footprint } from './footprint';
import { idle } from './idle';
import { ingest } from './ingest';
import { startup } from './startup';

/**
 * Every measure of `npm run bench`, one module per goal of issue 12. Each lane adds its measures here; the
 * runner orders them by goal.
 */
export const measures: Measure[] = [backfillMeasure, chartsScreen, startup, idle, ingest, footprint];
