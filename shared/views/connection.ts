/** Where a connection value comes from, strongest first: a flag of this run, the environment, the Settings screen. */
export type ConfigSource = 'command line' | 'environment' | 'settings' | 'default';

/** Where the Soundcharts credentials in use come from; `saved` is the host's credential vault. */
export type CredentialSource = 'command line' | 'environment' | 'saved' | 'none';

/**
 * How the host keeps saved credentials. The desktop app uses Electron's safeStorage (the OS keychain); on Linux
 * without a keyring that is a plain-text fallback (`basic_text`), which the screen says in `warning`. The headless
 * host and the CLI keep them in a file readable by this user only.
 */
export type CredentialStorageView = {
  /** e.g. `keychain`, `dpapi`, `gnome_libsecret`, `kwallet5`, `basic_text`, `file`. */
  backend: string;
  encrypted: boolean;
  /** One sentence an operator understands: where the key is and what protects it. */
  description: string;
  /** Set when the storage does not really protect the key. */
  warning: string | null;
};

/**
 * The connection to Soundcharts as the Settings screen, `chart-sync credentials` and REST show it. The secret
 * itself (API key, client secret) never leaves the host: only its last four characters.
 */
export type ConnectionView = {
  /** Running on the built-in emulator because no credentials are set. */
  demo: boolean;
  apiUrl: string;
  apiUrlSource: ConfigSource;
  rateLimitPerMinute: number;
  rateLimitSource: ConfigSource;
  credentials: {
    source: CredentialSource;
    kind: 'api-key' | 'oauth' | null;
    /** The app id or OAuth client id: not a secret, shown whole. */
    identity: string | null;
    secretLast4: string | null;
    /** False when they come from a flag or the environment: change them there, not here. */
    editable: boolean;
    /**
     * Credentials are saved but cannot be read (a keychain this session cannot use, a damaged file): they are
     * not in use, and can be replaced or removed.
     */
    savedUnreadable: boolean;
  };
  storage: CredentialStorageView;
};

/** What "Test connection" learned from `GET /api/v2/team/usage` (which costs no quota). */
export type ConnectionTestView = {
  apiUrl: string;
  /** Round trip of the usage call. */
  latencyMs: number;
  quota: { used: number | null; limit: number | null; remaining: number | null };
  /** The plan's rate limit, when Soundcharts says it. */
  rateLimit: { limit: number | null; remaining: number | null };
};
