import { z } from 'zod';
import { emptyAsNull } from './common';

export const chartMetricSchema = z.object({
  type: z.string(),
  description: z.string().nullish(),
});

/** The chart object as rankings (v2.14), charts-by-platform and available-rankings return it. */
export const chartSchema = z.object({
  slug: z.string().min(1),
  name: z.string(),
  type: z.string().nullish(),
  platform: z.string(),
  /** Open string: `daily` is confirmed, `weekly`/`monthly` expected, anything else falls back to weekly. */
  frequency: z.string(),
  /** "" means worldwide. */
  countryCode: z.string().nullish(),
  countryName: z.string().nullish(),
  cityName: z.string().nullish(),
  maxResultsCount: emptyAsNull(z.number().int()),
  webUrl: z.string().nullish(),
  metric: emptyAsNull(chartMetricSchema),
});

export type ApiChart = z.infer<typeof chartSchema>;
