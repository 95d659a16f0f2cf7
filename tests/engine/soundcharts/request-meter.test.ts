import { describe, expect, it } from 'vitest';
import { RequestMeter, createMeterState } from '../../../electron/engine/soundcharts/request-meter';

describe('RequestMeter', () => {
  it('counts by kind across meters sharing one state; take resets, peek does not', () => {
    const state = createMeterState();
    const main = RequestMeter.fromState(state);
    const worker = RequestMeter.fromState(state);
    main.count('metadata');
    worker.count('ranking');
    worker.count('ranking');
    expect(main.peek()).toEqual({ ranking: 2, chart_list: 0, metadata: 1, audience: 0, other: 0 });
    expect(main.take()).toEqual({ ranking: 2, chart_list: 0, metadata: 1, audience: 0, other: 0 });
    expect(worker.take()).toEqual({ ranking: 0, chart_list: 0, metadata: 0, audience: 0, other: 0 });
  });

  it('gives back counts a flush could not write, added to what came since', () => {
    const meter = new RequestMeter();
    meter.count('audience');
    const taken = meter.take();
    meter.count('audience');
    meter.giveBack(taken);
    expect(meter.take().audience).toBe(2);
  });

  it('refuses a buffer that is not a meter state', () => {
    expect(() => RequestMeter.fromState(new SharedArrayBuffer(8))).toThrow(/not a request meter state/);
  });
});
