import { describe, expect, it } from 'vitest';
import { camelToSnake, snakeKeysDeep, snakeToCamel } from '../../../electron/engine/server/case-keys';

describe('snake_case ↔ camelCase keys', () => {
  it.each([
    ['chart_id', 'chartId'],
    ['custom_interval_hours', 'customIntervalHours'],
    ['is_active', 'isActive'],
    ['id', 'id'],
  ])('%s ↔ %s', (snake, camel) => {
    expect(snakeToCamel(snake)).toBe(camel);
    expect(camelToSnake(camel)).toBe(snake);
  });

  it('converts keys at every depth, never values', () => {
    expect(
      snakeKeysDeep({
        scheduleId: 1,
        chart: { countryCode: 'FR', slug: 'fr-weeklyTop' },
        executions: [{ failedPeriods: ['2025-W01'], errorCode: null }],
        createdBy: 'someUser',
      }),
    ).toEqual({
      schedule_id: 1,
      chart: { country_code: 'FR', slug: 'fr-weeklyTop' },
      executions: [{ failed_periods: ['2025-W01'], error_code: null }],
      created_by: 'someUser',
    });
    expect(snakeKeysDeep(null)).toBeNull();
    expect(snakeKeysDeep([1, 'aB'])).toEqual([1, 'aB']);
  });
});
