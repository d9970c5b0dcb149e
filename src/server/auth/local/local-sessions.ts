import "server-only";
import { writeAudit } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import type { SessionLiveness } from "../session-liveness";
import { createTouchThrottle, type SessionsPort } from "../sessions-port";
import { sessionCookieName } from "./local-auth-adapter";
import { revokeUserSessions } from "./password-queries";
import { endUserSession, listLiveSessions, touchSession } from "./session-list-queries";

/**
 * The sessions list on local accounts: local_sessions is already the record of every session,
 * so this reads and ends its rows. `liveness` is the local auth adapter's own, so a session
 * ended here is refused by it at once (and by other instances through the shared KV).
 */
export function createLocalSessions({
  db,
  liveness,
  secureCookies,
  now = Date.now,
}: {
  db: Database;
  liveness: SessionLiveness<unknown>;
  secureCookies: boolean;
  now?: () => number;
}): SessionsPort {
  const throttle = createTouchThrottle(now);

  return {
    async touch(identity, meta) {
      if (!identity.sessionId || !throttle.due(identity.sessionId)) return;
      await touchSession({ db, sessionId: identity.sessionId, ip: meta.ip });
    },

    list: (userId) => listLiveSessions({ db, userId }),

    async end({ identity, sessionId, jar, audit }) {
      const ended = await db.transaction(async (tx) => {
        const found = await endUserSession({
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
      if (sessionId === identity.sessionId) {
        jar.set(sessionCookieName(secureCookies), "", {
          httpOnly: true,
          secure: secureCookies,
          sameSite: "lax",
          path: "/",
          maxAge: 0,
        });
      }
      return true;
    },

    async endOthers({ identity, audit }) {
      const ended = await db.transaction(async (tx) => {
        const revoked = await revokeUserSessions({
          db: tx,
          userId: identity.userId,
          keep: identity.sessionId,
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
      return ended.length;
    },

    forgetEnded: (sessionIds) => liveness.ended(sessionIds),
  };
}
