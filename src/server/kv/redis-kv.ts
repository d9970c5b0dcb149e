import "server-only";
import Redis from "ioredis";
import { windowOf, type KvPort, type RateLimitRule } from "./kv-port";

// INCR and PEXPIRE in one script so a crash between them cannot leave a key without expiry.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count
`;

/** Redis over TCP (REDIS_URL). */
export function createRedisKv(
  url: string,
  options: { prefix?: string; now?: () => number } = {},
): KvPort {
  const prefix = options.prefix ?? "ais:";
  const now = options.now ?? Date.now;
  const client = new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    connectTimeout: 3000,
  });
  // ioredis reports connection errors on this event; without a listener they crash the process.
  client.on("error", () => {});

  return {
    kind: "redis",
    async limit(key: string, rule: RateLimitRule) {
      const { index, resetAt } = windowOf(rule, now());
      const slot = `${prefix}rl:${key}:${rule.windowSeconds}:${index}`;
      const count = Number(
        await client.eval(HIT_SCRIPT, 1, slot, String(rule.windowSeconds * 1000 + 1000)),
      );
      return {
        success: count <= rule.limit,
        limit: rule.limit,
        remaining: Math.max(0, rule.limit - count),
        resetAt,
      };
    },
    async setFlag(key, ttlSeconds) {
      await client.set(`${prefix}flag:${key}`, "1", "EX", Math.max(1, Math.ceil(ttlSeconds)));
    },
    async hasFlag(key) {
      return (await client.exists(`${prefix}flag:${key}`)) === 1;
    },
    async ping() {
      await client.ping();
    },
    async close() {
      client.disconnect();
    },
  };
}
