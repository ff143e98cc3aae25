import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { BlockList, isIP } from "node:net";
import { PRIVATE_ADDRESS_CODE } from "./failure.js";

/**
 * Addresses a news fetcher must never reach unless told to (SSRF guard): private, loopback, link-local,
 * unique-local, unspecified, multicast and reserved ranges, IPv4 and IPv6. Node's BlockList also matches
 * IPv4-mapped IPv6 (`::ffff:10.0.0.1`, `::ffff:a00:1`) against the IPv4 rules.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network", incl. the unspecified 0.0.0.0
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, incl. cloud metadata 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible form
  ["64:ff9b::", 96], // NAT64: could embed any IPv4 address
  ["100::", 64], // discard-only
  ["fc00::", 7], // unique-local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // old site-local
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** True for an IP literal in a refused range; false for public addresses and for non-IP strings. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const family = isIP(ip);
  if (family === 0) return false;
  return blocked.check(ip, family === 6 ? "ipv6" : "ipv4");
}

/** The IP literal in a URL hostname (`[::1]` -> `::1`), or null when the host is a name. */
export function ipLiteral(hostname: string): string | null {
  const ip = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(ip) === 0 ? null : ip;
}

export class PrivateAddressError extends Error {
  readonly code = PRIVATE_ADDRESS_CODE;
  constructor(hostname: string, address: string) {
    super(
      `${hostname} resolves to ${address}, a private or reserved address (allowPrivateNetworks is false)`,
    );
    this.name = "PrivateAddressError";
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A drop-in for dns.lookup used by the connection pool, so the check happens on the address actually
 * connected to (a name that resolves to 127.0.0.1 or 169.254.169.254 cannot slip past a check on the URL).
 * Refused addresses are dropped; when none is left the connection fails with PrivateAddressError.
 */
export function guardedLookup(isBlocked: (address: string) => boolean) {
  return function lookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const allowed = addresses.filter((a) => !isBlocked(a.address));
      const first = allowed[0];
      if (first === undefined) {
        return callback(new PrivateAddressError(hostname, addresses[0]?.address ?? "nothing"), []);
      }
      if (options.all) return callback(null, allowed);
      callback(null, first.address, first.family);
    });
  };
}
