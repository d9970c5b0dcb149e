/**
 * When to try a failed send again: exponential in the attempts made (base · 2^(attempt-1),
 * capped), with "equal jitter" — half the delay fixed, half random — so that rows that failed
 * together (one outage) do not all come back in the same second, yet none comes back sooner
 * than half its step. `random` is injectable for tests; it must return [0, 1).
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** After this many attempts the message is given up on (`failed`). */
  maxAttempts: number;
}

export const MAIL_BACKOFF: BackoffPolicy = {
  baseMs: 60_000,
  capMs: 6 * 60 * 60_000,
  maxAttempts: 8,
};

/** The delay before attempt `attempt + 1`, given that `attempt` (≥ 1) attempts have failed. */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy = MAIL_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * A provider's Retry-After (seconds or an HTTP date) wins when it asks for longer than the
 * backoff would wait; never shorter, never past the cap.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | null,
  policy: BackoffPolicy = MAIL_BACKOFF,
  random: () => number = Math.random,
): number {
  const backoff = backoffDelayMs(attempt, policy, random);
  if (retryAfterMs === null || !Number.isFinite(retryAfterMs)) return backoff;
  return Math.min(policy.capMs, Math.max(backoff, retryAfterMs));
}
