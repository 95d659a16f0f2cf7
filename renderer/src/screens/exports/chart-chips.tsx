import { useMemo, useState } from 'react';
import type { ChartListItem } from '../../../../shared/views/chart-list-item';
import { ChartCombobox } from '../../components/chart-combobox';
import { chartLabel } from '../../components/chart-search';
import { formatCount } from '../../format/numbers';

/** A selection of hundreds of charts (from the Charts screen) shows this many chips until asked for all. */
const CHIPS_SHOWN = 12;

/**
 * Several charts picked one by one with the app's chart picker, each shown as a chip that removes it. Charts are
 * kept by slug (what the export's history and the CLI show); a slug or id not in the catalogue stays as given.
 */
export function ChartChips({
  id,
  charts,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  charts: readonly ChartListItem[];
  value: readonly string[];
  onChange(slugs: string[]): void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const byReference = useMemo(() => {
    const map = new Map<string, ChartListItem>();
    for (const chart of charts) {
      map.set(chart.slug, chart);
      map.set(String(chart.id), chart);
    }
    return map;
  }, [charts]);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? value : value.slice(0, CHIPS_SHOWN);
  const hidden = value.length - shown.length;
  // Charts already chosen are not offered again; scheduled charts (the ones with rankings) come first.
  const offered = useMemo(() => {
    const chosen = new Set(value.map((ref) => byReference.get(ref)?.id));
    const open = charts.filter((chart) => !chosen.has(chart.id));
    return [...open.filter((c) => c.scheduleId !== null), ...open.filter((c) => c.scheduleId === null)];
  }, [charts, value, byReference]);

  return (
    <div className="chart-chips">
      {value.length > 0 && (
        <ul className="chip-list" aria-label="Charts chosen">
          {shown.map((ref) => {
            const chart = byReference.get(ref);
            const label = chart ? chartLabel(chart) : ref;
            return (
              <li key={ref} className="chip" title={chart ? `${label} (${chart.slug})` : ref}>
                <span className="chip-text">{label}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove ${label}`}
                  onClick={() => onChange(value.filter((other) => other !== ref))}
                >
                  ×
                </button>
              </li>
            );
          })}
          {hidden > 0 && (
            <li>
              <button type="button" className="link-button chip-more" onClick={() => setShowAll(true)}>
                and {formatCount(hidden)} more
              </button>
            </li>
          )}
          {value.length > 1 && (
            <li>
              <button type="button" className="link-button chip-more" onClick={() => onChange([])}>
                Clear all
              </button>
            </li>
          )}
        </ul>
      )}
      <ChartCombobox
        id={id}
        charts={offered}
        value={null}
        placeholder={value.length === 0 ? 'Type to choose a chart' : 'Add a chart'}
        invalid={invalid}
        describedBy={describedBy}
        onChange={(chartId) => {
          const chart = chartId === null ? undefined : charts.find((c) => c.id === chartId);
          if (chart) onChange([...value, chart.slug]);
        }}
      />
    </div>
  );
}
