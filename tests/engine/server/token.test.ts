import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { generateToken, tokenOf, tokensMatch } from '../../../electron/engine/server/token';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('the host token', () => {
  it('is 32 random bytes in base64url, fresh each time', () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(generateToken()).not.toBe(token);
  });

  it('matches only the exact token, whatever the lengths', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abd', 'abc')).toBe(false);
    expect(tokensMatch('ab', 'abc')).toBe(false);
    expect(tokensMatch('abcd', 'abc')).toBe(false);
    expect(tokensMatch('', 'abc')).toBe(false);
    expect(tokensMatch(null, 'abc')).toBe(false);
  });

  it('is read from a Bearer header first, else from ?token=', () => {
    const url = new URL('http://127.0.0.1/api?token=from-query');
    expect(tokenOf(request({ authorization: 'Bearer from-header' }), url)).toBe('from-header');
    expect(tokenOf(request({ authorization: 'bearer   spaced ' }), url)).toBe('spaced');
    // A header that is there but not a bearer token is not silently replaced by the query.
    expect(tokenOf(request({ authorization: 'Basic abc' }), url)).toBeNull();
    expect(tokenOf(request({}), url)).toBe('from-query');
    expect(tokenOf(request({}), new URL('http://127.0.0.1/api'))).toBeNull();
  });
});
