import { withIsoTimes } from '../../shared/domain/wire-times';

/**
 * Where the CLI writes: results on stdout (so `--json` can be piped), everything about the run itself (demo
 * notice, progress, notes) on stderr. Through process.stdout/stderr at call time, so tests can capture them.
 */
export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function note(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * Every `--json` answer, with its times as ISO 8601 with the host's offset: the same conversion as the REST
 * answers (withIsoTimes), so a script reads one convention from both.
 */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(withIsoTimes(value), null, 2)}\n`);
}

/**
 * Thrown after a command printed its result, to end with a non-zero exit code (a sync that failed) without
 * printing anything more. `run()` turns it into the exit code.
 */
export class CommandExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'CommandExit';
  }
}
