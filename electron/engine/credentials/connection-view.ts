import { SECRET_SHOWN_CHARS, SECRET_SHOWN_MIN_LENGTH } from '../../../shared/domain/policies';
import type { ConnectionView } from '../../../shared/views/connection';
import { withoutUrlCredentials } from '../../../shared/domain/url-credentials';
import type { AppConfig } from '../config/app-config';
import type { Credentials } from '../soundcharts/auth';
import type { CredentialVault } from './credential-vault';

/** The connection as the Settings screen, the CLI and REST show it: never the secret, only its last characters. */
export function connectionView(
  config: AppConfig,
  demo: boolean,
  vault: CredentialVault,
  vaultProblem: string | null = null,
): ConnectionView {
  const { credentials, credentialSource } = config;
  const storage = vault.storage();
  return {
    demo,
    apiUrl: withoutUrlCredentials(config.apiUrl),
    apiUrlSource: config.apiUrlSource,
    rateLimitPerMinute: config.rateLimitPerMinute,
    rateLimitSource: config.rateLimitSource,
    credentials: {
      source: credentialSource,
      kind: credentials?.kind ?? null,
      identity: credentials ? identityOf(credentials) : null,
      secretLast4: credentials ? lastCharsOf(secretOf(credentials)) : null,
      editable: credentialSource === 'saved' || credentialSource === 'none',
      savedUnreadable: vaultProblem !== null,
    },
    // Saved credentials that cannot be read are the first thing to fix: said before the storage's own warning.
    storage: vaultProblem
      ? { ...storage, warning: [vaultProblem, storage.warning].filter(Boolean).join(' ') }
      : storage,
  };
}

/** The app id or OAuth client id: not a secret (the audit log and the screen show it whole). */
export function identityOf(credentials: Credentials): string {
  return credentials.kind === 'api-key' ? credentials.appId : credentials.clientId;
}

function secretOf(credentials: Credentials): string {
  return credentials.kind === 'api-key' ? credentials.apiKey : credentials.clientSecret;
}

function lastCharsOf(secret: string): string | null {
  return secret.length >= SECRET_SHOWN_MIN_LENGTH ? secret.slice(-SECRET_SHOWN_CHARS) : null;
}
