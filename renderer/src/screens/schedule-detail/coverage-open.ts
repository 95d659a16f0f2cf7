import { useCallback, useRef, useState } from 'react';
import type { CoverageView } from '../../../../shared/views/schedule-detail';
import { runAction } from '../../actions/run-action';
import { formatCountOf } from '../../format/numbers';
import { rankingHref } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import { confirm } from '../../store/confirm-store';
import { toast } from '../../store/toast-store';
import { call } from '../../transport/api';
import { storedDateIn } from '../ranking/ranking-format';
import type { CoverageCell } from './coverage-grid';

/**
 * What clicking a coverage cell does: a synced period opens its stored ranking, a missing or failed one offers to
 * fetch it (a backfill, which fetches every gap of the window, this one included: said before it starts), a
 * pending one explains why it is not a gap. Returns the handler and the explanation currently shown.
 */
export function useCoverageOpen({
  chartId,
  scheduleId,
  coverage,
  onStarted,
}: {
  chartId: number;
  scheduleId: number;
  coverage: CoverageView;
  onStarted(): void;
}): { open(cell: CoverageCell): Promise<void>; note: string | null } {
  const [note, setNote] = useState<string | null>(null);
  // A weekly or monthly period's ranking carries the date Soundcharts stamped it with, somewhere in the period:
  // the chart's stored dates are read once, and again once more periods are stored.
  const storedDates = useRef<{ key: string; dates: Promise<string[] | null> } | null>(null);
  const storedKey = `${chartId}:${coverage.synced}:${coverage.to}`;

  const open = useCallback(
    async (cell: CoverageCell) => {
      setNote(null);
      switch (cell.state) {
        case 'synced': {
          if (cell.start === cell.end) {
            navigate(rankingHref(chartId, cell.start));
            return;
          }
          if (storedDates.current?.key !== storedKey) {
            storedDates.current = {
              key: storedKey,
              dates: call('rankings/get', { chart: String(chartId) }).then((result) =>
                result.ok ? result.value.dates : null,
              ),
            };
          }
          const dates = await storedDates.current.dates;
          const date = dates && storedDateIn(dates, cell.start, cell.end);
          if (date) navigate(rankingHref(chartId, date));
          else {
            storedDates.current = null;
            toast.error(
              `Could not open the ranking of ${cell.label}`,
              'No stored ranking was found in this period; it may have been pruned. Try again after the next sync.',
            );
          }
          return;
        }
        case 'missing':
        case 'failed': {
          const gaps = coverage.missing + coverage.failed;
          const ok = await confirm({
            title: `Fetch ${cell.label}?`,
            message:
              `${cell.label} is ${cell.state === 'failed' ? 'a period whose fetch failed' : 'not stored'}. ` +
              `Fetching starts a backfill of this chart, which fetches every missing period of the history ` +
              `window, this one included (${formatCountOf(gaps, 'period')} in all), and spends Soundcharts ` +
              `quota for each.`,
            confirmLabel: gaps > 1 ? `Fetch ${formatCountOf(gaps, 'period')}` : 'Fetch it',
          });
          if (!ok) return;
          const execution = await runAction(call('schedules/backfill', { id: scheduleId }), {
            success: (started) => `Backfill started: execution #${started.id}`,
            failure: 'The backfill did not start',
          });
          if (execution) onStarted();
          return;
        }
        case 'pending':
          setNote(
            `${cell.label} has not ended yet, so Soundcharts may not have published its ranking: it is not a ` +
              `gap, and the schedule fetches it once it is out.`,
          );
          return;
      }
    },
    [chartId, scheduleId, coverage, storedKey, onStarted],
  );
  return { open, note };
}
