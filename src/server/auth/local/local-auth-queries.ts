import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { authUsers, localRefreshTokens, localSessions, profiles } from "@/server/db/schema";

/** Data access of the local auth adapter: auth.users stand-in, sessions, refresh tokens. */

export async function findAuthUserByEmail({ db, email }: { db: Database; email: string }) {
  const [row] = await db
    .select({ id: authUsers.id, email: authUsers.email, passwordHash: authUsers.encryptedPassword })
    .from(authUsers)
    .where(eq(authUsers.email, email))
    .limit(1);
  return row ?? null;
}

/** Inserts the auth user (the trigger creates profile and settings); null when the email is taken. */
export async function insertAuthUser({
  db,
  email,
  passwordHash,
  name,
}: {
  db: Database;
  email: string;
  passwordHash: string;
  name: string;
}): Promise<{ id: string } | null> {
  const [row] = await db
    .insert(authUsers)
    .values({
      email,
      encryptedPassword: passwordHash,
      rawUserMetaData: { name },
      // Unconfirmed until the mailed link is used; the account works meanwhile.
      emailConfirmedAt: null,
    })
    .onConflictDoNothing({ target: authUsers.email })
    .returning({ id: authUsers.id });
  return row ?? null;
}

export async function touchLastSignIn({ db, userId }: { db: Database; userId: string }) {
  await db.update(authUsers).set({ lastSignInAt: new Date() }).where(eq(authUsers.id, userId));
}

export async function insertSession({
  db,
  userId,
  cookieSecretHash,
  refreshTokenHash,
  expiresAt,
  ip,
  userAgent,
}: {
  db: Database;
  userId: string;
  cookieSecretHash: string;
  refreshTokenHash: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}): Promise<string> {
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(localSessions)
      .values({
        userId,
        cookieSecretHash,
        expiresAt,
        ip,
        userAgent: userAgent?.slice(0, 400) ?? null,
      })
      .returning({ id: localSessions.id });
    if (!session) throw new Error("session insert returned no row");
    await tx
      .insert(localRefreshTokens)
      .values({ tokenHash: refreshTokenHash, sessionId: session.id });
    return session.id;
  });
}

/** The live (not revoked, not expired) session with its user's email and suspension. */
export async function findLiveSession({ db, sessionId }: { db: Database; sessionId: string }) {
  const [row] = await db
    .select({
      id: localSessions.id,
      userId: localSessions.userId,
      cookieSecretHash: localSessions.cookieSecretHash,
      lastSeenAt: localSessions.lastSeenAt,
      expiresAt: localSessions.expiresAt,
      email: authUsers.email,
      // Suspending ends the sessions; this refuses one that began while the suspension did.
      suspendedAt: profiles.suspendedAt,
    })
    .from(localSessions)
    .innerJoin(authUsers, eq(authUsers.id, localSessions.userId))
    .leftJoin(profiles, eq(profiles.id, localSessions.userId))
    .where(
      and(
        eq(localSessions.id, sessionId),
        isNull(localSessions.revokedAt),
        gt(localSessions.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function extendSession({
  db,
  sessionId,
  expiresAt,
}: {
  db: Database;
  sessionId: string;
  expiresAt: Date;
}) {
  await db
    .update(localSessions)
    .set({ lastSeenAt: new Date(), expiresAt })
    .where(eq(localSessions.id, sessionId));
}

export async function revokeSession({
  db,
  sessionId,
  reason,
}: {
  db: Database;
  sessionId: string;
  reason: string;
}) {
  await db
    .update(localSessions)
    .set({ revokedAt: new Date(), revokeReason: reason })
    .where(and(eq(localSessions.id, sessionId), isNull(localSessions.revokedAt)));
}

export async function findRefreshToken({ db, tokenHash }: { db: Database; tokenHash: string }) {
  const [row] = await db
    .select({ sessionId: localRefreshTokens.sessionId, usedAt: localRefreshTokens.usedAt })
    .from(localRefreshTokens)
    .where(eq(localRefreshTokens.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

/**
 * Marks the old refresh token used and stores its successor, atomically. Returns false when
 * the old one was already used (a concurrent or replayed refresh): that is reuse.
 */
export async function rotateRefreshToken({
  db,
  oldHash,
  newHash,
  sessionId,
}: {
  db: Database;
  oldHash: string;
  newHash: string;
  sessionId: string;
}): Promise<boolean> {
  return db.transaction(async (tx) => {
    const used = await tx
      .update(localRefreshTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(localRefreshTokens.tokenHash, oldHash), isNull(localRefreshTokens.usedAt)))
      .returning({ sessionId: localRefreshTokens.sessionId });
    if (used.length === 0) return false;
    await tx.insert(localRefreshTokens).values({ tokenHash: newHash, sessionId });
    return true;
  });
}
