import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { ALLOWED_WEBHOOK_NETWORKS, isAllowedWebhookAddress } from '../../../shared/domain/webhook-address';

/** Resolves a host name to every address it has (node:dns by default; tests give a fake one). */
export type Resolve = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** Why a delivery was not sent: the host resolves to an address outside loopback and the LAN. */
export class WebhookAddressError extends Error {
  readonly code = 'EWEBHOOKADDRESS';
}

/**
 * The lookup the HTTP request connects with: every address the name resolves to must be loopback or LAN, and
 * the connection uses only those checked addresses, so a name cannot pass the check and then resolve elsewhere
 * for the connection (DNS rebinding).
 */
export function guardedLookup(resolve: Resolve = dnsLookup as Resolve): LookupFunction {
  const lookup = (
    hostname: string,
    options: { family?: number | string; all?: boolean; hints?: number },
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
    resolve(
      hostname,
      { all: true, family: family as 0 | 4 | 6, hints: options.hints ?? 0 },
      (error, addresses) => {
        if (error) return callback(error, '');
        const refused = addresses.filter((a) => !isAllowedWebhookAddress(a.address));
        if (addresses.length === 0 || refused.length > 0) {
          const where = refused.map((a) => a.address).join(', ') || 'no address';
          return callback(
            new WebhookAddressError(
              `${hostname} resolves to ${where}, which is not a loopback or LAN address (${ALLOWED_WEBHOOK_NETWORKS}): not sent.`,
            ),
            '',
          );
        }
        if (options.all) return callback(null, addresses);
        const [first] = addresses as [LookupAddress];
        return callback(null, first.address, first.family);
      },
    );
  };
  return lookup as unknown as LookupFunction;
}
