import { WEBHOOK_URL_MAX_LENGTH } from './policies';

/**
 * Where a webhook may be sent: local integrations listen on loopback or the LAN, and nothing else is allowed, so
 * that a webhook can never be used to reach the internet (or a cloud metadata service beyond the link) from the
 * operator's machine. Pure, so the engine, the CLI and the settings form apply the same rule.
 */
export const ALLOWED_WEBHOOK_NETWORKS =
  '127.0.0.0/8, ::1, localhost, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16, fc00::/7 or fe80::/10';

type Ipv4 = readonly [number, number, number, number];

/** A dotted-quad IPv4 address, or null. */
function parseIpv4(text: string): Ipv4 | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  if (bytes.some((b) => !(b >= 0 && b <= 255))) return null;
  return bytes as unknown as Ipv4;
}

/** An IPv6 address as its eight 16-bit groups (`::` and an IPv4 tail allowed, no zone id), or null. */
function parseIpv6(text: string): number[] | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === '') return [];
    const groups: number[] = [];
    const pieces = half.split(':');
    for (const [index, piece] of pieces.entries()) {
      if (index === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return null;
        groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...Array<number>(missing).fill(0), ...tail];
}

function ipv4Allowed([a, b]: Ipv4): boolean {
  return (
    a === 127 ||
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254)
  );
}

function ipv6Allowed(groups: number[]): boolean {
  const [first = 0] = groups;
  // ::ffff:a.b.c.d is an IPv4 address in IPv6 clothing: judge the address it names.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return ipv4Allowed([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  const loopback = groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1;
  const uniqueLocal = (first & 0xfe00) === 0xfc00;
  const linkLocal = (first & 0xffc0) === 0xfe80;
  return loopback || uniqueLocal || linkLocal;
}

/** Whether `address` (an IPv4 or IPv6 literal, brackets allowed) is loopback or LAN; anything else is not. */
export function isAllowedWebhookAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  const v4 = parseIpv4(bare);
  if (v4) return ipv4Allowed(v4);
  const v6 = parseIpv6(bare);
  return v6 !== null && ipv6Allowed(v6);
}

/** Whether a URL's host is an address literal (judged as it stands) rather than a name (judged when resolved). */
export function isAddressLiteral(hostname: string): boolean {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  return parseIpv4(bare) !== null || parseIpv6(bare) !== null;
}

/**
 * What is wrong with a webhook URL, in a sentence, or null when it may be saved. A host name cannot be judged
 * here: it is resolved at each delivery, and refused then unless every address it resolves to is allowed.
 */
export function webhookUrlProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter the URL to send events to, such as http://127.0.0.1:8080/hook.';
  if (trimmed.length > WEBHOOK_URL_MAX_LENGTH) {
    return `The URL is too long (at most ${WEBHOOK_URL_MAX_LENGTH} characters).`;
  }
  // "localhost:8080/hook" would parse as a URL of scheme "localhost:": say what is missing instead.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    return `"${trimmed}" is not a full URL: start it with http:// or https://, such as http://127.0.0.1:8080/hook.`;
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return `"${trimmed}" is not a URL: write it in full, such as http://192.168.1.20:8080/hook.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `Only http:// and https:// URLs can receive webhooks, not ${url.protocol}//.`;
  }
  if (url.username !== '' || url.password !== '') {
    return 'The URL must not hold a user name or password (it is shown in lists): the secret signs each request instead.';
  }
  // The URL parser has already turned 0x7f.1 or 2130706433 into 127.0.0.1, so every IPv4 spelling is judged.
  if (isAddressLiteral(url.hostname) && !isAllowedWebhookAddress(url.hostname)) {
    return `${url.hostname} is not a loopback or LAN address: webhooks can only go to ${ALLOWED_WEBHOOK_NETWORKS}.`;
  }
  return null;
}
