import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ChartSyncError } from '../../../shared/errors';

/**
 * Keeps webhook secrets out of the database in clear. The engine only needs these two operations, so the
 * desktop shell can plug Electron's safeStorage (the OS keychain) in here later without the engine importing
 * electron; the headless host and the CLI use the key-file box below.
 */
export interface SecretBox {
  encrypt(plain: string): string;
  /** Throws a ChartSyncError when the ciphertext was not made with this box's key. */
  decrypt(ciphertext: string): string;
}

/** Beside the database: a copy of the database alone does not give the secrets away with it. */
export const SECRET_KEY_FILE_NAME = 'webhook-secrets.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const FORMAT = 'v1';

/** AES-256-GCM: `v1:<iv>:<tag>:<ciphertext>`, base64; the tag makes a wrong key or a tampered value fail loudly. */
export class AesGcmSecretBox implements SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES)
      throw new RangeError(`an AES-256 key has ${KEY_BYTES} bytes, not ${key.length}`);
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [FORMAT, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64')))
      .join(':');
  }

  decrypt(ciphertext: string): string {
    const [format, iv, tag, body] = ciphertext.split(':');
    try {
      if (format !== FORMAT || iv === undefined || tag === undefined || body === undefined)
        throw new Error('format');
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new ChartSyncError(
        'invalid_state',
        `This webhook's secret cannot be decrypted (was ${SECRET_KEY_FILE_NAME} replaced or lost?): remove the webhook and add it again with its secret.`,
        { cause: error },
      );
    }
  }
}

/**
 * The box for a database: a random key kept in `webhook-secrets.key` beside it, readable by this user only
 * (created on first use); a `:memory:` database (tests) gets a key that lives as long as the process.
 */
export function openSecretBox(databaseFile: string): SecretBox {
  if (databaseFile === ':memory:') return new AesGcmSecretBox(randomBytes(KEY_BYTES));
  // Read (or made) on first use: a command that never touches a webhook (`status`) writes no key file.
  let box: AesGcmSecretBox | null = null;
  const open = () =>
    (box ??= new AesGcmSecretBox(loadOrCreateKey(join(dirname(databaseFile), SECRET_KEY_FILE_NAME))));
  return { encrypt: (plain) => open().encrypt(plain), decrypt: (ciphertext) => open().decrypt(ciphertext) };
}

function loadOrCreateKey(file: string): Buffer {
  try {
    // 'wx': two processes starting at once must not each write a key and lose the other's secrets.
    writeFileSync(file, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A key file copied in with looser permissions is tightened (a no-op on Windows, where ACLs rule).
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  const key = readFileSync(file);
  if (key.length !== KEY_BYTES) {
    throw new ChartSyncError(
      'invalid_state',
      `${file} is not a webhook key (${key.length} bytes instead of ${KEY_BYTES}): move it away; the webhooks then need their secrets again.`,
    );
  }
  return key;
}
