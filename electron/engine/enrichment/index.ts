export {
  EnrichmentRunner,
  type EnrichmentRunnerOptions,
  type EnrichmentClient,
  type RunnerPause,
} from './enrichment-runner';
export { enqueueStaleMetadata, songsNeedingMetadata } from './stale-metadata';
export { readSongAudience, type AudienceReadOptions, type QueueKicker } from './audience-service';
export { storeSongMetadata } from './store-metadata';
export { storeSongAudience, audienceFetchWindow } from './store-audience';
export {
  enqueueMetadata,
  enqueueAudience,
  claimTasks,
  completeTask,
  failTask,
  retryOrFailTask,
  releaseTask,
  recoverInterrupted,
  queueCounts,
  nextRunAfter,
  listOpenTasks,
  type QueueTask,
} from './queue-store';
