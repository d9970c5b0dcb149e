import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { localSessions } from "@/server/db/schema";

/** Data access of the local sessions list: live sessions, their "last seen", ending one. */

/** A user's live sessions (not ended, not expired), most recently seen first. */
export async function listLiveSessions({ db, userId }: { db: Database; userId: string }) {
  return db
    .select({
      id: localSessions.id,
      userAgent: localSessions.userAgent,
      ip: localSessions.ip,
      createdAt: localSessions.createdAt,
      lastSeenAt: localSessions.lastSeenAt,
    })
    .from(localSessions)
    .where(
      and(
        eq(localSessions.userId, userId),
        isNull(localSessions.revokedAt),
        gt(localSessions.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(localSessions.lastSeenAt), desc(localSessions.createdAt))
    .limit(100);
}

/** Records the session's latest request: now, and the address (kept when unknown). */
export async function touchSession({
  db,
  sessionId,
  ip,
}: {
  db: Database;
  sessionId: string;
  ip: string | null;
}) {
  await db
    .update(localSessions)
    .set({ lastSeenAt: sql`now()`, ip: sql`coalesce(${ip}, ${localSessions.ip})` })
    .where(and(eq(localSessions.id, sessionId), isNull(localSessions.revokedAt)));
}

/** Ends the user's live session `sessionId`; false when the user has no such session. */
export async function endUserSession({
  db,
  userId,
  sessionId,
  reason,
}: {
  db: Database;
  userId: string;
  sessionId: string;
  reason: string;
}): Promise<boolean> {
  const rows = await db
    .update(localSessions)
    .set({ revokedAt: new Date(), revokeReason: reason })
    .where(
      and(
        eq(localSessions.id, sessionId),
        eq(localSessions.userId, userId),
        isNull(localSessions.revokedAt),
        gt(localSessions.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: localSessions.id });
  return rows.length > 0;
}
