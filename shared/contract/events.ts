import type { ExecutionView } from '../views/schedule-view';

/** Progress of a running execution, pushed as each period is stored. */
export type ExecutionProgress = {
  executionId: number;
  scheduleId: number;
  periodsPlanned: number;
  periodsSynced: number;
  periodsFailed: number;
  /** The period just stored, or null before the first. */
  lastPeriod: string | null;
};

/** Counts of the metadata/audience queue. */
export type QueueCounts = { queued: number; running: number; failed: number };

/** Every push event the engine emits, with its payload: hosts forward them to the UI unchanged. */
export type EngineEvents = {
  'execution/updated': ExecutionView;
  'execution/progress': ExecutionProgress;
  'schedule/updated': { scheduleId: number };
  'song/metadata-updated': { songUuid: string };
  'song/audience-updated': { songUuid: string; platform: string };
  'queue/updated': QueueCounts;
};
export type EventName = keyof EngineEvents;
