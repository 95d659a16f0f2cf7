import { ChartSyncError } from '../../../shared/errors';
import { camelToSnake, snakeToCamel } from './case-keys';
import { fieldPath, quotedName } from '../../../shared/schemas/shown-input';

/** The original's request fields, as REST clients send them. */
export const SCHEDULE_CREATE_FIELDS = [
  'chart_id',
  'is_active',
  'sync_frequency',
  'custom_interval_hours',
  'cron_expression',
  'time_zone',
  'sync_immediately',
  'sync_historical_data',
  'fetch_track_metadata',
  'history_window_days',
] as const;

/** A schedule's chart is fixed, and `sync_immediately` is a creation option: neither can be updated. */
export const SCHEDULE_UPDATE_FIELDS = SCHEDULE_CREATE_FIELDS.filter(
  (field) => field !== 'chart_id' && field !== 'sync_immediately',
);

/** `create_schedule`: a chart without a schedule gets one (active) instead of a 404 `not_scheduled`. */
export const TRIGGER_FIELDS = ['chart_id', 'create_schedule'] as const;

export const WEBHOOK_CREATE_FIELDS = ['url', 'secret', 'events'] as const;

/**
 * Converts a body's snake_case keys to the contract's camelCase. An unknown key is refused here, naming the
 * key as sent, rather than by the contract under its converted name.
 */
export function toContractInput(
  body: Record<string, unknown>,
  allowed: readonly string[],
): Record<string, unknown> {
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new ChartSyncError(
      'invalid_input',
      `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map(quotedName).join(', ')}; ` +
        `expected some of: ${allowed.join(', ')}.`,
      { fields: Object.fromEntries(unknown.map((key) => [fieldPath([key]), 'Unknown field.'])) },
    );
  }
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [snakeToCamel(key), value]));
}

/** A contract field path ("changes.cronExpression") as the REST client named it ("cron_expression"). */
export type FieldRenamer = (path: string) => string;

export const snakePath: FieldRenamer = (path) => path.split('.').map(camelToSnake).join('.');
/** An update's fields sit under `changes` in the contract, at the top of the REST body. */
export const updatePath: FieldRenamer = (path) => snakePath(path.replace(/^changes\./, ''));
/** The executions list's time filters are `from`/`to` (epoch ms) in the contract, `since`/`until` in REST. */
export const executionFilterPath: FieldRenamer = (path) =>
  path === 'from' ? 'since' : path === 'to' ? 'until' : snakePath(path);
