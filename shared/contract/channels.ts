/** IPC channel of a call: one channel per call name, so the preload exposes nothing generic. */
export const CALL_CHANNEL_PREFIX = 'chart-sync:call:';
