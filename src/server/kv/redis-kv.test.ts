import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KvPort } from "./kv-port";
import { createRedisKv } from "./redis-kv";

const redisUrl = process.env.REDIS_URL ?? "";

// Runs in CI's Redis pass (REDIS_URL=redis://127.0.0.1:6379), against the real server.
describe.runIf(Boolean(redisUrl))("Redis KV over TCP", () => {
  const prefix = `test-${randomUUID()}:`;
  let kv: KvPort;
  let redis: Redis;

  beforeAll(() => {
    kv = createRedisKv(redisUrl, { prefix });
    redis = new Redis(redisUrl);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await kv?.close();
  });

  it("allows `limit` hits in a window and refuses the next with nothing remaining", async () => {
    const rule = { limit: 3, windowSeconds: 60 };
    const results = [];
    for (let hit = 0; hit < 4; hit++) results.push(await kv.limit("sequence", rule));

    expect(results.map((result) => result.success)).toEqual([true, true, true, false]);
    expect(results.map((result) => result.remaining)).toEqual([2, 1, 0, 0]);
    const refused = results[3];
    expect(refused?.limit).toBe(3);
    expect(refused?.resetAt).toBeGreaterThan(Date.now());
    expect(refused?.resetAt).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(refused?.resetAt).toBe(results[0]?.resetAt);
    // The counter expires on its own, a little after its window.
    const [counter] = await redis.keys(`${prefix}rl:sequence:*`);
    expect(await redis.pttl(counter ?? "")).toBeGreaterThan(0);
    expect(await redis.pttl(counter ?? "")).toBeLessThanOrEqual(61_000);
  });

  it("starts afresh in the next window", async () => {
    let now = 1_800_000_000_000;
    const clocked = createRedisKv(redisUrl, { prefix, now: () => now });
    try {
      const rule = { limit: 1, windowSeconds: 60 };
      expect((await clocked.limit("windows", rule)).success).toBe(true);
      expect((await clocked.limit("windows", rule)).success).toBe(false);
      now += 60_000;
      expect(await clocked.limit("windows", rule)).toMatchObject({ success: true, remaining: 0 });
    } finally {
      await clocked.close();
    }
  });

  it("keeps separate keys independent", async () => {
    const rule = { limit: 1, windowSeconds: 60 };
    expect((await kv.limit("a", rule)).success).toBe(true);
    expect((await kv.limit("a", rule)).success).toBe(false);
    expect((await kv.limit("b", rule)).success).toBe(true);
  });

  it("lets exactly `limit` of 50 concurrent hits through", async () => {
    const rule = { limit: 7, windowSeconds: 3600 };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => kv.limit("concurrent", rule)),
    );
    expect(results.filter((result) => result.success)).toHaveLength(7);
    expect(Math.min(...results.map((result) => result.remaining))).toBe(0);
  });

  it("pings", async () => {
    await expect(kv.ping()).resolves.toBeUndefined();
  });

  it("keeps a flag for its time to live, seen by another client", async () => {
    const other = createRedisKv(redisUrl, { prefix });
    try {
      expect(await other.hasFlag("ended:s1")).toBe(false);
      await kv.setFlag("ended:s1", 70);
      expect(await other.hasFlag("ended:s1")).toBe(true);
      expect(await other.hasFlag("ended:s2")).toBe(false);
      const ttl = await redis.ttl(`${prefix}flag:ended:s1`);
      expect(ttl).toBeGreaterThan(60);
      expect(ttl).toBeLessThanOrEqual(70);
    } finally {
      await other.close();
    }
  });
});
