// Where webhooks may go: a URL's host is resolved and every address checked against the
// special-use ranges (loopback, private, link-local, ...), at registration and again before
// each delivery; the delivery then connects to the addresses checked, never to a fresh lookup.
import { lookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address of a host name, as dns.lookup gives them (tests inject their own). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface TargetPolicy {
  /** Let webhooks reach loopback, private and other special-use addresses (WEBHOOK_ALLOW_PRIVATE_TARGETS). */
  allowPrivate: boolean;
  /** How host names are resolved; dns.lookup (the system's resolver, /etc/hosts included) by default. */
  resolve?: Resolver;
}

/** The safe default: public addresses only. */
export const PUBLIC_TARGETS_ONLY: TargetPolicy = { allowPrivate: false };

/** The target is, or resolves to, an address the policy refuses. */
export class TargetRefusedError extends Error {
  override name = "TargetRefusedError";
}

/** The host name could not be resolved (it may yet be: DNS failures are often passing). */
export class TargetUnresolvedError extends Error {
  override name = "TargetUnresolvedError";
}

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/** Readable names of ipaddr.js's ranges, for messages. */
const RANGE_NAMES: Record<string, string> = {
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
  linkLocal: "link-local",
  loopback: "loopback",
  carrierGradeNat: "carrier-grade NAT",
  private: "private",
  uniqueLocal: "unique local",
  reserved: "reserved",
};

/**
 * Null for an ordinary public (unicast) address; otherwise the name of its special-use
 * range. IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
 * Everything ipaddr.js does not call unicast is refused, including the IPv6 ranges that
 * embed an IPv4 address (NAT64, 6to4, Teredo), since the embedded one could be private.
 */
export function specialUseRange(address: string): string | null {
  const range = ipaddr.process(address).range();
  return range === "unicast" ? null : (RANGE_NAMES[range] ?? range);
}

/** The URL's host as an address or a name: IPv4 spellings (0x7f.0.0.1, 2130706433, 127.1) normalized, IPv6 unbracketed. */
export function targetHost(url: URL): string {
  const host = url.hostname;
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/**
 * Resolves the URL's host and returns the addresses to connect to; throws
 * TargetRefusedError when any of them is special-use (unless the policy allows private
 * targets) and TargetUnresolvedError when the name does not resolve. Any, not just the
 * first: the connection may pick any of them.
 */
export async function checkTarget(url: URL, policy: TargetPolicy): Promise<ResolvedAddress[]> {
  const host = targetHost(url);
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal === 4 || literal === 6) {
    addresses = [{ address: host, family: literal }];
  } else {
    try {
      addresses = await (policy.resolve ?? systemResolver)(host);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new TargetUnresolvedError(`${host} does not resolve${code ? ` (${code})` : ""}`);
    }
    if (addresses.length === 0) throw new TargetUnresolvedError(`${host} does not resolve`);
  }
  if (policy.allowPrivate) return addresses;
  for (const { address } of addresses) {
    const range = specialUseRange(address);
    if (range === null) continue;
    const what = `${range === "unspecified" ? "an" : "a"} ${range} address`;
    throw new TargetRefusedError(address === host ? `${host} is ${what}` : `${host} resolves to ${address}, ${what}`);
  }
  return addresses;
}

/**
 * A `lookup` for node's http/https request that answers with the checked addresses
 * only, whatever name it is asked about: the address checked is the address used, so a
 * DNS answer that changes between the check and the connection (rebinding) is never used.
 */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const family: unknown = options.family;
    const wanted = family === 4 || family === "IPv4" ? 4 : family === 6 || family === "IPv6" ? 6 : null;
    const usable = addresses.filter((candidate) => wanted === null || candidate.family === wanted);
    const [first] = usable;
    if (!first) {
      const error: NodeJS.ErrnoException = new Error(`no checked IPv${wanted} address for ${hostname}`);
      error.code = "ENOTFOUND";
      callback(error, "", undefined);
      return;
    }
    // With `all` (node's happy-eyeballs connection), every checked address; else the first.
    if (options.all)
      callback(
        null,
        usable.map(({ address, family }) => ({ address, family })),
      );
    else callback(null, first.address, first.family);
  };
}
