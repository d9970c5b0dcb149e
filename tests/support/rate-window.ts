import { setTimeout as sleep } from "node:timers/promises";

/**
 * The studio's rate limits count in fixed windows aligned to the clock (src/server/kv/kv-port.ts:
 * a one-minute window runs from :00 to :59). A test that counts up to a limit must not straddle
 * the end of a window, or its count resets halfway: this waits, when fewer than `marginMs` are
 * left of the current window, until the next one begins. It is not a timed assertion; it only
 * picks when the test starts. Give the calling hook or test a timeout above `marginMs`.
 */
export async function awayFromWindowEdge(windowSeconds = 60, marginMs = 10_000): Promise<void> {
  const size = windowSeconds * 1000;
  const left = size - (Date.now() % size);
  if (left < marginMs) await sleep(left + 100);
}

/**
 * A client address no other run has used: on Redis, the buckets of an earlier run (or of CI's
 * retry of a failed test) are still counting within the same window.
 */
export function freshIp(): string {
  return `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 254) + 1}`;
}
