import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/engine/api/dispatch';
import { nonJsonPath } from '../../electron/engine/api/json-input';
import { CALL_NAMES, type CallName } from '../../shared/contract/call-names';
import { calls } from '../../shared/contract/calls';
import { ERROR_CODES, type Result } from '../../shared/errors';
import { chaosScale, chaosTimeout } from './support/chaos-scale';
import { quietDump } from './support/database-dump';
import { useFuzzEngine } from './support/fuzz-engine';
import { hostileInput } from './support/hostile-values';
import { containsPlantedSecret, recordOutput } from './support/planted-key';

/** Cases per call: 600 in all reduced, 10,000 in full. */
const RUNS_PER_CALL = chaosScale(12, 200);

/**
 * Calls that start work in the background when they succeed (a sync, a fetch, an export, a reconnection): their
 * later writes would be indistinguishable from a leak in the dump, so they get only input their schema refuses.
 * Every other call gets anything; what it accepts may change the data, what it refuses must not.
 */
const STARTS_BACKGROUND_WORK: ReadonlySet<CallName> = new Set<CallName>([
  'charts/discover',
  'charts/add-to-schedule',
  'charts/sync-now',
  'schedules/create',
  'schedules/update',
  'schedules/set-active',
  'schedules/sync-now',
  'schedules/backfill',
  'schedules/sync-due',
  'schedules/resume-all',
  'executions/retry',
  'webhooks/test',
  'songs/audience',
  'exports/start',
  'connection/set-credentials',
  'connection/clear-credentials',
  'connection/test',
]);

/** Calls that only read: whatever they accept or refuse, the data stays as it was. */
const READS_ONLY: ReadonlySet<CallName> = new Set<CallName>([
  'app/status',
  'charts/list',
  'charts/sync-status',
  'schedules/list',
  'schedules/get',
  'schedules/backfill-preview',
  'executions/list',
  'executions/get',
  'webhooks/list',
  'webhooks/deliveries',
  'alerts/list',
  'alerts/unread-count',
  'settings/get',
  'audit/list',
  'rankings/get',
  'songs/list',
  'songs/get',
  'analytics/overview',
  'analytics/quota-plan',
  'analytics/quota-impact',
  'exports/list',
  'exports/get',
  'connection/get',
]);

describe('fuzzing every contract call through the engine’s handler map', () => {
  const fuzz = useFuzzEngine();
  const tally = { cases: 0, refused: 0, accepted: 0, calls: 0 };

  it.each(CALL_NAMES.map((name) => [name]))(
    '%s: hostile input is refused by field, never internal, and a refusal changes nothing',
    async (name) => {
      const { engine } = fuzz.current;
      const schema = calls[name].input;
      const internal: unknown[] = [];
      let dump = quietDump(engine);
      const arbitrary = STARTS_BACKGROUND_WORK.has(name)
        ? hostileInput(schema).filter((input) => !schema.safeParse(input ?? {}).success)
        : hostileInput(schema);
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          // As dispatch reads it: no input at all (null, undefined) is an empty one.
          const parsed = schema.safeParse(input ?? {});
          const result: Result<unknown> = await dispatch(engine.handlers, name, input, (error) =>
            internal.push(error),
          );
          tally.cases += 1;
          const after = quietDump(engine);
          if (result.ok) {
            tally.accepted += 1;
            expect(parsed.success, 'accepted only what the schema accepts').toBe(true);
            if (READS_ONLY.has(name)) expect(after, 'a read changed the data').toBe(dump);
            dump = after;
          } else {
            tally.refused += 1;
            recordOutput('fuzz-contract', `${name} ${result.error.code}: ${result.error.message}`);
            expect(containsPlantedSecret(result.error.message)).toBe(false);
            expect(ERROR_CODES).toContain(result.error.code);
            expect(result.error.code, result.error.message).not.toBe('internal');
            expect(result.error.message.length).toBeGreaterThan(0);
            expect(after, 'a refused call changed the data').toBe(dump);
            const odd = nonJsonPath(input);
            if (odd) {
              // Not JSON data (a BigInt, a Map…): refused before the schema, naming where it is.
              expect(result.error.code).toBe('invalid_input');
              if (odd.length > 0) expect(Object.keys(result.error.fields ?? {})).toEqual([odd.join('.')]);
            } else if (!parsed.success) {
              expect(result.error.code).toBe('invalid_input');
              // Every problem with a field is named: in `fields`, and in the message the operator reads.
              const named = parsed.error.issues
                .map((issue) => issue.path.map(String).join('.'))
                .filter(Boolean);
              for (const field of named) {
                expect(Object.keys(result.error.fields ?? {})).toContain(field);
                expect(result.error.message).toContain(`${field}: `);
              }
            }
          }
          expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
          expect(internal).toEqual([]);
        }),
        { numRuns: RUNS_PER_CALL, seed: chaosScale(1313, Date.now()), endOnFailure: true },
      );
      tally.calls += 1;
    },
    chaosTimeout(30_000, 300_000),
  );

  it('covered every call, and the engine still answers', async () => {
    expect(tally.calls).toBe(CALL_NAMES.length);
    const status = await dispatch(fuzz.current.engine.handlers, 'app/status', {});
    expect(status.ok).toBe(true);
    recordOutput('fuzz-contract-tally', JSON.stringify(tally));
    console.log(
      `fuzz-contract: ${tally.cases} cases over ${tally.calls} calls (${tally.refused} refused, ${tally.accepted} accepted)`,
    );
  });
});
