import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../../electron/engine/enrichment/task-outcome';
import {
  AuthError,
  ForbiddenError,
  InvalidRequestError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  QuotaExhaustedError,
  RateLimitedError,
  ServerError,
  TransientError,
} from '../../../electron/engine/soundcharts';
import { ChartSyncError } from '../../../shared/errors';

describe('what a failed task does next', () => {
  it.each([
    { error: new AuthError('You are not logged in.'), action: 'pause' },
    { error: new ForbiddenError('Not in your plan.'), action: 'pause' },
    { error: new QuotaExhaustedError('Maximum quota reached.'), action: 'pause' },
    { error: new NetworkError('cannot resolve the host'), action: 'pause' },
    { error: new NotFoundError('Not found.'), action: 'fail' },
    { error: new InvalidRequestError('Invalid platform.'), action: 'fail' },
    { error: new ChartSyncError('not_found', 'Song gone.'), action: 'fail' },
    { error: new RateLimitedError('Too many requests.', 1_000), action: 'retry' },
    { error: new TransientError('503'), action: 'retry' },
    { error: new ServerError('An error occurred.'), action: 'retry' },
    { error: new MalformedResponseError('cut short'), action: 'retry' },
    { error: new Error('SQLITE_BUSY'), action: 'retry' },
  ])('$error.name → $action', ({ error, action }) => {
    expect(outcomeOf(error)).toEqual({
      action,
      code: 'code' in error ? error.code : 'internal',
      message: error.message,
    });
  });
});
