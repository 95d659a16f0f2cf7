#!/usr/bin/env node
// Loads the TypeScript CLI through tsx, so `chart-sync` works from a fresh checkout without a build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../electron/cli/index.ts');
process.exitCode = await run(process.argv);
