import { z } from 'zod';
import { addDays } from '../domain/periods';

/** A calendar date 'YYYY-MM-DD' that exists (no 2025-02-30), as every date filter and the ranking date take it. */
export const calendarDate = (what: string) =>
  z
    .string()
    .trim()
    .refine((text) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
      try {
        addDays(text, 0);
        return true;
      } catch {
        return false;
      }
    }, `${what} must be a calendar date written YYYY-MM-DD.`);

/** Both ends of an inclusive date range, in order. */
export function refineDateRange(
  value: { from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.from !== undefined && value.to !== undefined && value.from > value.to) {
    ctx.addIssue({
      code: 'custom',
      message: 'The start date must not be after the end date.',
      path: ['from'],
    });
  }
}
