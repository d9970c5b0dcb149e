import "server-only";

/**
 * Sessions this server instance has recently found live, so an authenticated request does not
 * pay a database (or Supabase Auth) round trip for its session on every call.
 *
 * The trade-off, stated once: a session ended here (logout, refresh-token reuse) is forgotten at
 * once, so this instance refuses its tokens immediately; a session ended on another instance is
 * refused here within `ttlMs` at the latest. A ttl of 0 turns the cache off (every request checks).
 * Entries never outlive the session's own expiry, and the cache holds at most `maxEntries`
 * (the least recently used are dropped first).
 */
export interface LiveSessionCache<T> {
  get(sessionId: string): T | undefined;
  /** `expiresAt` (epoch ms) caps how long the entry may be trusted. */
  remember(sessionId: string, value: T, expiresAt?: number): void;
  /**
   * The session has ended: refused from now on. A lookup that was already in flight when it
   * ended cannot bring it back (it is remembered as ended for `ttlMs`).
   */
  forget(sessionId: string): void;
}

type Entry<T> = { live: true; value: T; until: number } | { live: false; until: number };

export function createLiveSessionCache<T>({
  ttlMs,
  maxEntries = 10_000,
  now = Date.now,
}: {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}): LiveSessionCache<T> {
  const entries = new Map<string, Entry<T>>();

  function put(sessionId: string, entry: Entry<T>) {
    entries.delete(sessionId);
    if (entries.size >= maxEntries) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
    entries.set(sessionId, entry);
  }

  function current(sessionId: string): Entry<T> | undefined {
    const entry = entries.get(sessionId);
    if (entry && entry.until <= now()) {
      entries.delete(sessionId);
      return undefined;
    }
    return entry;
  }

  return {
    get(sessionId) {
      const entry = current(sessionId);
      if (!entry?.live) return undefined;
      // Map order is insertion order: moving the entry to the end keeps it the newest.
      put(sessionId, entry);
      return entry.value;
    },
    remember(sessionId, value, expiresAt = Number.POSITIVE_INFINITY) {
      if (ttlMs <= 0 || current(sessionId)?.live === false) return;
      put(sessionId, { live: true, value, until: Math.min(now() + ttlMs, expiresAt) });
    },
    forget(sessionId) {
      if (ttlMs <= 0) return;
      put(sessionId, { live: false, until: now() + ttlMs });
    },
  };
}
