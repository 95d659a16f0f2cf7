import { Option, type Command } from 'commander';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import { ChartSyncError } from '../../../shared/errors';
import type { ConnectionTestView, ConnectionView } from '../../../shared/views/connection';
import { dispatch } from '../../engine/api/dispatch';
import type { HostedEngine } from '../../engine/host';
import { formatCount } from '../format/numbers';
import { withEngine } from '../open-engine';
import { print, printJson } from '../output';
import { readSecret } from '../secret-input';

type CandidateOptions = {
  appId?: string;
  apiKeyStdin?: boolean;
  clientId?: string;
  clientSecretStdin?: boolean;
  teamId?: string;
  json?: boolean;
};

/**
 * `chart-sync credentials show|set|clear|test`: what the Settings screen's Connection section does, through the
 * same calls. The secret is read from stdin or a prompt that does not echo, and only its last characters are
 * ever printed.
 */
export function registerCredentialsCommand(program: Command): void {
  const credentials = program
    .command('credentials')
    .description('the Soundcharts credentials: where they come from, save, clear or test them');

  credentials
    .command('show')
    .description('where the credentials, API URL and rate limit in use come from (never the secret)')
    .option('--json', 'print it as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await onEngine(command, async (hosted) => {
        const view = await call(hosted, 'connection/get', {});
        if (options.json) printJson(view);
        else print(formatConnection(view));
      });
    });

  candidateOptions(
    credentials
      .command('set')
      .description('save credentials (in the data folder, readable by you only) and use them from now on'),
  )
    .option('--json', 'print the connection as JSON')
    .action(async (options: CandidateOptions, command: Command) => {
      const input = await candidate(options);
      if (!input) {
        throw new ChartSyncError(
          'invalid_input',
          'Give --app-id <id> (the API key is then read from --api-key-stdin or typed at a prompt), or --client-id <id> for an OAuth client.',
        );
      }
      await onEngine(command, async (hosted) => {
        const view = await call(hosted, 'connection/set-credentials', input);
        if (options.json) printJson(view);
        else print(`Saved.\n${formatConnection(view)}`);
      });
    });

  credentials
    .command('clear')
    .description('forget the saved credentials (Chart Sync goes back to its demo)')
    .option('--json', 'print the connection as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await onEngine(command, async (hosted) => {
        const view = await call(hosted, 'connection/clear-credentials', {});
        if (options.json) printJson(view);
        else print(`Cleared.\n${formatConnection(view)}`);
      });
    });

  candidateOptions(
    credentials
      .command('test')
      .description(
        'ask Soundcharts for the plan usage (free) with the credentials in use, or with those given here',
      ),
  )
    .addOption(new Option('--url <url>', 'test this API URL instead of the one in use'))
    .option('--json', 'print the result as JSON')
    .action(async (options: CandidateOptions & { url?: string }, command: Command) => {
      const credentials = await candidate(options);
      await onEngine(command, async (hosted) => {
        const result = await call(hosted, 'connection/test', {
          ...(credentials ? { credentials } : {}),
          ...(options.url === undefined ? {} : { apiUrl: options.url }),
        });
        if (options.json) printJson(result);
        else print(formatTest(result));
      });
    });
}

function candidateOptions(command: Command): Command {
  return command
    .option('--app-id <id>', 'Soundcharts app id')
    .option(
      '--api-key-stdin',
      'read the API key from stdin (else it is typed at a prompt that shows nothing)',
    )
    .option('--client-id <id>', 'an OAuth client instead of an app id')
    .option('--client-secret-stdin', 'read the OAuth client secret from stdin (else typed at a prompt)')
    .option('--team-id <id>', 'the OAuth team id, if the client has several');
}

/** The credentials given on this command line, the secret read from stdin or a prompt; undefined when none. */
async function candidate(
  options: CandidateOptions,
): Promise<CallInput<'connection/set-credentials'> | undefined> {
  if (options.appId !== undefined && options.clientId !== undefined) {
    throw new ChartSyncError('invalid_input', 'Give --app-id or --client-id, not both.');
  }
  if (options.appId !== undefined) {
    const apiKey = await readSecret('API key', options.apiKeyStdin === true, '--api-key-stdin');
    return { kind: 'api-key', appId: options.appId, apiKey };
  }
  if (options.clientId !== undefined) {
    const clientSecret = await readSecret(
      'client secret',
      options.clientSecretStdin === true,
      '--client-secret-stdin',
    );
    return {
      kind: 'oauth',
      clientId: options.clientId,
      clientSecret,
      ...(options.teamId === undefined ? {} : { teamId: options.teamId }),
    };
  }
  if (options.apiKeyStdin || options.clientSecretStdin || options.teamId !== undefined) {
    throw new ChartSyncError('invalid_input', 'Give --app-id (or --client-id) with the secret.');
  }
  return undefined;
}

/**
 * The engine as the global flags configure it. The command's own --app-id is a candidate, not the global flag
 * (which would make these the credentials in use), so the flags are read from the `credentials` command up.
 * Saved credentials that cannot be read count as none here: these commands are how to replace or clear them.
 */
function onEngine(command: Command, work: (hosted: HostedEngine) => Promise<void>): Promise<void> {
  return withEngine(command.parent ?? command, work, { unreadableVault: 'as-none' });
}

async function call<K extends CallName>(
  hosted: HostedEngine,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const result = await dispatch(hosted.port.handlers, name, input);
  if (!result.ok) throw new ChartSyncError(result.error.code, result.error.message);
  return result.value as CallOutput<K>;
}

const SOURCE_TEXT: Record<ConnectionView['credentials']['source'], string> = {
  'command line': 'from the command line (--app-id, --api-key)',
  environment: 'from the environment',
  saved: 'saved',
  none: 'none',
};

export function formatConnection(view: ConnectionView): string {
  const { credentials, storage } = view;
  const who =
    credentials.kind === null
      ? 'none: Chart Sync runs on its built-in emulator (demo data). Save some with `chart-sync credentials set --app-id <id>`.'
      : `${credentials.kind === 'api-key' ? 'app id' : 'OAuth client'} ${credentials.identity}, ${
          credentials.kind === 'api-key' ? 'API key' : 'secret'
        } ${credentials.secretLast4 ? `…${credentials.secretLast4}` : '(set)'} (${SOURCE_TEXT[credentials.source]}${
          credentials.editable ? '' : ': change them there'
        })`;
  return [
    `Mode:        ${view.demo ? 'demo (built-in emulator)' : 'Soundcharts'}`,
    `Credentials: ${who}`,
    `API URL:     ${view.apiUrl} (${view.apiUrlSource})`,
    `Rate limit:  ${formatCount(view.rateLimitPerMinute)} requests/minute (${view.rateLimitSource})`,
    `Saved in:    ${storage.description}${storage.encrypted ? ', encrypted' : ''}`,
    ...(storage.warning ? [`Warning:     ${storage.warning}`] : []),
    '',
  ].join('\n');
}

function formatTest(result: ConnectionTestView): string {
  const count = (n: number | null) => (n === null ? '?' : formatCount(n));
  const { quota, rateLimit } = result;
  return [
    `Connected to ${result.apiUrl} in ${result.latencyMs} ms.`,
    `Quota:       ${count(quota.remaining)} requests remaining${quota.limit === null ? '' : ` of ${count(quota.limit)}`}`,
    ...(rateLimit.limit === null ? [] : [`Rate limit:  ${count(rateLimit.limit)} (plan)`]),
    '',
  ].join('\n');
}
