import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustProxy, resolveClientAddress, TRUST_PROXY_HELP } from "./client-address";

const resolve = (socketAddress: string, forwardedFor: string | undefined, trustProxy?: string) =>
  resolveClientAddress({ socketAddress, forwardedFor, trust: parseTrustProxy(trustProxy) }).address;

describe("the client's address", () => {
  it("without TRUST_PROXY is the socket's, whatever X-Forwarded-For claims", () => {
    expect(resolve("203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    expect(resolve("::ffff:127.0.0.1", "10.9.9.9, 198.51.100.1")).toBe("127.0.0.1");
    expect(resolve("203.0.113.9", undefined, "0")).toBe("203.0.113.9");
    expect(resolveClientAddress({ socketAddress: "203.0.113.9", forwardedFor: "1.1.1.1", trust: parseTrustProxy(undefined) }).viaTrustedProxy).toBe(false);
  });

  it("with a hop count, is the entry that many proxies from the right; what the client wrote before it is ignored", () => {
    expect(resolve("10.0.0.2", "198.51.100.7", "1")).toBe("198.51.100.7");
    // The client sent its own header; the one proxy appended the real address.
    expect(resolve("10.0.0.2", "6.6.6.6, 198.51.100.7", "1")).toBe("198.51.100.7");
    expect(resolve("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.1", "2")).toBe("198.51.100.7");
    // Fewer entries than proxies: the leftmost address there is.
    expect(resolve("10.0.0.2", "198.51.100.7", "3")).toBe("198.51.100.7");
    // The proxy sent nothing: the proxy is all we know.
    expect(resolve("10.0.0.2", undefined, "1")).toBe("10.0.0.2");
  });

  it("with a list, believes only the listed proxies and stops at the first hop that is not one", () => {
    expect(resolve("10.0.0.2", "6.6.6.6, 198.51.100.7", "10.0.0.0/8")).toBe("198.51.100.7");
    expect(resolve("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.5", "10.0.0.0/8")).toBe("198.51.100.7");
    // A client connecting directly (not through a listed proxy) cannot claim an address.
    expect(resolve("203.0.113.9", "198.51.100.7", "10.0.0.0/8, 192.168.1.1")).toBe("203.0.113.9");
    expect(resolve("::ffff:192.168.1.1", "198.51.100.7", "192.168.1.1")).toBe("198.51.100.7");
    expect(resolve("2001:db8::10", "2001:db8:1::7", "2001:db8::/64")).toBe("2001:db8:1::7");
    // Every hop a listed proxy: the leftmost.
    expect(resolve("10.0.0.2", "10.0.0.3", "10.0.0.0/8")).toBe("10.0.0.3");
  });

  it("ends the walk at the proxy when an entry is not an address", () => {
    expect(resolve("10.0.0.2", "198.51.100.7, not-an-ip", "1")).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", "<script>, 10.0.0.3", "10.0.0.0/8")).toBe("10.0.0.3");
  });

  it("reads entries as proxies write them", () => {
    expect(resolve("10.0.0.2", "[2001:db8::7]:4711", "1")).toBe("2001:db8::7");
    expect(resolve("10.0.0.2", "198.51.100.7:5100", "1")).toBe("198.51.100.7");
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: ["6.6.6.6", "198.51.100.7"], trust: parseTrustProxy("1") }).address).toBe("198.51.100.7");
    expect(normalizeAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("localhost")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
  });
});

describe("TRUST_PROXY", () => {
  it("is a hop count or a list of addresses and networks", () => {
    expect(parseTrustProxy(undefined)).toEqual({ kind: "none" });
    expect(parseTrustProxy("")).toEqual({ kind: "none" });
    expect(parseTrustProxy("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustProxy(" 10.0.0.1 , fd00::/8 ")).toMatchObject({ kind: "addresses", entries: ["10.0.0.1", "fd00::/8"] });
  });

  it("refuses anything else with what to write", () => {
    // "true" used to mean "believe every header": it is now an error, not a silent default.
    for (const bad of ["true", "yes", "10.0.0.1/33", "10.0.0/8", "fd00::/129", "10.0.0.1/8/1", "10.0.0.1/x", "99"]) {
      expect(() => parseTrustProxy(bad), bad).toThrow(TRUST_PROXY_HELP);
    }
  });
});
