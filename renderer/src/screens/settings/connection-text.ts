import type { CallInput } from '../../../../shared/contract/calls';
import type { ConfigSource, ConnectionView, CredentialSource } from '../../../../shared/views/connection';

type CredentialsInput = CallInput<'connection/set-credentials'>;

/** Where a connection value is set, for the screen: how it is overridden, or where it is kept. */
export type Override = { flag: string; variable: string | null };

export const API_URL_OVERRIDE: Override = { flag: '--api-url', variable: 'SOUNDCHARTS_API_URL' };
export const RATE_LIMIT_OVERRIDE: Override = { flag: '--rate-limit', variable: 'CHART_SYNC_RATE_LIMIT' };

/** The short word beside a value: "command line", "from SOUNDCHARTS_API_URL", "set here", "default". */
export function sourceLabel(source: ConfigSource, override: Override): string {
  switch (source) {
    case 'command line':
      return `command line (${override.flag})`;
    case 'environment':
      return override.variable ? `from ${override.variable}` : 'from the environment';
    case 'settings':
      return 'set here';
    case 'default':
      return 'default';
  }
}

/**
 * Why a value cannot be changed on this screen (a flag or the environment wins over a saved setting, so a change
 * here would do nothing), or null when it can.
 */
/**
 * The value its field starts from: what is set here when this screen can change it, else the value in effect
 * (which a flag or the environment set, shown read-only).
 */
export function fieldValue<T>(source: ConfigSource, setHere: T, inEffect: T): T {
  return source === 'settings' || source === 'default' ? setHere : inEffect;
}

export function readOnlyReason(source: ConfigSource, override: Override): string | null {
  switch (source) {
    case 'command line':
      return `Set with ${override.flag} when Chart Sync was started; it wins over this screen. Start it without the flag to change it here.`;
    case 'environment':
      return `Set by ${override.variable ?? 'the environment'}, which wins over this screen. Unset it and restart to change it here.`;
    default:
      return null;
  }
}

/** Where the credentials in use come from, naming the flags or variables to change. */
export function credentialSourceText(source: CredentialSource, kind: 'api-key' | 'oauth' | null): string {
  switch (source) {
    case 'command line':
      return 'From the command line (--app-id and --api-key)';
    case 'environment':
      return kind === 'oauth'
        ? 'From the environment (SOUNDCHARTS_CLIENT_ID and SOUNDCHARTS_CLIENT_SECRET)'
        : 'From the environment (SOUNDCHARTS_APP_ID and SOUNDCHARTS_API_KEY)';
    case 'saved':
      return 'Saved on this machine';
    case 'none':
      return 'None: Chart Sync runs in demo mode, on its built-in emulator';
  }
}

export const CREDENTIAL_KIND_TEXT: Readonly<Record<'api-key' | 'oauth', string>> = {
  'api-key': 'App id and API key',
  oauth: 'OAuth client',
};

/** "•••• 3f9a": the only part of a secret the host tells. */
export function maskedSecret(last4: string | null): string {
  return last4 ? `•••• ${last4}` : '—';
}

/** The storage's own warning, or one when the secret is kept unencrypted without the host saying why. */
export function storageWarning(storage: ConnectionView['storage']): string | null {
  if (storage.warning) return storage.warning;
  if (!storage.encrypted) return 'Saved credentials are not encrypted on this machine.';
  return null;
}

/** The credentials form as typed: both kinds' fields kept, so switching kind loses nothing. */
export type CredentialsDraft = {
  kind: 'api-key' | 'oauth';
  appId: string;
  apiKey: string;
  clientId: string;
  clientSecret: string;
  teamId: string;
};

export const EMPTY_DRAFT: CredentialsDraft = {
  kind: 'api-key',
  appId: '',
  apiKey: '',
  clientId: '',
  clientSecret: '',
  teamId: '',
};

/** What the form sends: only the chosen kind's fields, an empty optional team id left out. */
export function draftInput(draft: CredentialsDraft): CredentialsInput {
  if (draft.kind === 'api-key') return { kind: 'api-key', appId: draft.appId, apiKey: draft.apiKey };
  return {
    kind: 'oauth',
    clientId: draft.clientId,
    clientSecret: draft.clientSecret,
    ...(draft.teamId.trim() === '' ? {} : { teamId: draft.teamId }),
  };
}

/** Nothing typed yet: "Test connection" then tests what is in use. */
export function draftIsEmpty(draft: CredentialsDraft): boolean {
  const fields =
    draft.kind === 'api-key'
      ? [draft.appId, draft.apiKey]
      : [draft.clientId, draft.clientSecret, draft.teamId];
  return fields.every((value) => value.trim() === '');
}
