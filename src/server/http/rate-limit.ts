import "server-only";
import type { KvPort, RateLimitRule } from "@/server/kv/kv-port";
import { AppError } from "./app-error";

/** Where the caller stands against the tightest of the limits just counted. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
  /** The rule, as `limit;w=windowSeconds`. */
  policy: string;
}

/** The IETF RateLimit-* headers of a state. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
    "RateLimit-Policy": state.policy,
  };
}

/**
 * Counts one hit for each key and returns the state of the tightest one; throws RATE_LIMITED
 * (with Retry-After and the RateLimit-* headers) when any key is over its limit.
 */
export async function consumeRateLimits({
  kv,
  keys,
  rule,
  message = "Too many attempts. Wait a minute and try again.",
}: {
  kv: KvPort;
  keys: string[];
  rule: RateLimitRule;
  message?: string;
}): Promise<RateLimitState> {
  const results = await Promise.all(keys.map((key) => kv.limit(key, rule)));
  const tightest = results.reduce((a, b) =>
    b.remaining < a.remaining || (!b.success && a.success) ? b : a,
  );
  const state: RateLimitState = {
    limit: tightest.limit,
    remaining: tightest.remaining,
    resetSeconds: Math.max(1, Math.ceil((tightest.resetAt - Date.now()) / 1000)),
    policy: `${rule.limit};w=${rule.windowSeconds}`,
  };
  const blocked = results.find((result) => !result.success);
  if (blocked) {
    const retryAfter = Math.max(1, Math.ceil((blocked.resetAt - Date.now()) / 1000));
    throw new AppError(
      "RATE_LIMITED",
      message,
      { retryAfterSeconds: retryAfter },
      { headers: { ...rateLimitHeaders(state), "Retry-After": String(retryAfter) } },
    );
  }
  return state;
}

/** `consumeRateLimits`, writing the RateLimit-* headers into `headers` whatever happens. */
export async function enforceRateLimits({
  headers,
  ...rest
}: {
  kv: KvPort;
  keys: string[];
  rule: RateLimitRule;
  headers: Headers;
  message?: string;
}): Promise<void> {
  try {
    const state = await consumeRateLimits(rest);
    for (const [name, value] of Object.entries(rateLimitHeaders(state))) headers.set(name, value);
  } catch (error) {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) {
        if (name.startsWith("RateLimit-")) headers.set(name, value);
      }
    }
    throw error;
  }
}
