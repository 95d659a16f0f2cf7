import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, buildStaleness } from '../../scripts/build-freshness.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const BUILT_AT = new Date('2026-12-01T12:00:00Z');
const BEFORE = new Date('2026-11-30T12:00:00Z');
const AFTER = new Date('2026-12-02T12:00:00Z');

/** A checkout in miniature: sources dated `sourcesAt`, every build output dated BUILT_AT. */
function checkout(sourcesAt: Date, skipOutput?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'chart-sync-freshness-'));
  roots.push(root);
  const files = ['electron/main/index.ts', 'shared/contract/index.ts', 'renderer/main.tsx', 'package.json'];
  for (const file of files) touch(root, file, sourcesAt);
  for (const dir of ['electron/main', 'electron', 'shared/contract', 'shared', 'renderer'])
    utimesSync(join(root, dir), sourcesAt, sourcesAt);
  for (const output of BUILD_OUTPUTS) if (output !== skipOutput) touch(root, output, BUILT_AT);
  return root;
}

function touch(root: string, file: string, at: Date): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), '');
  utimesSync(join(root, file), at, at);
}

describe('whether out/ must be built again', () => {
  it('is current when every source is older than every output', () => {
    expect(buildStaleness(checkout(BEFORE))).toBeNull();
  });

  it.each([
    ['a source file edited', (root: string) => touch(root, 'shared/contract/index.ts', AFTER)],
    ['a source file added', (root: string) => touch(root, 'renderer/screens/new.tsx', AFTER)],
    [
      'a source file removed (only its folder changes)',
      (root: string) => {
        rmSync(join(root, 'electron/main/index.ts'));
        utimesSync(join(root, 'electron/main'), AFTER, AFTER);
      },
    ],
    [
      'the lockfile changed (a bundled dependency)',
      (root: string) => touch(root, 'package-lock.json', AFTER),
    ],
  ])('is stale after %s', (_, change) => {
    const root = checkout(BEFORE);
    change(root);
    expect(buildStaleness(root)).toMatch(/changed since the last build$/);
  });

  it.each(BUILD_OUTPUTS)('is stale when %s is missing (a half-made or emptied build)', (output) => {
    expect(buildStaleness(checkout(BEFORE, output))).toBe(`${output} is missing`);
  });
});
