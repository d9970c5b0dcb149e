import "server-only";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { authUsers, localSessions, passwordResetTokens } from "@/server/db/schema";

/** Data access of local password recovery and change: reset tokens, passwords, sessions. */

export async function deleteResetTokens({ db, userId }: { db: Database; userId: string }) {
  await db.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
}

/** Stores a new reset token's hash and deletes the user's earlier ones: only the latest works. */
export async function replaceResetToken({
  db,
  userId,
  tokenHash,
  lifetimeMinutes,
}: {
  db: Database;
  userId: string;
  tokenHash: string;
  lifetimeMinutes: number;
}) {
  await deleteResetTokens({ db, userId });
  await db.insert(passwordResetTokens).values({
    tokenHash,
    userId,
    // The database's clock, the same one the consuming query compares against.
    expiresAt: sql`now() + make_interval(mins => ${lifetimeMinutes})`,
  });
}

/**
 * Marks the token used if it is unused and unexpired, and returns its user; null otherwise.
 * The conditional update is the single use: of two concurrent resets, one gets the row.
 */
export async function consumeResetToken({
  db,
  tokenHash,
}: {
  db: Database;
  tokenHash: string;
}): Promise<{ userId: string } | null> {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: passwordResetTokens.userId });
  if (!row) return null;
  // The user's other links die with this one.
  await db
    .delete(passwordResetTokens)
    .where(
      and(eq(passwordResetTokens.userId, row.userId), ne(passwordResetTokens.tokenHash, tokenHash)),
    );
  return row;
}

export async function findPasswordHash({ db, userId }: { db: Database; userId: string }) {
  const [row] = await db
    .select({ passwordHash: authUsers.encryptedPassword })
    .from(authUsers)
    .where(eq(authUsers.id, userId))
    .limit(1);
  return row?.passwordHash ?? null;
}

export async function setPasswordHash({
  db,
  userId,
  passwordHash,
}: {
  db: Database;
  userId: string;
  passwordHash: string;
}) {
  await db
    .update(authUsers)
    .set({ encryptedPassword: passwordHash, updatedAt: new Date() })
    .where(eq(authUsers.id, userId));
}

/** Revokes every live session of the user but `keep` (if given); returns the revoked ids. */
export async function revokeUserSessions({
  db,
  userId,
  keep,
  reason,
}: {
  db: Database;
  userId: string;
  keep: string | null;
  reason: string;
}): Promise<string[]> {
  const rows = await db
    .update(localSessions)
    .set({ revokedAt: new Date(), revokeReason: reason })
    .where(
      and(
        eq(localSessions.userId, userId),
        isNull(localSessions.revokedAt),
        keep ? ne(localSessions.id, keep) : undefined,
      ),
    )
    .returning({ id: localSessions.id });
  return rows.map((row) => row.id);
}
