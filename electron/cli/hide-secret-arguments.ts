import { withoutUrlCredentials } from '../../shared/domain/url-credentials';

/**
 * Options whose value is a secret: `--api-key` (global, and the emulator's), a webhook's `--secret`, and the
 * `user:password@` an `--api-url` may carry. Given on the command line they would stay readable by every user of
 * the machine in `ps` and /proc for the life of the process (a `serve` runs for weeks); `--help` says to prefer
 * the environment or `chart-sync credentials set`.
 */
const SECRET_FLAGS: readonly string[] = ['--api-key', '--secret'];
/** Options whose value is a URL that may carry `user:password@`: only that part is hidden, as everywhere else. */
const URL_FLAGS: readonly string[] = ['--api-url'];

/** The command line with each secret value replaced by `***`; null when there is none to hide. */
export function redactedArguments(argv: readonly string[]): string[] | null {
  let hidden = false;
  const shown = argv.map((arg, i) => {
    const inline = SECRET_FLAGS.find((flag) => arg.startsWith(`${flag}=`));
    if (inline) {
      hidden = true;
      return `${inline}=***`;
    }
    if (i > 0 && SECRET_FLAGS.includes(argv[i - 1]!)) {
      hidden = true;
      return '***';
    }
    const url = URL_FLAGS.find((flag) => arg.startsWith(`${flag}=`));
    const value = url ? arg.slice(url.length + 1) : i > 0 && URL_FLAGS.includes(argv[i - 1]!) ? arg : null;
    if (value !== null && withoutUrlCredentials(value) !== value) {
      hidden = true;
      return url ? `${url}=${withoutUrlCredentials(value)}` : withoutUrlCredentials(value);
    }
    return arg;
  });
  return hidden ? shown : null;
}

/**
 * Rewrites what `ps` shows for this process (process.title overwrites the command line's own memory on Linux)
 * so a secret given as an option does not stay readable by others. The value itself is already parsed from
 * process.argv, which stays as it was. Elsewhere (macOS `ps -E`, Windows) the title may not cover the original
 * command line: there the environment variable or the saved credentials are the only safe ways.
 */
export function hideSecretArguments(argv: readonly string[] = process.argv): void {
  const shown = redactedArguments(argv);
  if (shown === null) return;
  try {
    process.title = shown.join(' ');
  } catch {
    // No title to set (an embedded runtime): the help's advice is what is left.
  }
}
