import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshMachineEnv } from '../cli/spawn-chart-sync';

const URL_LINE = /Chart Sync is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/;

/** `npm start` on a machine like this one: no Electron binary, so the headless host with the demo. */
describe('npm start where Electron cannot start', () => {
  const machine = mkdtempSync(join(tmpdir(), 'chart-sync-start-'));
  afterAll(() => rmSync(machine, { recursive: true, force: true }));

  it('says why in one line, serves the UI on the demo, and stops cleanly on Ctrl-C', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      // No display either: wherever the test runs, the desktop app cannot start and the fallback is what runs.
      env: { ...freshMachineEnv(machine), CHART_SYNC_PORT: '0', DISPLAY: '', WAYLAND_DISPLAY: '' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = URL_LINE.exec(output);
        if (match) resolve(match[1]!);
      });
      void exited.then(() => reject(new Error(`npm start exited before serving:\n${output}`)));
    });

    const reasons = output.split('\n').filter((line) => line.startsWith('The desktop app cannot start here'));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/Starting the headless host instead/);
    expect(output).not.toMatch(/TypeError|at .*\.js:\d+/);
    expect(output).toMatch(/Demo mode/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toMatch(/Stopped: the database is closed\./);
  }, 120_000);
});
