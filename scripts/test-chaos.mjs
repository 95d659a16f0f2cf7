#!/usr/bin/env node
// `npm run test:chaos`: the chaos suite in full (tests/chaos with CHART_SYNC_CHAOS=full: 20 kills, every fault at
// 10/30/50 %, thousands of fuzz cases, the load and hostile-environment runs), one file at a time, then a search
// of everything the suite saw for the planted credential. `npm test` runs the same files reduced.
// Ends with "N passed, N failed" like `npm test`; extra arguments go to vitest (a file, `-t name`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const REPORT = 'test-output/vitest-chaos-report.json';
const OUTPUTS = ['test-output/chaos-outputs', 'test-output/chaos-data'];
// Kept in step with tests/chaos/support/planted-key.ts.
const PLANTED = ['PLANTED-KEY-7f3c9a1e5b2d4c6f8a0e', 'PLANTED-SECRET-2b8d0f4a6c1e3a5b7d9f'];
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

for (const dir of OUTPUTS) rmSync(dir, { recursive: true, force: true });
mkdirSync('test-output', { recursive: true });
rmSync(REPORT, { force: true });

// `npm run test:chaos -- tests/chaos/load.test.ts` runs that file alone: vitest's filters are alternatives, so
// passing 'tests/chaos' as well would run every file.
const extra = process.argv.slice(2);
const chosenFiles = extra.filter((arg) => arg.startsWith('tests/'));
const options = extra.filter((arg) => !arg.startsWith('tests/'));

const started = Date.now();
spawnSync(
  npx,
  [
    'vitest',
    'run',
    ...(chosenFiles.length > 0 ? chosenFiles : ['tests/chaos']),
    '--no-file-parallelism',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${REPORT}`,
    ...options,
  ],
  { stdio: 'inherit', env: { ...process.env, CHART_SYNC_CHAOS: 'full' } },
);

let passed = 0;
let failed = 0;
if (existsSync(REPORT)) {
  const json = JSON.parse(readFileSync(REPORT, 'utf8'));
  passed += json.numPassedTests ?? 0;
  failed += (json.numFailedTests ?? 0) + (json.numFailedTestSuites ?? 0);
} else {
  console.log('vitest wrote no report: counting the chaos run as failed');
  failed += 1;
}

function* files(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

// Every output and kept data file, read as bytes (databases, backups and XLSX included; XLSX is zipped, so the
// tests that export XLSX also record its unzipped text).
let searched = 0;
const leaks = [];
for (const dir of OUTPUTS) {
  for (const file of files(dir)) {
    searched += 1;
    const text = readFileSync(file).toString('latin1');
    if (PLANTED.some((secret) => text.includes(secret))) leaks.push(file);
  }
}
console.log(`\n── planted credential: searched ${searched} files the suite wrote or saw`);
if (searched === 0 && chosenFiles.length === 0) {
  console.log('nothing was recorded: the search proves nothing, counted as failed');
  failed += 1;
} else if (searched === 0) {
  console.log('nothing was recorded by the files run: no search counted');
} else if (leaks.length > 0) {
  console.log(`the planted credential appears in:\n  ${leaks.join('\n  ')}`);
  failed += 1;
} else {
  passed += 1;
}

console.log(`\nchaos suite: ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
