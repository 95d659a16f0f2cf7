/** IPC channel of a call: one channel per call name, so the preload exposes nothing generic. */
export const CALL_CHANNEL_PREFIX = 'chart-sync:call:';
/** IPC channel of a push event, one per event name. */
export const EVENT_CHANNEL_PREFIX = 'chart-sync:event:';

/** The headless host's WebSocket path and the query parameter that carries its token. */
export const WEBSOCKET_PATH = '/ws';
export const TOKEN_PARAM = 'token';
/** Everything under this prefix is the headless host's REST API, which checks the token before anything else. */
export const REST_PREFIX = '/api/';

/** The desktop shell's own IPC beside the contract (preload `chartSyncHost`): never the engine's business. */
export const HOST_CHANNELS = {
  /** main → page: show this screen (a notification or the tray's alerts item was clicked). */
  navigate: 'chart-sync:host:navigate',
  /** page → main: the native "Save as" dialog; answers the chosen path or null. */
  chooseSaveFile: 'chart-sync:host:choose-save-file',
} as const;
