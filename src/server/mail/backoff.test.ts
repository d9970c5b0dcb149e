import { describe, expect, it } from "vitest";
import { backoffDelayMs, MAIL_BACKOFF, retryDelayMs, type BackoffPolicy } from "./backoff";

const policy: BackoffPolicy = { baseMs: 1000, capMs: 60_000, maxAttempts: 5 };

describe("mail retry backoff", () => {
  it("doubles the step with each failed attempt", () => {
    const noJitter = () => 0.999_999;
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, policy, noJitter))).toEqual([
      1000, 2000, 4000, 8000, 16_000,
    ]);
  });

  it("never waits less than half the step or more than the step, whatever the jitter", () => {
    for (const attempt of [1, 2, 3, 6]) {
      const step = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
      expect(backoffDelayMs(attempt, policy, () => 0)).toBe(step / 2);
      for (let i = 0; i < 200; i++) {
        const delay = backoffDelayMs(attempt, policy);
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThanOrEqual(step);
      }
    }
  });

  it("spreads rows that failed together over the window instead of one instant", () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(4, policy)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it("stops growing at the cap, even after very many attempts", () => {
    expect(backoffDelayMs(40, policy, () => 0.999_999)).toBe(policy.capMs);
    expect(backoffDelayMs(10_000, MAIL_BACKOFF, () => 0)).toBe(MAIL_BACKOFF.capMs / 2);
    expect(backoffDelayMs(10_000, MAIL_BACKOFF)).toBeLessThanOrEqual(MAIL_BACKOFF.capMs);
  });

  it("waits at least as long as the provider's Retry-After asks, up to the cap", () => {
    expect(retryDelayMs(1, 30_000, policy, () => 0)).toBe(30_000);
    expect(retryDelayMs(1, 10 * 60_000, policy, () => 0)).toBe(policy.capMs);
    // A Retry-After shorter than the backoff does not make it sooner.
    expect(retryDelayMs(4, 1000, policy, () => 0)).toBe(4000);
    expect(retryDelayMs(2, null, policy, () => 0)).toBe(1000);
  });
});
