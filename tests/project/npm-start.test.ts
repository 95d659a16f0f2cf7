import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STOPPED_NOTICE } from '../../electron/cli/commands/serve';
import { DEMO_NOTICE } from '../../electron/cli/open-engine';
import { SERVE_URL_LINE, freshMachineEnv } from '../cli/spawn-chart-sync';

/** Start-up runs migrations, the demo emulator and its seed: seconds, more on a loaded machine. */
const STARTUP_TIMEOUT_MS = 60_000;

/** `npm start` on a machine like this one: no Electron binary, so the headless host with the demo. */
describe('npm start where Electron cannot start', () => {
  const machine = mkdtempSync(join(tmpdir(), 'chart-sync-start-'));
  afterAll(() => rmSync(machine, { recursive: true, force: true }));

  it('says why in one line, serves the UI on the demo, and stops cleanly on Ctrl-C', async () => {
    // The build is current (npm test made it; globalSetup makes it for a lone run): start must not make it again,
    // as that would empty out/ under every test file running beside this one.
    const built = statSync('out/main/index.js').mtimeMs;
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      // No display either: wherever the test runs, the desktop app cannot start and the fallback is what runs.
      env: { ...freshMachineEnv(machine), CHART_SYNC_PORT: '0', DISPLAY: '', WAYLAND_DISPLAY: '' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Served, or gone: either ends the wait, and the assertion below says which with the output.
    await expect
      .poll(() => SERVE_URL_LINE.test(output) || child.exitCode !== null, {
        timeout: STARTUP_TIMEOUT_MS,
        interval: 100,
      })
      .toBe(true);
    const url = SERVE_URL_LINE.exec(output)?.[1];
    expect(url, output).toBeDefined();

    const reasons = output.split('\n').filter((line) => line.startsWith('The desktop app cannot start here'));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/Starting the headless host instead/);
    expect(output).not.toMatch(/TypeError|at .*\.js:\d+/);
    expect(output).toContain(DEMO_NOTICE);
    expect(output).not.toContain('Building Chart Sync');
    expect(statSync('out/main/index.js').mtimeMs).toBe(built);
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain(STOPPED_NOTICE);
  }, 120_000);
});
