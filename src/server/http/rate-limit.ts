import "server-only";
import type { KvPort, RateLimitRule } from "@/server/kv/kv-port";
import { AppError } from "./app-error";

/**
 * Counts one hit for each key; writes the IETF RateLimit-* headers of the tightest one into
 * `headers`, and throws RATE_LIMITED (with Retry-After) when any key is over its limit.
 */
export async function enforceRateLimits({
  kv,
  keys,
  rule,
  headers,
  message = "Too many attempts. Wait a minute and try again.",
}: {
  kv: KvPort;
  keys: string[];
  rule: RateLimitRule;
  headers: Headers;
  message?: string;
}): Promise<void> {
  const results = await Promise.all(keys.map((key) => kv.limit(key, rule)));
  const tightest = results.reduce((a, b) =>
    b.remaining < a.remaining || (!b.success && a.success) ? b : a,
  );
  const resetSeconds = Math.max(1, Math.ceil((tightest.resetAt - Date.now()) / 1000));
  headers.set("RateLimit-Limit", String(tightest.limit));
  headers.set("RateLimit-Remaining", String(tightest.remaining));
  headers.set("RateLimit-Reset", String(resetSeconds));
  headers.set("RateLimit-Policy", `${rule.limit};w=${rule.windowSeconds}`);
  const blocked = results.find((result) => !result.success);
  if (blocked) {
    const retryAfter = Math.max(1, Math.ceil((blocked.resetAt - Date.now()) / 1000));
    throw new AppError(
      "RATE_LIMITED",
      message,
      { retryAfterSeconds: retryAfter },
      { headers: { "Retry-After": String(retryAfter) } },
    );
  }
}
