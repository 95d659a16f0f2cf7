import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AesGcmSecretBox,
  SECRET_KEY_FILE_NAME,
  openSecretBox,
} from '../../../electron/engine/webhooks/secret-box';
import { useTempDir } from '../../support/database';

describe('the webhook secret box', () => {
  const tempDir = useTempDir();

  it('round-trips a secret and never writes it in clear', () => {
    const box = openSecretBox(':memory:');
    const sealed = box.encrypt('s3cret-value');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('s3cret-value');
    expect(box.encrypt('s3cret-value')).not.toBe(sealed);
    expect(box.decrypt(sealed)).toBe('s3cret-value');
  });

  it('keeps its key in a file beside the database, readable by this user only, reused by the next process', () => {
    const dir = tempDir();
    const file = join(dir, 'chart-sync.sqlite');
    const box = openSecretBox(file);
    const key = join(dir, SECRET_KEY_FILE_NAME);
    expect(existsSync(key)).toBe(false);
    const sealed = box.encrypt('shared-secret');
    if (process.platform !== 'win32') expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(statSync(key).size).toBe(32);
    expect(openSecretBox(file).decrypt(sealed)).toBe('shared-secret');
  });

  it('says what to do when the key does not match (lost or replaced key file), and when it is not a key', () => {
    const sealed = new AesGcmSecretBox(Buffer.alloc(32, 1)).encrypt('x'.repeat(12));
    expect(() => new AesGcmSecretBox(Buffer.alloc(32, 2)).decrypt(sealed)).toThrow(
      /cannot be decrypted .*remove the webhook and add it again/,
    );
    expect(() => new AesGcmSecretBox(Buffer.alloc(32, 1)).decrypt('garbage')).toThrow(/cannot be decrypted/);
    const dir = tempDir();
    writeFileSync(join(dir, SECRET_KEY_FILE_NAME), 'short');
    expect(() => openSecretBox(join(dir, 'chart-sync.sqlite')).encrypt('x')).toThrow(
      /is not a webhook key \(5 bytes/,
    );
  });

  it('tightens a key file found with looser permissions', () => {
    if (process.platform === 'win32') return;
    const dir = tempDir();
    writeFileSync(join(dir, SECRET_KEY_FILE_NAME), Buffer.alloc(32, 7), { mode: 0o644 });
    openSecretBox(join(dir, 'chart-sync.sqlite')).encrypt('x');
    expect(statSync(join(dir, SECRET_KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
  });
});
