import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackedPath } from '../../../electron/main/engine';

describe('unpackedPath', () => {
  it('points a file inside app.asar at its unpacked copy (a worker cannot start from the archive)', () => {
    const packaged = join(`${sep}opt`, 'Chart Sync', 'resources', 'app.asar', 'out', 'main', 'worker.js');
    expect(unpackedPath(packaged)).toBe(
      join(`${sep}opt`, 'Chart Sync', 'resources', 'app.asar.unpacked', 'out', 'main', 'worker.js'),
    );
    const fromSource = join(`${sep}work`, 'chart-sync', 'out', 'main', 'worker.js');
    expect(unpackedPath(fromSource)).toBe(fromSource);
  });
});
