import { CUSTOM_INTERVAL_HOURS_MIN, HOUR_MS, MINUTE_MS } from './policies';

/**
 * Cron expressions read field by field, so that a mistake is said in our words (which field, what it allows)
 * rather than in the cron library's, and so that the shortest gap between two runs can be known without
 * running the expression.
 */

/** The editor's hint and every cron message say the same thing about the form of an expression. */
export const CRON_FIELDS_HINT =
  'A cron expression has five fields: minute hour day-of-month month day-of-week, e.g. 0 6 * * 1.';

type FieldSpec = {
  name: string;
  min: number;
  max: number;
  /** An example of each form, as the field's own values. */
  examples: { range: string; list: string; step: string };
  /** Names accepted for its values (JAN = 1, SUN = 0), upper case. */
  names?: readonly string[];
  namesFrom?: number;
  /** Day fields also take the cron library's L, W, # and ? forms, which it checks itself. */
  extended?: RegExp;
};

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59, examples: { range: '0-29', list: '0,30', step: '*/15' } },
  { name: 'hour', min: 0, max: 23, examples: { range: '9-17', list: '6,18', step: '*/6' } },
  {
    name: 'day-of-month',
    min: 1,
    max: 31,
    examples: { range: '1-15', list: '1,15', step: '*/2' },
    extended: /^(\?|L|LW|L-\d+|\d+W)$/i,
  },
  {
    name: 'month',
    min: 1,
    max: 12,
    examples: { range: '3-5', list: '1,7', step: '*/3' },
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
    namesFrom: 1,
  },
  {
    name: 'day-of-week',
    // 0 and 7 are both Sunday.
    min: 0,
    max: 7,
    examples: { range: '1-5', list: '1,3,5', step: '*/2' },
    names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
    namesFrom: 0,
    extended: /^(\?|[0-7]L|[0-7]#[1-5])$/i,
  },
];

const ITEM = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/;

type FieldValues = { values: readonly number[] } | { problem: string } | { extended: true };

/** The expression's fields: their values (minute and hour are always plain), or the first problem found. */
export type CronFields =
  { ok: true; minutes: readonly number[]; hours: readonly number[] } | { ok: false; problem: string };

/** The cron library's nicknames, read as the five fields they stand for. */
const NICKNAMES: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Reads the five fields; `problem` names the field and what it allows, in one sentence the operator can act on. */
export function readCronFields(expression: string): CronFields {
  const nickname = NICKNAMES[expression.trim().toLowerCase()];
  if (nickname) return readCronFields(nickname);
  const parts = expression.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== FIELDS.length) {
    const count = `${parts.length} field${parts.length === 1 ? '' : 's'}`;
    return { ok: false, problem: `Cron expression "${expression.trim()}" has ${count}. ${CRON_FIELDS_HINT}` };
  }
  const values: (readonly number[] | null)[] = [];
  for (const [index, spec] of FIELDS.entries()) {
    const read = readField(parts[index]!, spec, expression.trim());
    if ('problem' in read) return { ok: false, problem: read.problem };
    values.push('values' in read ? read.values : null);
  }
  return { ok: true, minutes: values[0]!, hours: values[1]! };
}

function readField(text: string, spec: FieldSpec, expression: string): FieldValues {
  const found = new Set<number>();
  let extended = false;
  for (const item of text.split(',')) {
    if (spec.extended?.test(item)) {
      extended = true;
      continue;
    }
    const match = ITEM.exec(item);
    if (!match) return { problem: badValue(spec, text, expression) };
    const [, base = '', stepText] = match;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return { problem: badValue(spec, text, expression) };
    let from = spec.min;
    let to = spec.max;
    if (base !== '*') {
      const [first = '', last] = base.split('-');
      const low = valueOf(first, spec);
      const high = last === undefined ? (stepText === undefined ? low : spec.max) : valueOf(last, spec);
      if (low === null || high === null) return { problem: badValue(spec, text, expression) };
      for (const value of [low, high]) {
        if (value < spec.min || value > spec.max) {
          return {
            problem: `Cron expression "${expression}": the ${spec.name} field allows ${allowed(spec)}, not ${value}.`,
          };
        }
      }
      if (low > high) {
        return {
          problem: `Cron expression "${expression}": the ${spec.name} range ${base} runs backwards; write it from low to high, e.g. ${spec.examples.range}.`,
        };
      }
      from = low;
      to = high;
    }
    for (let value = from; value <= to; value += step) found.add(value);
  }
  if (extended) return { extended: true };
  return { values: [...found].sort((a, b) => a - b) };
}

function valueOf(token: string, spec: FieldSpec): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  const index = spec.names?.indexOf(token.toUpperCase()) ?? -1;
  return index < 0 ? null : index + (spec.namesFrom ?? 0);
}

function allowed(spec: FieldSpec): string {
  const names = spec.names ? ` or ${spec.names[0]} to ${spec.names.at(-1)}` : '';
  return `${spec.min} to ${spec.max}${names}`;
}

function badValue(spec: FieldSpec, text: string, expression: string): string {
  const { range, list, step } = spec.examples;
  return (
    `Cron expression "${expression}": the ${spec.name} field "${text}" is not valid; use a number from ` +
    `${allowed(spec)}, a range (${range}), a list (${list}), a step (${step}) or *.`
  );
}

const DAY_MINUTES = 24 * 60;

/**
 * The shortest time between two runs, from the minutes and hours the expression allows: between two times of
 * one day, and from a day's last time to the next day's first (the days themselves only ever make gaps longer).
 */
export function shortestCronGapMs(fields: { minutes: readonly number[]; hours: readonly number[] }): number {
  const times = fields.hours.flatMap((hour) => fields.minutes.map((minute) => hour * 60 + minute));
  times.sort((a, b) => a - b);
  let shortest = DAY_MINUTES - times.at(-1)! + times[0]!;
  for (let index = 1; index < times.length; index++) {
    shortest = Math.min(shortest, times[index]! - times[index - 1]!);
  }
  return shortest * MINUTE_MS;
}

/** The least time between two runs of any schedule: the shortest custom interval, for cron as for hours. */
export const MIN_RUN_GAP_MS = CUSTOM_INTERVAL_HOURS_MIN * HOUR_MS;

/**
 * null when the expression's runs are never closer than MIN_RUN_GAP_MS; else the sentence that says so. An
 * expression that cannot be read is not judged here (readCronFields says what is wrong with it).
 */
export function cronFrequencyProblem(expression: string): string | null {
  const fields = readCronFields(expression);
  if (!fields.ok) return null;
  const gap = shortestCronGapMs(fields);
  if (gap >= MIN_RUN_GAP_MS) return null;
  return (
    `Cron expression "${expression.trim()}" runs ${describeGap(gap)} apart; runs must be at least ` +
    `${describeGap(MIN_RUN_GAP_MS)} apart, as for a custom interval (e.g. 0 * * * * runs every hour).`
  );
}

function describeGap(ms: number): string {
  if (ms % HOUR_MS === 0) {
    const hours = ms / HOUR_MS;
    return `${hours} hour${hours === 1 ? '' : 's'}`;
  }
  const minutes = Math.round(ms / MINUTE_MS);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
