import "server-only";

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  /** epoch milliseconds when the current window ends */
  resetAt: number;
}

/**
 * Key-value and rate limits. Adapters: Upstash REST (@upstash/ratelimit), Redis over TCP,
 * and process memory. All use a fixed window per (key, rule), counted atomically.
 */
export interface KvPort {
  readonly kind: "upstash" | "redis" | "memory";
  /** Counts one hit against `key` under `rule`. */
  limit(key: string, rule: RateLimitRule): Promise<RateLimitResult>;
  /** Sets a flag (present or not) that expires after `ttlSeconds`; shared by every instance. */
  setFlag(key: string, ttlSeconds: number): Promise<void>;
  /** Whether the flag is set and has not expired. */
  hasFlag(key: string): Promise<boolean>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function windowOf(rule: RateLimitRule, now: number): { index: number; resetAt: number } {
  const size = rule.windowSeconds * 1000;
  const index = Math.floor(now / size);
  return { index, resetAt: (index + 1) * size };
}
