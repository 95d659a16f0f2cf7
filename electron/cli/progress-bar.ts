/** Cells of the bar between the brackets. */
const BAR_CELLS = 10;
/** A log gets one line per this share of the work, so a year of daily periods is ~10 lines, not 365. */
const LOG_STEP = 0.1;
/** Erase the whole line: the new text may be shorter than the last. */
const CLEAR_LINE = '\r\u001b[2K';

export type ProgressStream = { write(chunk: string): unknown; isTTY?: boolean };

export type ProgressState = {
  done: number;
  total: number;
  /** Failures so far, shown only when there are any. */
  failed?: number;
  /** What was just finished, e.g. the period's date. */
  label?: string | null;
};

/**
 * A one-line progress bar: `[#####-----] 12/30 periods  2026-11-20`. A terminal gets the line redrawn in
 * place; anything else (a log file, CI) gets a new line each time another 10 % is done, so logs stay readable.
 */
export class ProgressBar {
  private drawn = false;
  private loggedStep = -1;
  private readonly tty: boolean;

  constructor(
    private readonly stream: ProgressStream,
    private readonly unit = 'periods',
  ) {
    this.tty = stream.isTTY === true;
  }

  update(state: ProgressState): void {
    if (state.total <= 0) return;
    const line = renderProgress(state, this.unit);
    if (this.tty) {
      this.stream.write(`${CLEAR_LINE}${line}`);
      this.drawn = true;
      return;
    }
    const step = Math.floor(Math.min(1, state.done / state.total) / LOG_STEP);
    if (step <= this.loggedStep) return;
    this.loggedStep = step;
    this.stream.write(`${line}\n`);
  }

  /** Ends the redrawn line so what follows starts on a line of its own. */
  finish(): void {
    if (this.tty && this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

export function renderProgress(state: ProgressState, unit: string): string {
  const share = state.total > 0 ? Math.min(1, Math.max(0, state.done / state.total)) : 0;
  const filled = Math.round(share * BAR_CELLS);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_CELLS - filled)}]`;
  const failed = state.failed ? `, ${state.failed} failed` : '';
  const label = state.label ? `  ${state.label}` : '';
  return `${bar} ${state.done}/${state.total} ${unit}${failed}${label}`;
}
