import { bench, describe } from 'vitest';
import {
  DEFAULT_CHART_SORT,
  NO_CHART_FILTERS,
  facetOptions,
  filterCharts,
  sortCharts,
} from '../renderer/src/screens/charts/chart-filters';
import { chartItems } from './ten-thousand-charts';

const charts = chartItems();
const sorted = sortCharts(charts, DEFAULT_CHART_SORT);
const typed = { ...NO_CHART_FILTERS, query: 'top 12 germ' };
// Warm the folded-text cache the way the first keystroke after a fetch does.
filterCharts(sorted, typed);

describe('Charts screen, 10,000 rows', () => {
  bench('keystroke: filter + facet counts', () => {
    filterCharts(sorted, typed);
    facetOptions(sorted, typed);
  });
  bench('first keystroke on a fresh list (search text folded)', () => {
    const fresh = charts.map((chart) => ({ ...chart }));
    filterCharts(fresh, typed);
    facetOptions(fresh, typed);
  });
  bench('sort change (name → platform)', () => {
    sortCharts(charts, { key: 'platform', direction: 'desc' });
  });
});
