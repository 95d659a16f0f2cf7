import { readFileSync, statSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { FileCredentialVault } from '../../../electron/engine/credentials/file-credential-vault';
import { PLAIN_TEXT_WARNING, setupVault } from '../../../electron/main/vault';
import { resetElectronMock, safeStorage } from '../../mocks/electron';
import { useTempDir } from '../../support/database';

const CREDENTIALS = { kind: 'api-key', appId: 'team-app', apiKey: 'sk-live-SECRET-7f3a' } as const;

describe('setupVault', () => {
  const tempDir = useTempDir();
  let dataDir: string;
  beforeEach(() => {
    resetElectronMock();
    dataDir = tempDir();
  });

  it('encrypts the credentials with safeStorage: the file never holds the key, main reads it back', () => {
    const vault = setupVault(dataDir, 'linux');
    expect(vault.storage()).toEqual({
      backend: 'gnome_libsecret',
      encrypted: true,
      description: expect.stringMatching(/keyring/),
      warning: null,
    });
    vault.write(CREDENTIALS);
    const file = (vault as FileCredentialVault).file;
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('sk-live-SECRET-7f3a');
    expect(text).not.toContain('team-app');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(safeStorage.encryptString).toHaveBeenCalledTimes(1);
    expect(setupVault(dataDir, 'linux').read()).toEqual(CREDENTIALS);
    // The CLI (no keychain) is told why it cannot read them, not handed garbage.
    expect(() => new FileCredentialVault({ dataDir }).read()).toThrow(/encrypted by the desktop app/);
  });

  it('names the macOS and Windows keychains', () => {
    expect(setupVault(dataDir, 'darwin').storage()).toMatchObject({ backend: 'keychain', encrypted: true });
    expect(setupVault(dataDir, 'win32').storage()).toMatchObject({ backend: 'dpapi', encrypted: true });
    expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('Linux without a keyring (basic_text): says so, and keeps the key as the headless host does (0600)', () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    const vault = setupVault(dataDir, 'linux');
    expect(vault.storage()).toEqual({
      backend: 'basic_text',
      encrypted: false,
      description: expect.stringMatching(/only your user can read.*not encrypted/),
      warning: PLAIN_TEXT_WARNING,
    });
    vault.write(CREDENTIALS);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(statSync((vault as FileCredentialVault).file).mode & 0o777).toBe(0o600);
    expect(new FileCredentialVault({ dataDir }).read()).toEqual(CREDENTIALS);
  });

  it('credentials encrypted while a keyring was there, read when there is none: the desktop says so, not "the command line"', () => {
    setupVault(dataDir, 'linux').write(CREDENTIALS);
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    const read = () => setupVault(dataDir, 'linux').read();
    expect(read).toThrow(/encrypted by the desktop app with the OS keychain, which cannot be used here/);
    expect(read).toThrow(/Save them again/);
    expect(read).not.toThrow(/command line cannot use/);
  });

  it('macOS or Windows without encryption: the warning does not send the operator to GNOME Keyring', () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    for (const platform of ['darwin', 'win32'] as const) {
      const { warning, encrypted } = setupVault(dataDir, platform).storage();
      expect(encrypted).toBe(false);
      expect(warning).toMatch(/unencrypted in a file only your user can read/);
      expect(warning).not.toMatch(/GNOME|KWallet/);
    }
  });

  it('no encryption at all is the same warning', () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expect(setupVault(dataDir, 'linux').storage()).toMatchObject({
      encrypted: false,
      warning: PLAIN_TEXT_WARNING,
    });
  });
});
