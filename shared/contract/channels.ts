/** IPC channel of a call: one channel per call name, so the preload exposes nothing generic. */
export const CALL_CHANNEL_PREFIX = 'chart-sync:call:';
/** IPC channel of a push event, one per event name. */
export const EVENT_CHANNEL_PREFIX = 'chart-sync:event:';

/** The headless host's WebSocket path and the query parameter that carries its token. */
export const WEBSOCKET_PATH = '/ws';
export const TOKEN_PARAM = 'token';
/** Everything under this prefix is the headless host's REST API, which checks the token before anything else. */
export const REST_PREFIX = '/api/';
