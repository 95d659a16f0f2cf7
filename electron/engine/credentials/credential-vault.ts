import type { CredentialStorageView } from '../../../shared/views/connection';
import type { Credentials } from '../soundcharts/auth';

/**
 * Where a host keeps the Soundcharts credentials the operator saved (Settings, `chart-sync credentials set`,
 * REST). The engine never knows how they are protected: the desktop shell passes a vault backed by Electron's
 * safeStorage, the headless host and the CLI use a file readable by this user only. Never the database.
 */
export interface CredentialVault {
  /** How the credentials are protected, for the Settings screen. */
  storage(): CredentialStorageView;
  /** null when none are saved. Throws a ChartSyncError when saved ones cannot be read (a foreign keychain). */
  read(): Credentials | null;
  write(credentials: Credentials): void;
  clear(): void;
}

/**
 * What a vault encrypts with: Electron's safeStorage on the desktop (encryptString / decryptString), nothing on
 * the headless host (its file's permissions protect it).
 */
export interface StringCipher {
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}
