import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_PARAM } from '../../../shared/contract/channels';
import { TOKEN_BYTES } from './limits';

/** A fresh secret per start: a URL printed yesterday opens nothing today. */
export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first, so neither the content nor the length of the token
 * leaks through timing (timingSafeEqual itself requires equal lengths).
 */
export function tokensMatch(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token of a request: `Authorization: Bearer <token>` (scripts) or `?token=` (the browser's URL). */
export function tokenOf(request: IncomingMessage, url: URL): string | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? match[1]! : null;
  }
  return url.searchParams.get(TOKEN_PARAM);
}
