import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis as UpstashRedis } from "@upstash/redis";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startUpstashRestShim,
  type UpstashRestShim,
} from "../../../tests/support/upstash-rest-shim";
import type { KvPort } from "./kv-port";
import { createUpstashKv } from "./upstash-kv";

const redisUrl = process.env.REDIS_URL ?? "";

describe("Upstash KV against an endpoint that never answers", () => {
  it("throws on limit and ping instead of letting hits through", async () => {
    const server = createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const kv = createUpstashKv(`http://127.0.0.1:${port}`, "token", { timeoutMs: 200 });
      await expect(kv.limit("stalled", { limit: 5, windowSeconds: 60 })).rejects.toThrow();
      await expect(kv.ping()).rejects.toThrow();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

// Runs in CI's Redis pass (REDIS_URL=redis://127.0.0.1:6379): the production rate limiter's Lua
// scripts run on the real Redis behind a shim that speaks Upstash's REST protocol.
describe.runIf(Boolean(redisUrl))("Upstash KV through the REST shim on real Redis", () => {
  const token = randomBytes(24).toString("base64url");
  const run = `test-${randomUUID()}`;
  let shim: UpstashRestShim;
  let kv: KvPort;
  let redis: Redis;

  beforeAll(async () => {
    shim = await startUpstashRestShim({ redisUrl, token });
    kv = createUpstashKv(shim.url, token);
    redis = new Redis(redisUrl);
  });

  afterAll(async () => {
    const keys = await redis.keys(`ais:rl:${run}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await kv?.close();
    await shim?.close();
  });

  it("allows `limit` hits in a window and refuses the next with nothing remaining", async () => {
    const rule = { limit: 3, windowSeconds: 60 };
    const key = `${run}:sequence`;
    const results = [];
    for (let hit = 0; hit < 4; hit++) results.push(await kv.limit(key, rule));

    expect(results.map((result) => result.success)).toEqual([true, true, true, false]);
    expect(results.map((result) => result.remaining)).toEqual([2, 1, 0, 0]);
    const refused = results[3];
    expect(refused?.limit).toBe(3);
    expect(refused?.resetAt).toBeGreaterThan(Date.now());
    expect(refused?.resetAt).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(refused?.resetAt).toBe(results[0]?.resetAt);
    // The counter lives in the real Redis, with an expiry.
    const [counter] = await redis.keys(`ais:rl:${key}:*`);
    expect(counter).toBeDefined();
    expect(await redis.pttl(counter ?? "")).toBeGreaterThan(0);
  });

  it("keeps separate keys independent", async () => {
    const rule = { limit: 1, windowSeconds: 60 };
    expect((await kv.limit(`${run}:a`, rule)).success).toBe(true);
    expect((await kv.limit(`${run}:a`, rule)).success).toBe(false);
    expect((await kv.limit(`${run}:b`, rule)).success).toBe(true);
  });

  it("lets exactly `limit` of 50 concurrent hits through", async () => {
    // A fresh client: no script cached yet and no in-process block list, so all 50 reach Redis.
    const fresh = createUpstashKv(shim.url, token);
    const rule = { limit: 7, windowSeconds: 3600 };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => fresh.limit(`${run}:concurrent`, rule)),
    );
    expect(results.filter((result) => result.success)).toHaveLength(7);
    expect(Math.min(...results.map((result) => result.remaining))).toBe(0);
    const [counter] = await redis.keys(`ais:rl:${run}:concurrent:*`);
    expect(await redis.get(counter ?? "")).toBe("50");
  });

  it("keeps a flag for its time to live", async () => {
    expect(await kv.hasFlag(`${run}:ended`)).toBe(false);
    await kv.setFlag(`${run}:ended`, 70);
    expect(await kv.hasFlag(`${run}:ended`)).toBe(true);
    expect(await kv.hasFlag(`${run}:other`)).toBe(false);
  });

  it("pings", async () => {
    await expect(kv.ping()).resolves.toBeUndefined();
  });

  it("fails with a wrong token", async () => {
    const wrong = createUpstashKv(shim.url, randomBytes(24).toString("base64url"));
    await expect(wrong.ping()).rejects.toThrow(/Unauthorized/);
    await expect(
      wrong.limit(`${run}:wrong-token`, { limit: 5, windowSeconds: 60 }),
    ).rejects.toThrow(/Unauthorized/);
  });

  describe("the shim speaks Upstash's REST protocol", () => {
    const call = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${shim.url}${path}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          ...headers,
        },
        body: JSON.stringify(body),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as unknown,
      }));

    it("answers one command, base64-encoding strings when asked", async () => {
      const key = `ais:rl:${run}:raw`;
      expect(await call("/", ["SET", key, "wert", "EX", 60])).toEqual({
        status: 200,
        body: { result: "OK" },
      });
      expect(await call("/", ["GET", key])).toEqual({ status: 200, body: { result: "wert" } });
      expect(await call("/", ["GET", key], { "Upstash-Encoding": "base64" })).toEqual({
        status: 200,
        body: { result: Buffer.from("wert").toString("base64") },
      });
      expect(
        await call("/", ["MGET", key, `${key}:none`], { "Upstash-Encoding": "base64" }),
      ).toEqual({
        status: 200,
        body: { result: [Buffer.from("wert").toString("base64"), null] },
      });
      expect(await call("/", ["STRLEN", key], { "Upstash-Encoding": "base64" })).toEqual({
        status: 200,
        body: { result: 4 },
      });
    });

    it("answers a Redis error with HTTP 400, NOSCRIPT included", async () => {
      const missing = await call("/", ["EVALSHA", "0".repeat(40), 0]);
      expect(missing.status).toBe(400);
      expect(missing.body).toEqual({ error: expect.stringMatching(/^NOSCRIPT /) });
      expect((await call("/", ["NOSUCHCOMMAND"])).status).toBe(400);
    });

    it("answers pipelines and transactions entry by entry", async () => {
      const key = `ais:rl:${run}:batch`;
      const commands = [
        ["SET", key, "1", "EX", 60],
        ["INCR", key],
        ["HSET", key, "field", "value"],
        ["GET", key],
      ];
      const expected = [
        { result: "OK" },
        { result: 2 },
        { error: expect.stringMatching(/^WRONGTYPE /) },
        { result: "2" },
      ];
      expect(await call("/pipeline", commands)).toEqual({ status: 200, body: expected });
      expect(await call("/multi-exec", commands)).toEqual({ status: 200, body: expected });
    });

    it("refuses a request without the token", async () => {
      const response = await fetch(shim.url, { method: "POST", body: JSON.stringify(["PING"]) });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "Unauthorized" });
    });

    it("runs scripts with Upstash's allow-key-locking flag, by EVAL, SCRIPT LOAD and EVALSHA", async () => {
      const client = new UpstashRedis({ url: shim.url, token, enableAutoPipelining: false });
      const script = `#!lua flags=allow-key-locking\nreturn {ARGV[1], "${run}"}`;
      const sha = createHash("sha1").update(script).digest("hex");
      expect(await client.eval(script, [], ["a"])).toEqual(["a", run]);
      expect(await client.scriptLoad(script)).toBe(sha);
      expect(await client.evalsha(sha, [], ["b"])).toEqual(["b", run]);
      expect(await client.scriptExists(sha)).toEqual([1]);
    });
  });
});
