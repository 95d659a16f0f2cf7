import { z } from 'zod';

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
  maxResultsCount: z.number().int().nullish(),
  webUrl: z.string().nullish(),
  metric: chartMetricSchema.nullish(),
});

export type ApiChart = z.infer<typeof chartSchema>;
