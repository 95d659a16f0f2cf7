import type { SpawnSyncReturns, StdioOptions } from 'node:child_process';

export declare const BUILD_SOURCES: string[];
export declare const BUILD_OUTPUTS: string[];
export declare function buildStaleness(root?: string): string | null;
export declare function buildApp(stdio?: StdioOptions): SpawnSyncReturns<Buffer>;
