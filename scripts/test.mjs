#!/usr/bin/env node
// `npm test`: the project's checks, then every test (the build is itself tested); ends with one line "N passed, N failed"
// (each check counts as one), because CI's log reader understands that line and not vitest's summary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const REPORT = 'test-output/vitest-report.json';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const checks = [
  ['typecheck', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['typecheck (renderer)', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']],
  ['lint', ['eslint', '.']],
  ['format', ['prettier', '--check', '.']],
];

function step(name, args) {
  console.log(`\n── ${name}: ${args.join(' ')}`);
  const result = spawnSync(npx, args, { stdio: 'inherit' });
  return result.status === 0;
}

const failedChecks = checks.filter(([name, args]) => !step(name, args)).map(([name]) => name);

mkdirSync('test-output', { recursive: true });
rmSync(REPORT, { force: true });
const extra = process.argv.slice(2);
step('tests', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${REPORT}`,
  ...extra,
]);

let passed = 0;
let failed = 0;
if (existsSync(REPORT)) {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
} else {
  console.log('vitest wrote no report: counting the test run as failed');
  failed += 1;
}
passed += checks.length - failedChecks.length;
failed += failedChecks.length;
if (failedChecks.length) console.log(`\nFailed checks: ${failedChecks.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
