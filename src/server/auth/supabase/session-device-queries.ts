import "server-only";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { authSessionDevices } from "@/server/db/schema";

/** Data access of the Supabase sessions record (auth_session_devices). */

/** Sessions not seen for this long are no longer listed (GoTrue may have let them lapse). */
export const LISTED_FOR_DAYS = 30;

/** The session's row: whether the studio ended it, and whose it is. */
export async function findSessionDevice({ db, sessionId }: { db: Database; sessionId: string }) {
  const [row] = await db
    .select({
      userId: authSessionDevices.userId,
      revokedAt: authSessionDevices.revokedAt,
    })
    .from(authSessionDevices)
    .where(eq(authSessionDevices.sessionId, sessionId))
    .limit(1);
  return row ?? null;
}

/** Records a request of the session: the first one creates its row; an ended one stays ended. */
export async function recordSessionSeen({
  db,
  sessionId,
  userId,
  ip,
  userAgent,
}: {
  db: Database;
  sessionId: string;
  userId: string;
  ip: string | null;
  userAgent: string | null;
}) {
  await db
    .insert(authSessionDevices)
    .values({ sessionId, userId, ip, userAgent: userAgent?.slice(0, 400) ?? null })
    .onConflictDoUpdate({
      target: authSessionDevices.sessionId,
      set: {
        lastSeenAt: sql`now()`,
        ip: sql`coalesce(excluded.ip, ${authSessionDevices.ip})`,
        userAgent: sql`coalesce(${authSessionDevices.userAgent}, excluded.user_agent)`,
      },
      // A session id is the user's for good; never let another user's claims move a row.
      setWhere: and(
        isNull(authSessionDevices.revokedAt),
        eq(authSessionDevices.userId, sql`excluded.user_id`),
      ),
    });
}

export async function listSessionDevices({ db, userId }: { db: Database; userId: string }) {
  return db
    .select({
      id: authSessionDevices.sessionId,
      userAgent: authSessionDevices.userAgent,
      ip: authSessionDevices.ip,
      createdAt: authSessionDevices.createdAt,
      lastSeenAt: authSessionDevices.lastSeenAt,
    })
    .from(authSessionDevices)
    .where(
      and(
        eq(authSessionDevices.userId, userId),
        isNull(authSessionDevices.revokedAt),
        gt(authSessionDevices.lastSeenAt, sql`now() - make_interval(days => ${LISTED_FOR_DAYS})`),
      ),
    )
    .orderBy(desc(authSessionDevices.lastSeenAt), desc(authSessionDevices.createdAt))
    .limit(100);
}

/** Marks the user's listed session ended; false when the user has no such session. */
export async function endSessionDevice({
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
    .update(authSessionDevices)
    .set({ revokedAt: sql`now()`, revokeReason: reason })
    .where(
      and(
        eq(authSessionDevices.sessionId, sessionId),
        eq(authSessionDevices.userId, userId),
        isNull(authSessionDevices.revokedAt),
      ),
    )
    .returning({ id: authSessionDevices.sessionId });
  return rows.length > 0;
}

/**
 * Marks `sessionId` ended whoever saw it first (logout, or a session GoTrue no longer knows),
 * creating the row if the studio had never recorded it.
 */
export async function markSessionEnded({
  db,
  sessionId,
  userId,
  reason,
}: {
  db: Database;
  sessionId: string;
  userId: string;
  reason: string;
}) {
  await db
    .insert(authSessionDevices)
    .values({ sessionId, userId, revokedAt: sql`now()`, revokeReason: reason })
    .onConflictDoUpdate({
      target: authSessionDevices.sessionId,
      set: { revokedAt: sql`now()`, revokeReason: reason },
      setWhere: isNull(authSessionDevices.revokedAt),
    });
}

/** Marks every other recorded session of the user ended; returns their ids. */
export async function endOtherSessionDevices({
  db,
  userId,
  keep,
  reason,
}: {
  db: Database;
  userId: string;
  keep: string;
  reason: string;
}): Promise<string[]> {
  const rows = await db
    .update(authSessionDevices)
    .set({ revokedAt: sql`now()`, revokeReason: reason })
    .where(
      and(
        eq(authSessionDevices.userId, userId),
        isNull(authSessionDevices.revokedAt),
        ne(authSessionDevices.sessionId, keep),
      ),
    )
    .returning({ id: authSessionDevices.sessionId });
  return rows.map((row) => row.id);
}
