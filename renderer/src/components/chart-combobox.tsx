import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { ChartSummary } from '../../../shared/views/schedule-view';
import { formatCount, formatCountOf } from '../format/numbers';
import { chartLabel, searchCharts } from './chart-search';
import './chart-combobox.css';

type Props = {
  /** The input's id, for an outside <label htmlFor>. */
  id: string;
  charts: readonly ChartSummary[];
  value: number | null;
  onChange(chartId: number | null): void;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
  onBlur?(): void;
};

/**
 * A searchable chart picker (the ARIA 1.2 combobox pattern): typing narrows the list, arrows move, Enter picks,
 * Escape closes. Emptying the text clears the choice.
 */
export function ChartCombobox({
  id,
  charts,
  value,
  onChange,
  placeholder,
  invalid,
  describedBy,
  disabled,
  onBlur,
}: Props) {
  const listId = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const selected = useMemo(() => charts.find((c) => c.id === value) ?? null, [charts, value]);
  const { matches, total } = useMemo(() => searchCharts(charts, query ?? ''), [charts, query]);
  // A chart id from a link or the URL that is not in the list (yet) is still shown, not silently blanked.
  const text =
    query ?? (selected ? chartLabel(selected) : value !== null && charts.length > 0 ? `Chart ${value}` : '');
  const activeChart = open ? matches[Math.min(active, matches.length - 1)] : undefined;

  const pick = (chart: ChartSummary) => {
    onChange(chart.id);
    setQuery(null);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.max(0, Math.min(matches.length - 1, i + step)));
    } else if (event.key === 'Enter' && open && activeChart) {
      event.preventDefault();
      pick(activeChart);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setQuery(null);
    }
  };

  return (
    <div className="chart-combobox">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeChart ? `${listId}-${activeChart.id}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={placeholder}
        disabled={disabled}
        value={text}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onChange={(event) => {
          const next = event.target.value;
          setQuery(next);
          setOpen(true);
          setActive(0);
          if (next.trim() === '' && value !== null) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setQuery(null);
          onBlur?.();
        }}
      />
      <div className="chart-combobox-popup" hidden={!open}>
        <ul id={listId} role="listbox" aria-label="Charts">
          {matches.map((chart) => (
            <li
              key={chart.id}
              id={`${listId}-${chart.id}`}
              role="option"
              aria-selected={chart === activeChart}
              data-current={chart.id === value || undefined}
              // Keeps the focus in the input, so the blur does not close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(chart)}
            >
              <span className="chart-combobox-name">{chart.name}</span>{' '}
              <span className="muted">
                {chart.platform} · {chart.countryName} · {chart.frequency}
              </span>
            </li>
          ))}
        </ul>
        <p className="chart-combobox-count muted" aria-live="polite">
          {total === 0
            ? 'No chart matches; try another word.'
            : total > matches.length
              ? `Showing ${formatCount(matches.length)} of ${formatCount(total)}: type more to narrow.`
              : formatCountOf(total, 'chart')}
        </p>
      </div>
    </div>
  );
}
