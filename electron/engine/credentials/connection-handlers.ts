import type { CallHandlers } from '../../../shared/contract/calls';
import { ChartSyncError } from '../../../shared/errors';
import type { ConnectionView } from '../../../shared/views/connection';
import { ENV, type AppConfig } from '../config/app-config';
import type { AuditEntryInput } from '../audit/audit-log';
import { SANDBOX_CREDENTIALS, type Credentials } from '../soundcharts/auth';
import type { CredentialVault } from './credential-vault';
import { connectionView, identityOf } from './connection-view';
import { testConnection } from './connection-test';

export type ConnectionCallName =
  'connection/get' | 'connection/set-credentials' | 'connection/clear-credentials' | 'connection/test';
export type ConnectionHandlers = Pick<CallHandlers, ConnectionCallName>;

/** What the connection calls need of the host that runs the engine (host.ts). */
export type ConnectionHost = {
  readonly vault: CredentialVault;
  /** The configuration in effect: the credentials, API URL and rate limit, with where each comes from. */
  config(): AppConfig;
  demo(): boolean;
  /** The Soundcharts URL the engine talks to now (the emulator's in demo mode). */
  connectedUrl(): string;
  /** Resolves the configuration again and reconnects when what is in effect changed (host.ts). */
  follow(): Promise<void>;
  /** An entry of the audit log of the database in use (so another process watching it follows too). */
  audit(entry: AuditEntryInput): void;
  /** Why saved credentials exist but cannot be read (the host then runs as if none were saved), else null. */
  vaultProblem(): string | null;
  /**
   * To call once Soundcharts accepted the credentials in use now (a key revoked, then reinstated at Soundcharts):
   * what a refusal held (metadata fetching) resumes, instead of waiting for the next sync to prove it. Bound to the
   * engine of this moment: if the connection changed in the meantime, the answer was about another one.
   */
  onCredentialsAccepted(): () => void;
};

/**
 * `connection/*`: where the connection comes from, saving and clearing credentials (which reconnect at once),
 * and "Test connection". Credentials given by a flag or the environment win over saved ones, so saving is
 * refused then: the operator changes them where they are set.
 */
export function connectionHandlers(host: ConnectionHost): ConnectionHandlers {
  const view = (): ConnectionView =>
    connectionView(host.config(), host.demo(), host.vault, host.vaultProblem());
  return {
    'connection/get': view,
    'connection/set-credentials': async (credentials) => {
      assertEditable(host.config());
      const detail = { kind: credentials.kind, identity: identityOf(credentials) };
      await changeVault(host, 'credentials.saved', detail, () => host.vault.write(credentials));
      return view();
    },
    'connection/clear-credentials': async () => {
      assertEditable(host.config());
      await changeVault(host, 'credentials.cleared', null, () => host.vault.clear());
      return view();
    },
    'connection/test': async ({ credentials, apiUrl }) => {
      const config = host.config();
      // In demo mode what is in use is the built-in emulator, with the sandbox's credentials.
      const inUse = host.demo()
        ? { apiUrl: host.connectedUrl(), credentials: SANDBOX_CREDENTIALS as Credentials }
        : { apiUrl: config.apiUrl, credentials: config.credentials };
      const candidate = credentials ?? (apiUrl === undefined ? inUse.credentials : config.credentials);
      if (!candidate) {
        throw new ChartSyncError(
          'invalid_input',
          'No Soundcharts credentials to test: enter an app id and API key (or an OAuth client) with the URL.',
        );
      }
      const url = apiUrl ?? (credentials ? config.apiUrl : inUse.apiUrl);
      const accepted =
        credentials === undefined && apiUrl === undefined ? host.onCredentialsAccepted() : null;
      const tested = await testConnection(url, candidate);
      accepted?.();
      return tested;
    },
  };
}

/**
 * Changes the vault and reconnects; when the reconnection fails (the other database refused), the vault gets
 * its previous content back, so the next start runs as this one does now. The audit entry goes into the
 * database in use before the switch: another process running on it (the desktop app while the CLI saves)
 * sees the change there and follows.
 */
function changeVault(
  host: ConnectionHost,
  action: 'credentials.saved' | 'credentials.cleared',
  detail: Record<string, unknown> | null,
  change: () => void,
): Promise<void> {
  // One change at a time per host (the handlers are made again for each engine, the host stays): a second save
  // made while the first reconnects would otherwise be undone by the first one's rollback, yet answer "saved".
  const run = (changing.get(host) ?? Promise.resolve()).then(() => changeNow(host, action, detail, change));
  changing.set(
    host,
    run.catch(() => {}),
  );
  return run;
}

/** The change of the vault under way, per host. */
const changing = new WeakMap<ConnectionHost, Promise<void>>();

async function changeNow(
  host: ConnectionHost,
  action: 'credentials.saved' | 'credentials.cleared',
  detail: Record<string, unknown> | null,
  change: () => void,
): Promise<void> {
  let before: Credentials | null | undefined;
  try {
    before = host.vault.read();
  } catch {
    // An unreadable file is what this change replaces: there is nothing to put back.
    before = undefined;
  }
  change();
  host.audit({ action, result: 'ok', trigger: 'operator', detail });
  try {
    await host.follow();
  } catch (error) {
    if (before === null) host.vault.clear();
    else if (before !== undefined) host.vault.write(before);
    host.audit({
      action,
      result: 'error',
      trigger: 'operator',
      detail,
      message: error instanceof ChartSyncError ? error.message : 'The reconnection failed.',
    });
    throw error;
  }
}

/** Saved credentials only take effect when no flag or variable gives some: refuse rather than save in vain. */
function assertEditable({ credentialSource: source, credentials }: AppConfig): void {
  if (source === 'command line') {
    throw new ChartSyncError(
      'invalid_state',
      'The Soundcharts credentials in use come from the command line (--app-id and --api-key), which win over saved ones: run without those flags to save or clear credentials.',
    );
  }
  if (source === 'environment') {
    throw new ChartSyncError(
      'invalid_state',
      `The Soundcharts credentials in use come from the environment (${variablesOf(credentials)}), which win over saved ones: change or unset them there and restart Chart Sync.`,
    );
  }
}

function variablesOf(credentials: Credentials | null): string {
  return credentials?.kind === 'oauth'
    ? `${ENV.clientId} and ${ENV.clientSecret}`
    : `${ENV.appId} and ${ENV.apiKey}`;
}

/**
 * An engine opened without a host (tests, benchmarks, tools) has a connection fixed by whoever built it: there
 * are no saved credentials to show or change.
 */
export function hostlessConnectionHandlers(): ConnectionHandlers {
  const refuse = (): never => {
    throw new ChartSyncError(
      'invalid_state',
      'This engine was opened without a Chart Sync host (the desktop app, `chart-sync serve` or the CLI), so its Soundcharts connection is fixed and cannot be shown or changed here.',
    );
  };
  return {
    'connection/get': refuse,
    'connection/set-credentials': refuse,
    'connection/clear-credentials': refuse,
    'connection/test': refuse,
  };
}
