// A separate process that takes the sync lock of a database and holds it until it is killed.
import { SyncLock } from '../../electron/engine/sync/sync-lock';

const [file] = process.argv.slice(2) as [string];
SyncLock.acquire(file, Date.now());
process.stdout.write('locked\n');
setInterval(() => {}, 60_000);
