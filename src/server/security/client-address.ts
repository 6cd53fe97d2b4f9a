import { BlockList, isIP } from "node:net";

// Who is on the other end of a request. Per-address sign-in throttling keys on it, so it must
// be something the caller cannot choose: the socket's address, unless TRUST_PROXY says which
// reverse proxies stand in front and may report the address they received the request from.
// Pure (no I/O); the HTTP server (src/server/http-server.ts) applies it to every request.

/** How far X-Forwarded-For is believed (TRUST_PROXY). */
export type ProxyTrust =
  /** No proxy: the socket's address is the client, forwarded headers are ignored. */
  | { kind: "none" }
  /** This many proxies in front (1: one load balancer or nginx). */
  | { kind: "hops"; hops: number }
  /** Proxies at these addresses or networks. */
  | { kind: "addresses"; list: BlockList; entries: string[] };

export const TRUST_PROXY_HELP =
  "TRUST_PROXY must be the number of reverse proxies in front of Stride (for example 1) or a comma-separated list of their addresses or networks (for example 10.0.0.5,192.168.0.0/16); leave it unset when clients connect directly.";

/** Reads TRUST_PROXY; throws an Error whose message says what to write instead. */
export function parseTrustProxy(value: string | undefined): ProxyTrust {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error(`${TRUST_PROXY_HELP} (${text} proxies is more than a real chain has).`);
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  const entries = text.split(",").map((part) => part.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split("/");
    const family = isIP(address ?? "");
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || rest.length || !Number.isInteger(bits) || bits < 0 || bits > maxBits || (prefix !== undefined && !/^\d+$/.test(prefix))) {
      throw new Error(`${TRUST_PROXY_HELP} "${entry}" is neither.`);
    }
    list.addSubnet(address!, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return { kind: "addresses", list, entries };
}

/**
 * One address as a proxy writes it, in the form the socket reports it: IPv4-mapped IPv6
 * (`::ffff:10.0.0.1`, what a dual-stack socket gives for IPv4) as plain IPv4, brackets and a
 * port dropped (`[2001:db8::1]:443`, `203.0.113.7:5100`). Null when it is not an address.
 */
export function normalizeAddress(raw: string | undefined | null): string | null {
  let text = raw?.trim().toLowerCase() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped) text = mapped[1]!;
  return isIP(text) ? text : null;
}

function isTrusted(trust: ProxyTrust, address: string, hop: number): boolean {
  if (trust.kind === "none") return false;
  if (trust.kind === "hops") return hop < trust.hops;
  return trust.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

export type Forwarding = {
  /** The client's address. */
  address: string;
  /** Whether the socket's peer is a trusted proxy, so its X-Forwarded-Proto and -Host count. */
  viaTrustedProxy: boolean;
};

/**
 * The client's address: start at the socket and walk X-Forwarded-For from the right (each
 * proxy appends the address it was connected from); while the current hop is a trusted proxy,
 * step one entry left. The first untrusted hop is the client. Anything left of it was written
 * by the client and is ignored; an entry that is not an address ends the walk at the proxy
 * that passed it on.
 */
export function resolveClientAddress(input: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined; trust: ProxyTrust }): Forwarding {
  const socket = normalizeAddress(input.socketAddress) ?? "0.0.0.0";
  const viaTrustedProxy = isTrusted(input.trust, socket, 0);
  if (!viaTrustedProxy) return { address: socket, viaTrustedProxy };
  const header = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? "");
  const chain = header.split(",").map((part) => part.trim()).filter(Boolean);
  let current = socket;
  for (let hop = 0; isTrusted(input.trust, current, hop); hop++) {
    const entry = chain.pop();
    if (entry === undefined) break;
    const next = normalizeAddress(entry);
    if (!next) break;
    current = next;
  }
  return { address: current, viaTrustedProxy };
}

/** For the start-up log: what the server believes about client addresses. */
export function describeTrust(trust: ProxyTrust): string {
  if (trust.kind === "none") return "client addresses from the connection (TRUST_PROXY unset)";
  if (trust.kind === "hops") return `client addresses from X-Forwarded-For through ${trust.hops} trusted ${trust.hops === 1 ? "proxy" : "proxies"}`;
  return `client addresses from X-Forwarded-For when sent by ${trust.entries.join(", ")}`;
}
