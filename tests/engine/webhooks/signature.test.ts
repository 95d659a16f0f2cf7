import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureOf } from '../../../electron/engine/webhooks/signature';

describe('signatureOf', () => {
  it('is the hex HMAC-SHA256 of the body (RFC 4231 test case 2)', () => {
    expect(signatureOf('what do ya want for nothing?', 'Jefe')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('signs the UTF-8 bytes of the body exactly as sent', () => {
    const body = '{"event":"execution.completed","data":{"chart":{"name":"Top Songs · Österreich"}}}';
    const expected = createHmac('sha256', 'a secret').update(Buffer.from(body, 'utf8')).digest('hex');
    expect(signatureOf(body, 'a secret')).toBe(`sha256=${expected}`);
    expect(signatureOf(`${body} `, 'a secret')).not.toBe(`sha256=${expected}`);
    expect(signatureOf(body, 'another secret')).not.toBe(`sha256=${expected}`);
  });
});
