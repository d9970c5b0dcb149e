import "server-only";
import { isAuthRetryableFetchError } from "@supabase/supabase-js";
import { writeAudit } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import { logger } from "@/server/observability/logger";
import type { AuthIdentity } from "../auth-port";
import type { SessionLiveness } from "../session-liveness";
import { isUserSuspended, suspendedError } from "../suspension";
import { createTouchThrottle, type SessionsPort } from "../sessions-port";
import { createSupabaseServerClient } from "./server-client";
import {
  endOtherSessionDevices,
  endSessionDevice,
  findSessionDevice,
  listSessionDevices,
  markSessionEnded,
  recordSessionSeen,
} from "./session-device-queries";

/**
 * What the Supabase adapter asks before it accepts a session: GoTrue verifies a JWT by its
 * signature alone (getClaims against the JWKS), so a session the studio ended must be refused
 * by the studio itself until GoTrue has forgotten it too.
 */
export interface SupabaseSessionGuard {
  /** False when the studio ended this session (from the sessions list, or by logging it out). */
  admits(identity: AuthIdentity): Promise<boolean>;
  /** Throws the SUSPENDED refusal when an admin has suspended the account. */
  refuseIfSuspended(userId: string): Promise<void>;
  /** The session logged out: a copy of its access token must stop working too. */
  loggedOut(identity: AuthIdentity): Promise<void>;
}

/**
 * The sessions list in Supabase mode. GoTrue has no per-user session listing and cannot end one
 * session by id from the server, so the studio records the sessions it sees (the JWT's
 * `session_id`, the user agent, the address, when) in auth_session_devices and keeps there the
 * ones it ended; the adapter refuses those (`guard`). GoTrue learns of an ended session the
 * next time it shows up: the adapter then signs it out with its own token. "Sign out
 * everywhere else" also asks GoTrue at once (POST /logout?scope=others) when the caller is a
 * browser session, whose token the cookies hold.
 */
export function createSupabaseSessions({
  db,
  url,
  publishableKey,
  liveness,
  now = Date.now,
}: {
  db: Database;
  url: string;
  publishableKey: string;
  liveness: SessionLiveness<true>;
  now?: () => number;
}): SessionsPort & { guard: SupabaseSessionGuard } {
  const throttle = createTouchThrottle(now);

  const guard: SupabaseSessionGuard = {
    async admits(identity) {
      const sessionId = identity.sessionId;
      if (!sessionId) return true;
      if (await liveness.get(sessionId)) return true;
      // Suspending ends the sessions the studio has seen; this also refuses ones it has not
      // (GoTrue still signs a suspended person in), each time one is not remembered as live.
      if (await isUserSuspended({ db, userId: identity.userId })) throw suspendedError();
      const row = await findSessionDevice({ db, sessionId });
      if (row && (row.revokedAt !== null || row.userId !== identity.userId)) return false;
      liveness.remember(sessionId, true);
      return true;
    },
    async refuseIfSuspended(userId) {
      if (await isUserSuspended({ db, userId })) throw suspendedError();
    },
    async loggedOut(identity) {
      if (!identity.sessionId) return;
      await markSessionEnded({
        db,
        sessionId: identity.sessionId,
        userId: identity.userId,
        reason: "logout",
      });
      await liveness.ended([identity.sessionId]);
    },
  };

  return {
    guard,

    async touch(identity, meta) {
      if (!identity.sessionId || !throttle.due(identity.sessionId)) return;
      await recordSessionSeen({
        db,
        sessionId: identity.sessionId,
        userId: identity.userId,
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
    },

    list: (userId) => listSessionDevices({ db, userId }),

    async end({ identity, sessionId, jar, audit }) {
      const ended = await db.transaction(async (tx) => {
        const found = await endSessionDevice({
          db: tx,
          userId: identity.userId,
          sessionId,
          reason: "signed_out_from_sessions",
        });
        if (found) {
          await writeAudit(
            tx,
            {
              action: "auth.session_end",
              actorId: identity.userId,
              targetType: "session",
              targetId: sessionId,
            },
            audit,
          );
        }
        return found;
      });
      if (!ended) return false;
      await liveness.ended([sessionId]);
      throttle.forget(sessionId);
      if (sessionId === identity.sessionId && identity.via === "cookie") {
        // This browser: GoTrue ends the session and the cookies go now.
        const { error } = await createSupabaseServerClient({
          url,
          publishableKey,
          jar,
        }).auth.signOut({ scope: "local" });
        if (error) logger.warn("sessions: GoTrue did not end this session", { error });
      }
      return true;
    },

    async endOthers({ identity, jar, audit }) {
      const keep = identity.sessionId;
      if (!keep) return 0;
      const ended = await db.transaction(async (tx) => {
        const revoked = await endOtherSessionDevices({
          db: tx,
          userId: identity.userId,
          keep,
          reason: "signed_out_elsewhere",
        });
        await writeAudit(
          tx,
          {
            action: "auth.sessions_end_others",
            actorId: identity.userId,
            targetType: "user",
            targetId: identity.userId,
            metadata: { sessionsEnded: revoked.length },
          },
          audit,
        );
        return revoked;
      });
      await liveness.ended(ended);
      if (identity.via === "cookie") {
        // Also the sessions the studio never saw. Already refused by the record above, so a
        // failure here (GoTrue down) only delays GoTrue's own clean-up: logged, not thrown.
        const { error } = await createSupabaseServerClient({
          url,
          publishableKey,
          jar,
        }).auth.signOut({ scope: "others" });
        if (error) {
          logger.warn("sessions: GoTrue did not sign out the other sessions", {
            retryable: isAuthRetryableFetchError(error),
            status: error.status,
            code: error.code,
          });
        }
      }
      return ended.length;
    },

    forgetEnded: (sessionIds) => liveness.ended(sessionIds),
  };
}
