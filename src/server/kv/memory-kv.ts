import "server-only";
import { windowOf, type KvPort, type RateLimitRule } from "./kv-port";

/** Process memory: right for one embedded process; counts are lost on restart. */
export function createMemoryKv(now: () => number = Date.now): KvPort {
  const counters = new Map<string, { count: number; resetAt: number }>();
  const flags = new Map<string, number>();
  let sweeps = 0;

  function sweep(time: number) {
    if (++sweeps % 500 !== 0) return;
    for (const [key, value] of counters) if (value.resetAt <= time) counters.delete(key);
    for (const [key, until] of flags) if (until <= time) flags.delete(key);
  }

  return {
    kind: "memory",
    async limit(key: string, rule: RateLimitRule) {
      const time = now();
      sweep(time);
      const { index, resetAt } = windowOf(rule, time);
      const slot = `${key}:${rule.windowSeconds}:${index}`;
      const entry = counters.get(slot) ?? { count: 0, resetAt };
      entry.count += 1;
      counters.set(slot, entry);
      return {
        success: entry.count <= rule.limit,
        limit: rule.limit,
        remaining: Math.max(0, rule.limit - entry.count),
        resetAt,
      };
    },
    async setFlag(key, ttlSeconds) {
      const time = now();
      sweep(time);
      flags.set(key, time + ttlSeconds * 1000);
    },
    async hasFlag(key) {
      const until = flags.get(key);
      return until !== undefined && until > now();
    },
    async ping() {},
    async close() {
      counters.clear();
      flags.clear();
    },
  };
}
