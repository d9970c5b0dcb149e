import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares a presented secret with the expected one in constant time. Both sides are hashed
 * first, so the comparison never depends on (or throws on, and so reveals) their lengths:
 * a multi-byte string of the expected length in UTF-16 units has more UTF-8 bytes.
 */
export function secretsMatch(presented: string | undefined, expected: string | undefined): boolean {
  if (presented === undefined || expected === undefined) return false;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
