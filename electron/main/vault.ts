import { safeStorage } from 'electron';
import type { CredentialStorageView } from '../../shared/views/connection';
import type { CredentialVault, StringCipher } from '../engine/credentials/credential-vault';
import { FileCredentialVault } from '../engine/credentials/file-credential-vault';

/** What each safeStorage backend is, in the operator's words. */
const BACKEND_DESCRIPTIONS: Record<string, string> = {
  keychain: 'encrypted with a key kept in the macOS Keychain',
  dpapi: 'encrypted with Windows DPAPI (your Windows account)',
  gnome_libsecret: 'encrypted with a key kept in your desktop keyring (Secret Service)',
  kwallet: 'encrypted with a key kept in KWallet',
  kwallet5: 'encrypted with a key kept in KWallet',
  kwallet6: 'encrypted with a key kept in KWallet',
};

export const PLAIN_TEXT_WARNING =
  'No keyring is available (GNOME Keyring or KWallet), so the API key is saved unencrypted in a file only your ' +
  'user can read. Install or unlock a keyring and restart Chart Sync to have it encrypted.';

export const KEYCHAIN_UNAVAILABLE_WARNING =
  'The system keychain cannot be used right now, so the API key is saved unencrypted in a file only your user ' +
  'can read. Restart Chart Sync once you are logged in normally to have it encrypted.';

/** Electron's safeStorage, the OS keychain's key: only main ever holds the decrypted key. */
export const safeStorageCipher: StringCipher = {
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (encrypted) => safeStorage.decryptString(encrypted),
};

/**
 * The desktop's credential vault: the file vault of the data folder, encrypted with safeStorage. On Linux without
 * a keyring safeStorage falls back to `basic_text` (a key written in Electron's source, so no protection): the key
 * is then kept as the headless host keeps it, in a 0600 file (which the CLI can read too), and the Settings
 * screen says so. Called once the app is ready (safeStorage's backend is known only then).
 */
export function setupVault(dataDir: string, platform: NodeJS.Platform = process.platform): CredentialVault {
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : defaultBackend(platform);
  const protects = safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown';
  if (!protects) return new PlainTextVault({ dataDir }, backend, platform);
  return new FileCredentialVault({
    dataDir,
    encryption: {
      cipher: safeStorageCipher,
      backend,
      description: BACKEND_DESCRIPTIONS[backend] ?? `encrypted with the OS keychain (${backend})`,
      warning: null,
    },
  });
}

function defaultBackend(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'keychain' : platform === 'win32' ? 'dpapi' : 'unknown';
}

/** The file vault without encryption, saying so: the Settings screen shows the warning. */
class PlainTextVault extends FileCredentialVault {
  constructor(
    options: { dataDir: string },
    private readonly backend: string,
    private readonly platform: NodeJS.Platform,
  ) {
    super(options);
  }

  override storage(): CredentialStorageView {
    return {
      backend: this.backend === 'unknown' ? 'basic_text' : this.backend,
      encrypted: false,
      description: `a file only your user can read (${this.file}), not encrypted`,
      // Only Linux has a keyring to install; elsewhere the OS's own keychain refused.
      warning: this.platform === 'linux' ? PLAIN_TEXT_WARNING : KEYCHAIN_UNAVAILABLE_WARNING,
    };
  }
}
