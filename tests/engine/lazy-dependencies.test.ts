import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHostedEngine } from '../../electron/engine/host';
import { startServer } from '../../electron/engine/server';

/**
 * What `chart-sync serve` loads only when it needs it (docs/benchmarks.md, goal 3): got and the HTTPS stack by the
 * first Soundcharts request, piscina by the first sync, ws by the first WebSocket, the emulator in demo mode only.
 * Each mock records the first import of the real module.
 */
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('got', async (importOriginal) => {
  loaded.add('got');
  return importOriginal();
});
vi.mock('piscina', async (importOriginal) => {
  loaded.add('piscina');
  return importOriginal();
});
vi.mock('ws', async (importOriginal) => {
  loaded.add('ws');
  return importOriginal();
});
vi.mock('../../electron/emulator', async (importOriginal) => {
  loaded.add('emulator');
  return importOriginal();
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chart-sync-lazy-'));
  dirs.push(dir);
  return dir;
}

describe('serve loads heavy dependencies on first use', () => {
  it('answers REST with credentials set, its scheduler started later, without got, piscina, ws or the emulator; a WebSocket loads ws', async () => {
    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Chart Sync</title>');
    const hosted = await startHostedEngine({
      version: 'test',
      // Nothing listens there: no request may be sent before the background work starts.
      flags: { dataDir: tempDir(), apiUrl: 'http://127.0.0.1:9', appId: 'app', apiKey: 'key' },
      env: {},
    });
    const server = await startServer({ engine: hosted.port, port: 0, rendererDir });
    let startBackground!: () => void;
    hosted.engine.startScheduler(new Promise<void>((resolve) => (startBackground = resolve)));
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/sync/schedules`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true, value: [] });
      await server.firstAnswered;
      expect(hosted.engine.scheduler.started).toBe(false);
      // Scheduling all the same: a reconnection in the meantime hands it to the next engine.
      expect(hosted.engine.schedulingStarted).toBe(true);
      expect([...loaded]).toEqual([]);

      const { WebSocket } = await import('ws');
      loaded.clear();
      const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`);
      const answer = new Promise<unknown>((resolve, reject) => {
        socket.on('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8'))));
        socket.on('error', reject);
      });
      await new Promise((resolve) => socket.on('open', resolve));
      socket.send(JSON.stringify({ type: 'call', id: 1, name: 'schedules/list', input: {} }));
      expect(await answer).toEqual({ type: 'result', id: 1, result: { ok: true, value: [] } });
      socket.close();

      startBackground();
      await vi.waitFor(() => expect(hosted.engine.scheduler.started).toBe(true));
      // The plan's rate limit is read once the background work starts: got comes with that first request.
      await vi.waitFor(() => expect(loaded.has('got')).toBe(true));
      expect(loaded.has('piscina')).toBe(false);
      expect(loaded.has('emulator')).toBe(false);
    } finally {
      await server.close();
      await hosted.close();
    }
  });
});
