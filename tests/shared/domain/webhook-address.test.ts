import { describe, expect, it } from 'vitest';
import {
  isAddressLiteral,
  isAllowedWebhookAddress,
  webhookUrlProblem,
} from '../../../shared/domain/webhook-address';
import { WEBHOOK_BACKOFF, WEBHOOK_MAX_ATTEMPTS } from '../../../shared/domain/policies';
import { backoffDelayMs } from '../../../shared/domain/backoff';

describe('isAllowedWebhookAddress: loopback and LAN only', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['10.0.0.1', true],
    ['10.255.255.255', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.15.255.255', false],
    ['172.32.0.1', false],
    ['192.168.1.20', true],
    ['192.169.0.1', false],
    ['169.254.169.254', true],
    ['169.255.0.1', false],
    ['8.8.8.8', false],
    ['0.0.0.0', false],
    ['100.64.0.1', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::', false],
    ['::2', false],
    ['fc00::1', true],
    ['fd12:3456:789a::1', true],
    ['fe00::1', false],
    ['fe80::1', true],
    ['febf:ffff::1', true],
    ['fec0::1', false],
    ['2001:4860:4860::8888', false],
    ['::ffff:127.0.0.1', true],
    ['::ffff:192.168.0.9', true],
    ['::ffff:8.8.8.8', false],
    ['::ffff:7f00:1', true],
    ['64:ff9b::8.8.8.8', false],
    ['256.0.0.1', false],
    ['1.2.3', false],
    ['fe80::1::2', false],
    ['localhost', false],
    ['', false],
  ])('%s → %s', (address, allowed) => {
    expect(isAllowedWebhookAddress(address)).toBe(allowed);
  });
});

describe('isAddressLiteral', () => {
  it.each([
    ['127.0.0.1', true],
    ['[fe80::1]', true],
    ['::ffff:10.0.0.1', true],
    ['localhost', false],
    ['nas.local', false],
    ['1.2.3.4.example', false],
  ])('%s → %s', (host, literal) => {
    expect(isAddressLiteral(host)).toBe(literal);
  });
});

describe('webhookUrlProblem', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', null],
    ['https://192.168.1.20/hooks/chart-sync?x=1', null],
    ['http://[::1]:9000/', null],
    ['http://[fd00::5]/', null],
    ['http://localhost:3000/hook', null],
    // A name is judged when it is resolved, at each delivery.
    ['http://nas.local/hook', null],
    ['  http://10.1.2.3/  ', null],
    ['', /Enter the URL/],
    ['not a url', /is not a full URL: start it with http:\/\/ or https:\/\//],
    ['127.0.0.1:8080/hook', /is not a full URL/],
    ['localhost:8080/hook', /is not a full URL/],
    ['http://exa mple.com/', /is not a URL/],
    ['ftp://127.0.0.1/', /Only http:\/\/ and https:\/\/ URLs can receive webhooks, not ftp:/],
    ['file:///etc/passwd', /not file:/],
    ['javascript:alert(1)', /is not a full URL/],
    ['http://user:pw@127.0.0.1/', /must not hold a user name or password/],
    ['http://8.8.8.8/hook', /8\.8\.8\.8 is not a loopback or LAN address/],
    ['https://[2001:db8::1]/', /\[2001:db8::1\] is not a loopback or LAN address/],
    // Every IPv4 spelling the URL parser accepts is normalized before it is judged.
    ['http://0x08080808/', /8\.8\.8\.8 is not a loopback/],
    ['http://2130706433/', null],
    ['http://0/', /0\.0\.0\.0 is not a loopback/],
    [`http://127.0.0.1/${'a'.repeat(2_000)}`, /too long/],
  ])('%j', (url, expected) => {
    const problem = webhookUrlProblem(url);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('webhook retry backoff', () => {
  it.each([
    { attempt: 1, min: 5_000, max: 10_000 },
    { attempt: 2, min: 10_000, max: 20_000 },
    { attempt: 3, min: 20_000, max: 40_000 },
    { attempt: 4, min: 40_000, max: 80_000 },
  ])('after attempt $attempt: $min to $max ms', ({ attempt, min, max }) => {
    expect(backoffDelayMs(attempt, WEBHOOK_BACKOFF, () => 0)).toBe(min);
    expect(backoffDelayMs(attempt, WEBHOOK_BACKOFF, () => 1)).toBe(max);
  });

  it('gives up after five attempts in all, the whole retry span staying within a few minutes', () => {
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(5);
    const worst = [1, 2, 3, 4].reduce((sum, n) => sum + backoffDelayMs(n, WEBHOOK_BACKOFF, () => 1), 0);
    expect(worst).toBe(150_000);
  });
});
