import "server-only";
import type { KvPort } from "@/server/kv/kv-port";
import { logger } from "@/server/observability/logger";
import { createLiveSessionCache } from "./live-session-cache";

/**
 * The live-session cache made safe across instances. Each instance remembers sessions it found
 * live for AUTH_SESSION_CACHE_SECONDS; on its own that lets a session ended on instance A
 * (sign out elsewhere, a password change or reset, refresh-token reuse) be accepted by
 * instance B until B's entry runs out. So ending a session also sets a flag in the shared KV
 * (Redis or Upstash), and a remembered session counts only while no such flag exists: one
 * cheap KV read instead of a database round trip.
 *
 * Why a flag per ended session and not a per-user "revoked at" stamp: a cookie names only its
 * session, and a stamp compared with clocks of two instances can be beaten by skew; a flag is
 * a fact ("this session ended") that is true forever, so no ordering or clock matters. It need
 * only outlive every cache entry that could hold the session: ttl + a margin.
 *
 * With the in-process KV (one embedded process) the flag is in the same memory. Deployments
 * that run several instances without a shared KV keep the bound the cache always had: a session
 * ended elsewhere is refused within AUTH_SESSION_CACHE_SECONDS (set 0 to check every request).
 * When the KV fails, the cache is bypassed (the database answers) rather than trusted.
 */
export interface SessionLiveness<T> {
  /** The remembered value, unless unknown here or ended on any instance. */
  get(sessionId: string): Promise<T | undefined>;
  /** `expiresAt` (epoch ms) caps how long the entry may be trusted. */
  remember(sessionId: string, value: T, expiresAt?: number): void;
  /** These sessions have ended: refused here at once and on every instance sharing the KV. */
  ended(sessionIds: readonly string[]): Promise<void>;
}

// Longer than any entry can live: an entry made just before the flag was set expires first.
const FLAG_MARGIN_SECONDS = 60;

export const endedSessionFlag = (sessionId: string) => `session-ended:${sessionId}`;

export function createSessionLiveness<T>({
  ttlMs,
  kv,
  now,
}: {
  ttlMs: number;
  kv?: KvPort;
  now?: () => number;
}): SessionLiveness<T> {
  const cache = createLiveSessionCache<T>({ ttlMs, now });

  return {
    async get(sessionId) {
      const value = cache.get(sessionId);
      if (value === undefined || !kv) return value;
      try {
        if (!(await kv.hasFlag(endedSessionFlag(sessionId)))) return value;
        cache.forget(sessionId);
      } catch (error) {
        logger.warn("session cache: KV unavailable, asking the database", { error });
      }
      return undefined;
    },
    remember(sessionId, value, expiresAt) {
      cache.remember(sessionId, value, expiresAt);
    },
    async ended(sessionIds) {
      for (const id of sessionIds) cache.forget(id);
      // With the cache off no instance remembers anything: nothing to tell them.
      if (!kv || ttlMs <= 0 || sessionIds.length === 0) return;
      const ttlSeconds = Math.ceil(ttlMs / 1000) + FLAG_MARGIN_SECONDS;
      try {
        await Promise.all(sessionIds.map((id) => kv.setFlag(endedSessionFlag(id), ttlSeconds)));
      } catch (error) {
        // The sessions are ended in the database; other instances refuse them within the ttl.
        logger.warn("session cache: could not tell other instances a session ended", { error });
      }
    },
  };
}
