// The bundled CLI (out/main/cli.js), the one shipped inside the desktop app and run by resources/bin/chart-sync
// with the app's own executable as Node (ELECTRON_RUN_AS_NODE=1). From a checkout, scripts/chart-sync.mjs runs
// the same run() from source.
import { ignoreClosedOutput } from './closed-output';
import { hideSecretArguments } from './hide-secret-arguments';
import { run } from './index';

// First, before anything slow: the shorter a secret stays in `ps`, the better.
hideSecretArguments(process.argv);
ignoreClosedOutput(process.stdout);
ignoreClosedOutput(process.stderr);
process.exitCode = await run(process.argv);
