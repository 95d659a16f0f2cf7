import type { z } from 'zod';
import { ChartSyncError } from '../errors';
import { fieldPath } from './shown-input';

/** Validates input at a boundary; the error names each bad field and says what to fix. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  const problems = result.error.issues.map((issue) => {
    const field = fieldPath(issue.path);
    if (field && !(field in fields)) fields[field] = issue.message;
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  // Each problem is a sentence; joined, only the last keeps its full stop ("a: x; b: y.", not "a: x.; b: y.").
  const joined = problems.map((p, i) => (i < problems.length - 1 ? p.replace(/\.$/, '') : p)).join('; ');
  throw new ChartSyncError('invalid_input', joined, { fields });
}
