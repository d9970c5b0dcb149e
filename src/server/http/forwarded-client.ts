import { BlockList, isIP } from "node:net";

/**
 * The client's address as the socket and the trusted proxies in front of us report it.
 *
 * X-Forwarded-For is a list anyone can start: each proxy appends the address it received the
 * request from. Only the entries appended by proxies we trust mean anything, so the walk
 * starts at the socket and moves left while the hop is a trusted proxy; the first address not
 * in that set is the client. With no trusted proxies the socket address is the client and the
 * header is ignored (a client rotating it must not get a new rate-limit bucket per request,
 * nor spend someone else's).
 */
export function resolveClientAddress({
  socketAddress,
  forwardedFor,
  trustedProxies,
}: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedProxies: BlockList;
}): string | null {
  let client = normalizeAddress(socketAddress);
  if (!client) return null;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (isTrusted(trustedProxies, client) && hops.length > 0) {
    const previous = normalizeAddress(hops.pop());
    // A malformed entry ends the walk at the last address a trusted proxy vouched for.
    if (!previous) break;
    client = previous;
  }
  return client;
}

/** Parses TRUSTED_PROXIES entries (addresses or CIDR ranges) into a matcher. */
export function trustedProxyList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (isIP(address) === 0) throw new Error(`TRUSTED_PROXIES: ${entry} is not an IP address`);
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** A plain IPv4 or IPv6 address (IPv4-mapped IPv6 unwrapped, brackets and zone dropped), or null. */
export function normalizeAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  let address = value.trim();
  if (address.startsWith("[") && address.includes("]"))
    address = address.slice(1, address.indexOf("]"));
  address = address.replace(/%.*$/, "");
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(address)) address = address.slice(7);
  return isIP(address) === 0 ? null : address;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}
