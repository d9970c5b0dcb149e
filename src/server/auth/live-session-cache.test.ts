import { describe, expect, it } from "vitest";
import { createLiveSessionCache } from "./live-session-cache";

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe("live session cache", () => {
  it("trusts a remembered session until its interval runs out, then asks again", () => {
    const time = clock();
    const cache = createLiveSessionCache<string>({ ttlMs: 10_000, now: time.now });
    cache.remember("s1", "row");
    time.advance(9_999);
    expect(cache.get("s1")).toBe("row");
    time.advance(1);
    expect(cache.get("s1")).toBeUndefined();
  });

  it("never trusts a session past its own expiry", () => {
    const time = clock();
    const cache = createLiveSessionCache<string>({ ttlMs: 10_000, now: time.now });
    cache.remember("s1", "row", time.now() + 2_000);
    time.advance(2_000);
    expect(cache.get("s1")).toBeUndefined();
  });

  it("refuses a forgotten session at once, and a lookup still in flight cannot bring it back", () => {
    const time = clock();
    const cache = createLiveSessionCache<string>({ ttlMs: 10_000, now: time.now });
    cache.remember("s1", "row");
    cache.forget("s1");
    expect(cache.get("s1")).toBeUndefined();
    // A database read that began before the logout answers "live" afterwards:
    cache.remember("s1", "stale row");
    expect(cache.get("s1")).toBeUndefined();
    // Once the interval has passed, the database (which says revoked) is the only answer.
    time.advance(10_000);
    cache.remember("s2", "other");
    expect(cache.get("s2")).toBe("other");
  });

  it("with an interval of 0 remembers nothing", () => {
    const cache = createLiveSessionCache<string>({ ttlMs: 0 });
    cache.remember("s1", "row");
    expect(cache.get("s1")).toBeUndefined();
  });

  it("holds at most maxEntries, dropping the least recently used", () => {
    const cache = createLiveSessionCache<number>({ ttlMs: 10_000, maxEntries: 2 });
    cache.remember("a", 1);
    cache.remember("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recently used
    cache.remember("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
  });
});
