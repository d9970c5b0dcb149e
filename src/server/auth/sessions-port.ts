import "server-only";
import type { AuditContext } from "@/server/audit/audit-log";
import type { AuthIdentity, CookieJar, RequestMeta } from "./auth-port";

/** One live session of a user, as the studio keeps it (GET /auth/sessions). */
export interface SessionRecord {
  id: string;
  userAgent: string | null;
  /** The address of the session's latest recorded request (at most a minute old), as the server saw it. */
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

/**
 * The signed-in user's sessions ("devices"): what each was last seen doing, and signing one or
 * all others out. Adapters: local (local_sessions) and Supabase (auth_session_devices, a record
 * the studio keeps because GoTrue cannot list sessions). Ending a session makes it refused at
 * once on every instance (see session-liveness.ts).
 */
export interface SessionsPort {
  /** Records the session's latest request (time and address), at most once a minute per session. */
  touch(identity: AuthIdentity, meta: RequestMeta): Promise<void>;
  /** The user's live sessions, most recently seen first. */
  list(userId: string): Promise<SessionRecord[]>;
  /**
   * Ends one of the user's sessions; false when the user has no such live session (someone
   * else's id included). Ending the caller's own session also clears its cookies in `jar`.
   */
  end(input: {
    identity: AuthIdentity;
    sessionId: string;
    jar: CookieJar;
    audit: AuditContext;
  }): Promise<boolean>;
  /** Ends every session of the user but the caller's; returns how many ended. */
  endOthers(input: {
    identity: AuthIdentity;
    jar: CookieJar;
    audit: AuditContext;
  }): Promise<number>;
  /**
   * These sessions are gone some other way (their rows deleted with the account): refused at
   * once on every instance, not only when the cache entries run out.
   */
  forgetEnded(sessionIds: readonly string[]): Promise<void>;
}

/** How often a session's "last seen" is written at most. */
export const TOUCH_INTERVAL_MS = 60_000;

/**
 * Remembers when each session was last written, so `touch` costs a write at most once a
 * minute per session and instance. Bounded: the oldest entries go first.
 */
export function createTouchThrottle(now: () => number, maxEntries = 10_000) {
  const touched = new Map<string, number>();
  return {
    /** True (and remembered) when the session is due a write. */
    due(sessionId: string): boolean {
      const last = touched.get(sessionId);
      const time = now();
      if (last !== undefined && time - last < TOUCH_INTERVAL_MS) return false;
      touched.delete(sessionId);
      if (touched.size >= maxEntries) {
        const oldest = touched.keys().next();
        if (!oldest.done) touched.delete(oldest.value);
      }
      touched.set(sessionId, time);
      return true;
    },
    forget(sessionId: string) {
      touched.delete(sessionId);
    },
  };
}
