import "server-only";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import type { KvPort, RateLimitRule } from "./kv-port";

/** Upstash Redis over REST (KV_REST_API_* / UPSTASH_REDIS_REST_*), the free-tier production KV. */
export function createUpstashKv(
  url: string,
  token: string,
  options: { timeoutMs?: number } = {},
): KvPort {
  const timeoutMs = options.timeoutMs ?? 5000;
  // Without a signal a stalled endpoint keeps every command (ping included) waiting for ever.
  const redis = new Redis({
    url,
    token,
    enableAutoPipelining: false,
    signal: () => AbortSignal.timeout(timeoutMs),
  });
  const limiters = new Map<string, Ratelimit>();

  function limiterFor(rule: RateLimitRule): Ratelimit {
    const id = `${rule.limit}/${rule.windowSeconds}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new Ratelimit({
        redis,
        limiter: Ratelimit.fixedWindow(rule.limit, `${rule.windowSeconds} s`),
        prefix: "ais:rl",
        analytics: false,
        timeout: timeoutMs,
      });
      limiters.set(id, limiter);
    }
    return limiter;
  }

  return {
    kind: "upstash",
    async limit(key: string, rule: RateLimitRule) {
      const result = await limiterFor(rule).limit(key);
      // On its timeout @upstash/ratelimit lets the hit through with limit 0 and reset 0; the other
      // adapters throw when their store fails, and so does this one.
      if (result.reason === "timeout") throw new Error("Upstash rate limit timed out");
      return {
        success: result.success,
        limit: result.limit,
        remaining: result.remaining,
        resetAt: result.reset,
      };
    },
    async setFlag(key, ttlSeconds) {
      await redis.set(`ais:flag:${key}`, "1", { ex: Math.max(1, Math.ceil(ttlSeconds)) });
    },
    async hasFlag(key) {
      return (await redis.exists(`ais:flag:${key}`)) === 1;
    },
    async ping() {
      await redis.ping();
    },
    async close() {},
  };
}
