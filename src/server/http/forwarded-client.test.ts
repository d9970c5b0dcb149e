import { describe, expect, it } from "vitest";
import { normalizeAddress, resolveClientAddress, trustedProxyList } from "./forwarded-client";

const resolve = (socketAddress: string, forwardedFor: string | undefined, trusted: string[] = []) =>
  resolveClientAddress({ socketAddress, forwardedFor, trustedProxies: trustedProxyList(trusted) });

describe("the client address behind X-Forwarded-For", () => {
  it("is the socket when no proxy is trusted, whatever the client claims", () => {
    expect(resolve("203.0.113.9", "1.2.3.4")).toBe("203.0.113.9");
    expect(resolve("::ffff:203.0.113.9", "1.2.3.4, 5.6.7.8")).toBe("203.0.113.9");
  });

  it("walks back only through trusted proxies", () => {
    // client → proxy (10.0.0.2) → us; the client forged the first entry.
    expect(resolve("10.0.0.2", "6.6.6.6, 198.51.100.4", ["10.0.0.0/8"])).toBe("198.51.100.4");
    // two trusted proxies in a row
    expect(resolve("10.0.0.2", "6.6.6.6, 198.51.100.4, 10.0.0.7", ["10.0.0.0/8"])).toBe(
      "198.51.100.4",
    );
    // a request that reached us directly is not believed even with a trusted list
    expect(resolve("198.51.100.4", "10.0.0.1", ["10.0.0.0/8"])).toBe("198.51.100.4");
  });

  it("stops at a malformed hop instead of trusting what lies beyond it", () => {
    expect(resolve("10.0.0.2", "6.6.6.6, not-an-ip", ["10.0.0.2"])).toBe("10.0.0.2");
  });

  it("handles IPv6 addresses and ranges", () => {
    expect(resolve("fd00::2", "2001:db8::1", ["fd00::/8"])).toBe("2001:db8::1");
    expect(normalizeAddress("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("999.1.1.1")).toBeNull();
  });

  it("refuses a trusted-proxy entry that is not an address", () => {
    expect(() => trustedProxyList(["proxy.internal"])).toThrow(/not an IP address/);
  });
});
