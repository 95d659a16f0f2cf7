export { startServer, type RunningServer, type ServerOptions } from './http-server';
export type { EnginePort } from './engine-port';
export { DEFAULT_SERVER_PORT, LOOPBACK_HOST } from './limits';
export { ensureRendererBuilt, DEFAULT_RENDERER_DIR, RendererMissingError } from './renderer-build';
