import type { Result } from '../../../../shared/errors';
import type { ChartListItem } from '../../../../shared/views/chart-list-item';
import { CHART_LIST_FIRST_ROWS } from '../../../../shared/domain/policies';
import { call } from '../../transport/api';

let early: Promise<Result<ChartListItem[]>> | null = null;

/**
 * Asks for the Charts screen's first rows at start-up, before React renders and before the shell asks for the
 * status line: the host answers calls in the order they arrive, so this one is answered first.
 */
export function askFirstChartsEarly(): void {
  early ??= call('charts/list', { first: CHART_LIST_FIRST_ROWS });
}

/** The first rows: the answer asked at start-up when there is one (used once), else a new call. */
export function firstCharts(): Promise<Result<ChartListItem[]>> {
  const answer = early ?? call('charts/list', { first: CHART_LIST_FIRST_ROWS });
  early = null;
  return answer;
}
