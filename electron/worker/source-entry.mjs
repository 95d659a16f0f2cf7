// The pool's worker entry when running from source (CLI, tests): worker threads do not inherit the parent's
// TypeScript loader, and `--import tsx` in execArgv is unreliable for a second pool in one process, so register
// tsx here, then hand piscina the real entry's handler. The built app uses out/main/worker.js instead.
import { register } from 'tsx/esm/api';

register();
const { default: handleTask } = await import('./index.ts');
export default handleTask;
