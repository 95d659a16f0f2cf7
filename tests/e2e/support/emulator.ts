import { startEmulator, type FaultsConfig, type RunningEmulator } from '../../../electron/emulator';
import { Catalogue, type EmulatedChart, type Frequency } from '../../../electron/emulator/catalogue';

/** The seed of every end-to-end emulator: the same catalogue, so the same charts, on every run. */
export const E2E_SEED = 2026;

/**
 * A Soundcharts emulator for one test file, whose faults the file flips at runtime. No fixed `today`: like the
 * demo host's emulator and `chart-sync emulator`, its data ends on the current UTC date, which is the date the
 * host plans its periods from (a fixed past date would leave every recent period "not published yet").
 */
export function startE2eEmulator(faults: FaultsConfig = {}, quota?: number): Promise<RunningEmulator> {
  return startEmulator({ seed: E2E_SEED, faults, ...(quota === undefined ? {} : { quota }) });
}

const catalogue = new Catalogue(E2E_SEED);

/**
 * Charts of the emulator's catalogue to drive a scenario with: of one frequency, smallest first (fewer pages
 * per period: faster syncs), and never the sandbox chart, which the unit tests know by heart.
 */
export function pickCharts(
  frequency: Frequency,
  count: number,
  exclude: readonly string[] = [],
): EmulatedChart[] {
  const found = catalogue
    .charts()
    .filter((chart) => chart.frequency === frequency && chart.slug !== 'global-28')
    .filter((chart) => !exclude.includes(chart.slug))
    .sort((a, b) => a.maxResultsCount - b.maxResultsCount || a.slug.localeCompare(b.slug));
  if (found.length < count) throw new Error(`the catalogue has only ${found.length} ${frequency} charts`);
  return found.slice(0, count);
}

export function catalogueSize(): number {
  return catalogue.charts().length;
}
