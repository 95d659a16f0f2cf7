import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../electron/emulator';
import {
  RateLimiter,
  SANDBOX_CREDENTIALS,
  SoundchartsClient,
  type SoundchartsClientOptions,
} from '../../electron/engine/soundcharts';

/** A fixed "today" keeps the emulated data identical from run to run. */
export const TEST_TODAY = '2025-08-23';
export const TEST_SEED = 20250823;
/** So high that the limiter never makes a test wait; the rate-limit tests set their own. */
export const UNLIMITED_PER_MINUTE = 1e9;

/** One emulator for the suite, started before its tests and closed after. */
export function useEmulator(options: EmulatorOptions = {}): { readonly current: RunningEmulator } {
  const holder: { current: RunningEmulator | null } = { current: null };
  beforeAll(async () => {
    holder.current = await startEmulator({ seed: TEST_SEED, today: TEST_TODAY, ...options });
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return {
    get current(): RunningEmulator {
      if (!holder.current) throw new Error('emulator not started yet');
      return holder.current;
    },
  };
}

export function clientFor(
  emulator: RunningEmulator,
  options: Partial<SoundchartsClientOptions> = {},
): SoundchartsClient {
  return new SoundchartsClient({
    baseUrl: emulator.url,
    credentials: SANDBOX_CREDENTIALS,
    rateLimiter: RateLimiter.create(UNLIMITED_PER_MINUTE, options.clock),
    timeoutMs: 2_000,
    random: () => 0.5,
    ...options,
  });
}

/** GET with the sandbox credentials, straight to the emulator: to look at raw bodies and headers. */
export async function rawGet(
  emulator: RunningEmulator,
  path: string,
  headers: Record<string, string> = { 'x-app-id': 'soundcharts', 'x-api-key': 'soundcharts' },
): Promise<{ status: number; headers: Headers; text: string; json: () => Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}${path}`, { headers });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
}
