import { describe, expect, it } from 'vitest';
import { ProgressBar, renderProgress } from '../../electron/cli/progress-bar';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (chunk: string) => chunks.push(chunk) } };
}

describe('progress bar', () => {
  it('renders the bar, the count, failures and the last period', () => {
    expect(renderProgress({ done: 12, total: 30, label: '2026-11-20' }, 'periods')).toBe(
      '[####------] 12/30 periods  2026-11-20',
    );
    expect(renderProgress({ done: 30, total: 30, failed: 2 }, 'periods')).toBe(
      '[##########] 30/30 periods, 2 failed',
    );
    expect(renderProgress({ done: 0, total: 0 }, 'periods')).toBe('[----------] 0/0 periods');
  });

  it('redraws one line on a terminal and ends it once', () => {
    const { chunks, stream } = fakeStream(true);
    const bar = new ProgressBar(stream);
    for (let done = 0; done <= 30; done += 1) bar.update({ done, total: 30, label: `p${done}` });
    bar.finish();
    expect(chunks).toHaveLength(32);
    expect(chunks.slice(0, -1).every((c) => c.startsWith('\r\u001b[2K') && !c.includes('\n'))).toBe(true);
    expect(chunks.at(-2)).toBe('\r\u001b[2K[##########] 30/30 periods  p30');
    expect(chunks.at(-1)).toBe('\n');
  });

  it('writes one line per 10 % elsewhere, so logs stay readable', () => {
    const { chunks, stream } = fakeStream(false);
    const bar = new ProgressBar(stream);
    for (let done = 0; done <= 365; done += 1) bar.update({ done, total: 365 });
    bar.finish();
    expect(chunks).toHaveLength(11);
    expect(chunks.every((c) => c.endsWith('\n'))).toBe(true);
    expect(chunks[0]).toBe('[----------] 0/365 periods\n');
    expect(chunks.at(-1)).toBe('[##########] 365/365 periods\n');
  });

  it('draws nothing before the plan is known', () => {
    const { chunks, stream } = fakeStream(true);
    const bar = new ProgressBar(stream);
    bar.update({ done: 0, total: 0 });
    bar.finish();
    expect(chunks).toEqual([]);
  });
});
