// Worker threads do not inherit the TypeScript loader of the thread that starts them: register tsx, then load
// the worker module named in workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
