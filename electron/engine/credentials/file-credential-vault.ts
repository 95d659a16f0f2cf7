import { chmodSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ChartSyncError } from '../../../shared/errors';
import { credentialsInput } from '../../../shared/schemas/connection-input';
import type { CredentialStorageView } from '../../../shared/views/connection';
import type { Credentials } from '../soundcharts/auth';
import type { CredentialVault, StringCipher } from './credential-vault';

export const CREDENTIALS_FILE_NAME = 'credentials.json';
/** Read and write for this user only: the file holds the API key (in clear without a cipher). */
const OWNER_ONLY = 0o600;
const FILE_VERSION = 1;

/** How a cipher protects the file, for the Settings screen (the desktop's safeStorage backend). */
export type CipherStorage = { cipher: StringCipher } & Omit<CredentialStorageView, 'encrypted'>;

export type FileVaultOptions = {
  dataDir: string;
  /** Encrypts what is written (the desktop passes safeStorage); none: the file's permissions protect it. */
  encryption?: CipherStorage;
};

const fileSchema = z.union([
  z.object({ version: z.literal(FILE_VERSION), credentials: credentialsInput }).strict(),
  z.object({ version: z.literal(FILE_VERSION), encrypted: z.string().min(1) }).strict(),
]);

/**
 * Saved Soundcharts credentials in one file of the data folder, mode 0600, replaced atomically (a temporary
 * file renamed over it), so a crash mid-write never leaves half a key. A file that cannot be read is reported,
 * naming it and what to do, and never removed: the operator's key may be recoverable from it.
 */
export class FileCredentialVault implements CredentialVault {
  readonly file: string;

  constructor(private readonly options: FileVaultOptions) {
    this.file = join(options.dataDir, CREDENTIALS_FILE_NAME);
  }

  storage(): CredentialStorageView {
    const encryption = this.options.encryption;
    if (encryption) {
      const { backend, description, warning } = encryption;
      return { backend, encrypted: true, description, warning };
    }
    return {
      backend: 'file',
      encrypted: false,
      description: `a file only your user can read (${this.file})`,
      warning: null,
    };
  }

  read(): Credentials | null {
    if (!existsSync(this.file)) return null;
    this.tightenMode();
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      throw this.unreadable(`it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, error);
    }
    let parsed: z.infer<typeof fileSchema>;
    try {
      parsed = fileSchema.parse(JSON.parse(text));
    } catch {
      // Never the parser's message: it may quote the file's content, the key.
      throw this.unreadable('it is not a credentials file this version of Chart Sync understands');
    }
    if ('credentials' in parsed) {
      // Saved in clear by a process without the keychain (the CLI): encrypted now, so the Settings screen's
      // "encrypted" is true of the file. If that fails the credentials still work; the next save encrypts them.
      if (this.options.encryption) {
        try {
          this.write(parsed.credentials);
        } catch {
          // Kept as it is: readable by this user only.
        }
      }
      return parsed.credentials;
    }
    return this.decrypt(parsed.encrypted);
  }

  write(credentials: Credentials): void {
    const valid = credentialsInput.parse(credentials);
    const body = this.options.encryption
      ? {
          version: FILE_VERSION,
          encrypted: this.options.encryption.cipher.encrypt(JSON.stringify(valid)).toString('base64'),
        }
      : { version: FILE_VERSION, credentials: valid };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      // A new file, created 0600, so the key is never readable by others, not even for a moment: a leftover of
      // that name (a crash, a reused pid; loose, or a link elsewhere) is removed, and 'wx' never opens one.
      rmSync(temporary, { force: true });
      writeFileSync(temporary, `${JSON.stringify(body, null, 2)}\n`, { mode: OWNER_ONLY, flag: 'wx' });
      chmodSync(temporary, OWNER_ONLY);
      renameSync(temporary, this.file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw new ChartSyncError(
        'invalid_state',
        `The credentials could not be saved in ${this.file} (${(error as NodeJS.ErrnoException).code ?? 'error'}): check that the folder exists and is writable by you.`,
        { cause: error },
      );
    }
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }

  private decrypt(encrypted: string): Credentials {
    const cipher = this.options.encryption?.cipher;
    if (!cipher) {
      throw this.unreadable(
        'it was encrypted by the desktop app with the OS keychain, which cannot be used here (the command line ' +
          'never can, and the desktop app only while the keyring it used is available; the command line can be ' +
          'given the credentials with --app-id and --api-key, or SOUNDCHARTS_APP_ID and SOUNDCHARTS_API_KEY)',
      );
    }
    let plain: string;
    try {
      plain = cipher.decrypt(Buffer.from(encrypted, 'base64'));
    } catch (error) {
      throw this.unreadable('the OS keychain could not decrypt it (another user or machine?)', error);
    }
    const result = credentialsInput.safeParse(safeJson(plain));
    if (!result.success) throw this.unreadable('its decrypted content is not valid credentials');
    return result.data;
  }

  /** A file made looser (copied, restored from a backup) is brought back to owner-only before it is used. */
  private tightenMode(): void {
    if (process.platform === 'win32') return;
    try {
      if ((statSync(this.file).mode & 0o077) !== 0) chmodSync(this.file, OWNER_ONLY);
    } catch {
      // Not ours to change (another owner): reading it says what is wrong.
    }
  }

  private unreadable(why: string, cause?: unknown): ChartSyncError {
    return new ChartSyncError(
      'invalid_state',
      `The saved Soundcharts credentials in ${this.file} cannot be used: ${why}. Save them again (Settings, ` +
        'or `chart-sync credentials set`), which replaces the file, or clear them (`chart-sync credentials ' +
        'clear`); the file was left as it is.',
      cause === undefined ? undefined : { cause },
    );
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
