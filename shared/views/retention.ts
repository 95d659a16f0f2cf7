/** What one prune removed (or, on a dry run, would remove), per table. */
export type PruneCounts = {
  /** Finished executions (completed, failed, cancelled, interrupted); open ones are never pruned. */
  executions: number;
  auditEntries: number;
  /** Delivered and failed webhook deliveries; pending ones are never pruned. */
  webhookDeliveries: number;
  /** The attempts of those deliveries, which go with them. */
  webhookAttempts: number;
  /** Done and failed metadata/audience tasks. */
  queueTasks: number;
  /** Hours of Soundcharts request counts (per kind) in api_usage_hourly. */
  apiUsageHours: number;
  /** Quota samples. */
  quotaSamples: number;
};

export type PruneSummary = {
  dryRun: boolean;
  retentionDays: number;
  /** Epoch ms: what ended (or happened) before this instant is pruned. */
  cutoffAt: number;
  counts: PruneCounts;
};
