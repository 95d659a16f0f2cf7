import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A credential planted in every chaos run that has credentials, so the suite can prove it never leaks: every test
 * passes what it saw (stdout, stderr, logs, REST and WebSocket answers, error messages, exports, backups, crash
 * output) to `recordOutput`, and `npm run test:chaos` greps all of it, and every data folder kept, for the key at
 * the end (scripts/test-chaos.mjs). Tests may also assert on their own outputs with `containsPlantedSecret`.
 */
export const PLANTED_APP_ID = 'chaos-app';
export const PLANTED_API_KEY = 'PLANTED-KEY-7f3c9a1e5b2d4c6f8a0e';
/** An OAuth client secret planted the same way. */
export const PLANTED_CLIENT_SECRET = 'PLANTED-SECRET-2b8d0f4a6c1e3a5b7d9f';

/** Where recorded outputs go; the final grep reads this folder (and CHAOS_KEPT_DATA_DIR). */
export const CHAOS_OUTPUT_DIR = resolve(import.meta.dirname, '../../../test-output/chaos-outputs');
/** Data folders a chaos test wants searched for the key after the run (it copies or creates them here). */
export const CHAOS_KEPT_DATA_DIR = resolve(import.meta.dirname, '../../../test-output/chaos-data');

/** Appends what a test saw to `test-output/chaos-outputs/<name>.log` for the final grep. */
export function recordOutput(name: string, text: string | Buffer): void {
  mkdirSync(CHAOS_OUTPUT_DIR, { recursive: true });
  const file = join(CHAOS_OUTPUT_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.log`);
  appendFileSync(file, typeof text === 'string' ? `${text}\n` : Buffer.concat([text, Buffer.from('\n')]));
}

export function containsPlantedSecret(text: string | Buffer): boolean {
  const haystack = typeof text === 'string' ? text : text.toString('latin1');
  return haystack.includes(PLANTED_API_KEY) || haystack.includes(PLANTED_CLIENT_SECRET);
}
