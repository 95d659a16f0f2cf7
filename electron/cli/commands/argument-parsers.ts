import { InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import { ChartSyncError } from '../../../shared/errors';

/**
 * A commander argument parser from one of the shared schemas: the CLI refuses what REST and the UI refuse, with
 * the same words. Not commander's InvalidArgumentError, whose message quotes the value whole (a pasted
 * 100,000-character search would fill the terminal): "chart-sync: --search: The search is at most 200 characters."
 */
export function schemaArgument<S extends z.ZodType<unknown, string>>(flag: string, schema: S) {
  return (value: string): z.output<S> => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const message = result.error.issues.map((issue) => issue.message).join(' ');
    throw new ChartSyncError('invalid_input', `${flag}: ${message}`, { fields: { [flag]: message } });
  };
}

/** A whole number from `min` to `max`; `hint` says what it is for. */
export function wholeNumberArgument(min: number, max: number, hint = '') {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}${hint}`);
    }
    return n;
  };
}

/** A TCP port to listen on: 0 lets the system pick a free one. */
export const portArgument = wholeNumberArgument(0, 65_535, ' (0 = any free port)');
