import {
  chmodSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  CREDENTIALS_FILE_NAME,
  FileCredentialVault,
} from '../../../electron/engine/credentials/file-credential-vault';
import type { StringCipher } from '../../../electron/engine/credentials/credential-vault';
import { ChartSyncError } from '../../../shared/errors';
import { useTempDir } from '../../support/database';

const KEY = 'sk-live-0123456789abcdef';
const posix = process.platform !== 'win32';

/** A cipher that really changes the bytes (reversed, base64), so a test can tell the file holds no clear key. */
const reversing: StringCipher = {
  encrypt: (plain) => Buffer.from([...plain].reverse().join(''), 'utf8'),
  decrypt: (encrypted) => [...encrypted.toString('utf8')].reverse().join(''),
};

describe('FileCredentialVault', () => {
  const tempDir = useTempDir();

  it('round-trips both kinds of credentials, in a file only this user can read', () => {
    const dir = tempDir();
    const vault = new FileCredentialVault({ dataDir: dir });
    expect(vault.read()).toBeNull();
    vault.write({ kind: 'api-key', appId: 'my-app', apiKey: KEY });
    expect(vault.read()).toEqual({ kind: 'api-key', appId: 'my-app', apiKey: KEY });
    if (posix) expect(statSync(join(dir, CREDENTIALS_FILE_NAME)).mode & 0o777).toBe(0o600);
    vault.write({ kind: 'oauth', clientId: 'client', clientSecret: 'secret-secret', teamId: 'team' });
    expect(new FileCredentialVault({ dataDir: dir }).read()).toEqual({
      kind: 'oauth',
      clientId: 'client',
      clientSecret: 'secret-secret',
      teamId: 'team',
    });
    // Replaced by a rename: no temporary file is left beside it.
    expect(readdirSync(dir)).toEqual([CREDENTIALS_FILE_NAME]);
    vault.clear();
    expect(vault.read()).toBeNull();
    expect(existsSync(join(dir, CREDENTIALS_FILE_NAME))).toBe(false);
    vault.clear();
  });

  it.runIf(posix)('tightens a file made readable by others before using it', () => {
    const dir = tempDir();
    const vault = new FileCredentialVault({ dataDir: dir });
    vault.write({ kind: 'api-key', appId: 'my-app', apiKey: KEY });
    const file = join(dir, CREDENTIALS_FILE_NAME);
    chmodSync(file, 0o644);
    expect(vault.read()?.kind).toBe('api-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.runIf(posix)(
    'writes a fresh temporary file: a leftover one (a crash, a reused pid) is never written through',
    () => {
      const dir = tempDir();
      const vault = new FileCredentialVault({ dataDir: dir });
      // What a crash left behind, loose, or a link to a file others can read: the key must not go into either.
      const elsewhere = join(tempDir(), 'readable-by-all.txt');
      writeFileSync(elsewhere, 'public\n', { mode: 0o644 });
      symlinkSync(elsewhere, `${vault.file}.${process.pid}.tmp`);
      vault.write({ kind: 'api-key', appId: 'my-app', apiKey: KEY });
      expect(readFileSync(elsewhere, 'utf8')).toBe('public\n');
      expect(statSync(elsewhere).mode & 0o777).toBe(0o644);
      expect(lstatSync(vault.file).isSymbolicLink()).toBe(false);
      expect(statSync(vault.file).mode & 0o777).toBe(0o600);
      expect(vault.read()).toEqual({ kind: 'api-key', appId: 'my-app', apiKey: KEY });
    },
  );

  it('with a cipher, encrypts credentials it finds in clear (saved by the CLI), so "encrypted" stays true', () => {
    const dir = tempDir();
    // `chart-sync credentials set` while the desktop app runs: the CLI has no keychain and writes them in clear.
    new FileCredentialVault({ dataDir: dir }).write({ kind: 'api-key', appId: 'my-app', apiKey: KEY });
    const encryption = {
      cipher: reversing,
      backend: 'keychain',
      description: 'the OS keychain',
      warning: null,
    };
    const desktop = new FileCredentialVault({ dataDir: dir, encryption });
    expect(desktop.storage().encrypted).toBe(true);
    expect(desktop.read()).toEqual({ kind: 'api-key', appId: 'my-app', apiKey: KEY });
    expect(readFileSync(join(dir, CREDENTIALS_FILE_NAME), 'utf8')).not.toContain(KEY);
    expect(desktop.read()).toEqual({ kind: 'api-key', appId: 'my-app', apiKey: KEY });
  });

  it('says where the key is and that the file is not encrypted, without a cipher', () => {
    const dir = tempDir();
    expect(new FileCredentialVault({ dataDir: dir }).storage()).toEqual({
      backend: 'file',
      encrypted: false,
      description: `a file only your user can read (${join(dir, CREDENTIALS_FILE_NAME)})`,
      warning: null,
    });
  });

  it('with a cipher (the desktop safeStorage), keeps only the encrypted form in the file', () => {
    const dir = tempDir();
    const encryption = {
      cipher: reversing,
      backend: 'basic_text',
      description: 'the OS keychain',
      warning: 'No keyring: stored with a fixed key.',
    };
    const vault = new FileCredentialVault({ dataDir: dir, encryption });
    vault.write({ kind: 'api-key', appId: 'my-app', apiKey: KEY });
    const text = readFileSync(join(dir, CREDENTIALS_FILE_NAME), 'utf8');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('my-app');
    expect(vault.read()).toEqual({ kind: 'api-key', appId: 'my-app', apiKey: KEY });
    expect(vault.storage()).toEqual({
      backend: 'basic_text',
      encrypted: true,
      description: 'the OS keychain',
      warning: 'No keyring: stored with a fixed key.',
    });
    // The CLI has no keychain: it says so, naming the file, instead of guessing.
    const error = catchError(() => new FileCredentialVault({ dataDir: dir }).read());
    expect(error.message).toContain(join(dir, CREDENTIALS_FILE_NAME));
    expect(error.message).toContain('encrypted by the desktop app');
  });

  it.each([
    ['not JSON', `{"version":1,"credentials":{"kind":"api-key","appId":"a","apiKey":"${KEY}"`],
    ['an unknown shape', JSON.stringify({ version: 1, credentials: { kind: 'api-key', apiKey: KEY } })],
    ['a newer version', JSON.stringify({ version: 2, credentials: { kind: 'x', apiKey: KEY } })],
  ])(
    'refuses a file that is %s, naming it and what to do, never its content, and leaves it',
    (_, content) => {
      const dir = tempDir();
      const file = join(dir, CREDENTIALS_FILE_NAME);
      writeFileSync(file, content, { mode: 0o600 });
      const error = catchError(() => new FileCredentialVault({ dataDir: dir }).read());
      expect(error).toBeInstanceOf(ChartSyncError);
      expect(error.message).toContain(file);
      expect(error.message).toContain('chart-sync credentials set');
      expect(error.message).not.toContain(KEY);
      expect(readFileSync(file, 'utf8')).toBe(content);
    },
  );

  it('refuses a key the keychain cannot decrypt, without deleting it', () => {
    const dir = tempDir();
    const failing: StringCipher = {
      encrypt: reversing.encrypt,
      decrypt: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    const encryption = { cipher: failing, backend: 'keychain', description: 'the keychain', warning: null };
    const vault = new FileCredentialVault({ dataDir: dir, encryption });
    vault.write({ kind: 'api-key', appId: 'my-app', apiKey: KEY });
    expect(catchError(() => vault.read()).message).toMatch(/could not decrypt it/);
    expect(existsSync(join(dir, CREDENTIALS_FILE_NAME))).toBe(true);
  });

  it('says where saving failed when the folder cannot be written', () => {
    const vault = new FileCredentialVault({ dataDir: join(tempDir(), 'missing', 'deeper') });
    const error = catchError(() => vault.write({ kind: 'api-key', appId: 'my-app', apiKey: KEY }));
    expect(error.message).toMatch(/could not be saved in .*credentials\.json \(ENOENT\)/);
    expect(error.message).not.toContain(KEY);
  });

  it('never logs the key', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => {}),
    );
    const stderr = vi.spyOn(process.stderr, 'write');
    try {
      const dir = tempDir();
      const vault = new FileCredentialVault({ dataDir: dir });
      vault.write({ kind: 'api-key', appId: 'my-app', apiKey: KEY });
      vault.read();
      writeFileSync(join(dir, CREDENTIALS_FILE_NAME), `{"${KEY}"`);
      catchError(() => vault.read());
      for (const spy of [...spies, stderr]) {
        expect(JSON.stringify(spy.mock.calls)).not.toContain(KEY);
      }
    } finally {
      for (const spy of [...spies, stderr]) spy.mockRestore();
    }
  });
});

function catchError(work: () => unknown): Error {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
