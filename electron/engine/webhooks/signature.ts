import { createHmac } from 'node:crypto';

/** `sha256=<hex HMAC-SHA256 of the raw body>`: over the exact bytes sent, so a receiver checks what it read. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export const EVENT_HEADER = 'X-Chart-Sync-Event';
export const SIGNATURE_HEADER = 'X-Chart-Sync-Signature';
