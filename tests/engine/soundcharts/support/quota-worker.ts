import { parentPort, workerData } from 'node:worker_threads';
import { QuotaTracker } from '../../../../electron/engine/soundcharts/quota';
import { countAt } from './quota-count';

/**
 * A thread of the quota consistency test: observes counts that are a known function of their time, in random
 * order, and checks every snapshot it reads pairs a count with its own time.
 */
export type QuotaWorkerData = { entry: string; state: SharedArrayBuffer; seed: number; operations: number };
export type QuotaWorkerResult = { latest: number; torn: string[] };

const data = workerData as QuotaWorkerData;
const quota = QuotaTracker.fromState(data.state);
let seed = data.seed;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

const result: QuotaWorkerResult = { latest: 0, torn: [] };
for (let i = 0; i < data.operations; i += 1) {
  const time = 1 + Math.floor(random() * 10_000_000);
  result.latest = Math.max(result.latest, time);
  quota.observe(countAt(time), time);
  const snapshot = quota.snapshot();
  if (snapshot && snapshot.remaining !== countAt(snapshot.observedAt) && result.torn.length < 5) {
    result.torn.push(`${snapshot.remaining} at ${snapshot.observedAt}`);
  }
}
parentPort?.postMessage(result);
