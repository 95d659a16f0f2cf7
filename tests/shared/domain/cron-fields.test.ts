import { describe, expect, it } from 'vitest';
import {
  CRON_FIELDS_HINT,
  cronFrequencyProblem,
  readCronFields,
  shortestCronGapMs,
} from '../../../shared/domain/cron-fields';
import { HOUR_MS, MINUTE_MS } from '../../../shared/domain/policies';

describe('readCronFields: each kind of mistake in our words', () => {
  it.each([
    { expression: '* * * *', problem: `Cron expression "* * * *" has 4 fields. ${CRON_FIELDS_HINT}` },
    { expression: '0 0 6 * * 1', problem: `Cron expression "0 0 6 * * 1" has 6 fields. ${CRON_FIELDS_HINT}` },
    { expression: 'daily', problem: `Cron expression "daily" has 1 field. ${CRON_FIELDS_HINT}` },
    {
      expression: '0 6x * * 1',
      problem:
        'Cron expression "0 6x * * 1": the hour field "6x" is not valid; use a number from 0 to 23, a range (9-17), a list (6,18), a step (*/6) or *.',
    },
    {
      expression: '*/0 * * * *',
      problem:
        'Cron expression "*/0 * * * *": the minute field "*/0" is not valid; use a number from 0 to 59, a range (0-29), a list (0,30), a step (*/15) or *.',
    },
    {
      expression: '0 6 * FOO *',
      problem:
        'Cron expression "0 6 * FOO *": the month field "FOO" is not valid; use a number from 1 to 12 or JAN to DEC, a range (3-5), a list (1,7), a step (*/3) or *.',
    },
    {
      expression: '0 6 * * 1,,5',
      problem:
        'Cron expression "0 6 * * 1,,5": the day-of-week field "1,,5" is not valid; use a number from 0 to 7 or SUN to SAT, a range (1-5), a list (1,3,5), a step (*/2) or *.',
    },
    {
      expression: '61 * * * *',
      problem: 'Cron expression "61 * * * *": the minute field allows 0 to 59, not 61.',
    },
    {
      expression: '0 24 * * *',
      problem: 'Cron expression "0 24 * * *": the hour field allows 0 to 23, not 24.',
    },
    {
      expression: '0 6 0 * *',
      problem: 'Cron expression "0 6 0 * *": the day-of-month field allows 1 to 31, not 0.',
    },
    {
      expression: '0 6 * 1-13 *',
      problem: 'Cron expression "0 6 * 1-13 *": the month field allows 1 to 12 or JAN to DEC, not 13.',
    },
    {
      expression: '0 6 * * 8',
      problem: 'Cron expression "0 6 * * 8": the day-of-week field allows 0 to 7 or SUN to SAT, not 8.',
    },
    {
      expression: '0 17-9 * * *',
      problem:
        'Cron expression "0 17-9 * * *": the hour range 17-9 runs backwards; write it from low to high, e.g. 9-17.',
    },
  ])('$expression', ({ expression, problem }) => {
    expect(readCronFields(expression)).toEqual({ ok: false, problem });
  });

  it.each([
    { expression: '0 6 * * 1', minutes: [0], hours: [6] },
    { expression: '0 9 * * MON-FRI', minutes: [0], hours: [9] },
    { expression: '15,45 */6 * * *', minutes: [15, 45], hours: [0, 6, 12, 18] },
    { expression: '5/20 9-11 1,15 jan-mar *', minutes: [5, 25, 45], hours: [9, 10, 11] },
    { expression: '0 6 L * *', minutes: [0], hours: [6] },
    { expression: '0 6 * * 5#2', minutes: [0], hours: [6] },
    { expression: '  0   6 * * 0-7  ', minutes: [0], hours: [6] },
  ])('reads $expression', ({ expression, minutes, hours }) => {
    expect(readCronFields(expression)).toEqual({ ok: true, minutes, hours });
  });
});

describe('shortestCronGapMs', () => {
  it.each([
    { minutes: [0], hours: [6], expected: 24 * HOUR_MS },
    { minutes: [0, 30], hours: [6], expected: 30 * MINUTE_MS },
    { minutes: [0], hours: [0, 23], expected: HOUR_MS },
    { minutes: [59], hours: [0, 12], expected: 12 * HOUR_MS },
    { minutes: [0, 59], hours: [5], expected: 59 * MINUTE_MS },
    { minutes: [30], hours: [23], expected: 24 * HOUR_MS },
  ])('$minutes × $hours → $expected ms', ({ minutes, hours, expected }) => {
    expect(shortestCronGapMs({ minutes, hours })).toBe(expected);
  });
});

describe('cronFrequencyProblem: no closer than the shortest custom interval', () => {
  it.each([
    {
      expression: '* * * * *',
      problem:
        'Cron expression "* * * * *" runs 1 minute apart; runs must be at least 1 hour apart, as for a custom interval (e.g. 0 * * * * runs every hour).',
    },
    { expression: '*/30 * * * *', problem: /runs 30 minutes apart; runs must be at least 1 hour apart/ },
    { expression: '0,59 * * * *', problem: /runs 1 minute apart/ },
    { expression: '0 * * * *', problem: null },
    { expression: '0 0,23 * * *', problem: null },
    { expression: '0 6 * * 1', problem: null },
    // Unreadable: said by readCronFields, not judged here.
    { expression: '61 * * * *', problem: null },
  ])('$expression', ({ expression, problem }) => {
    const found = cronFrequencyProblem(expression);
    if (problem instanceof RegExp) expect(found).toMatch(problem);
    else expect(found).toBe(problem);
  });
});
