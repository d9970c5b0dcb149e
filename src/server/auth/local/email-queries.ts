import "server-only";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { authUsers, emailTokens } from "@/server/db/schema";

/** Data access of local email verification and change: email tokens and auth.users' email. */

export type EmailTokenPurpose = "verify" | "change";

/** Stores a new token's hash for `email` and deletes the user's earlier ones of that purpose. */
export async function replaceEmailToken({
  db,
  userId,
  purpose,
  email,
  tokenHash,
  lifetimeMinutes,
}: {
  db: Database;
  userId: string;
  purpose: EmailTokenPurpose;
  email: string;
  tokenHash: string;
  lifetimeMinutes: number;
}): Promise<Date> {
  await db
    .delete(emailTokens)
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose)));
  const [row] = await db
    .insert(emailTokens)
    .values({
      tokenHash,
      userId,
      purpose,
      email,
      // The database's clock, the same one the consuming query compares against.
      expiresAt: sql`now() + make_interval(mins => ${lifetimeMinutes})`,
    })
    .returning({ expiresAt: emailTokens.expiresAt });
  if (!row) throw new Error("email token insert returned no row");
  return row.expiresAt;
}

/**
 * Marks the token used if it is unused, unexpired and of this purpose; returns its user and
 * address, else null. The conditional update is the single use: of two concurrent uses, one
 * gets the row. The user's other tokens of the purpose die with it.
 */
export async function consumeEmailToken({
  db,
  tokenHash,
  purpose,
}: {
  db: Database;
  tokenHash: string;
  purpose: EmailTokenPurpose;
}): Promise<{ userId: string; email: string } | null> {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(emailTokens.tokenHash, tokenHash),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: emailTokens.userId, email: emailTokens.email });
  if (!row) return null;
  await db
    .delete(emailTokens)
    .where(
      and(
        eq(emailTokens.userId, row.userId),
        eq(emailTokens.purpose, purpose),
        ne(emailTokens.tokenHash, tokenHash),
      ),
    );
  return row;
}

export async function deleteEmailTokens({
  db,
  userId,
  purpose,
}: {
  db: Database;
  userId: string;
  purpose: EmailTokenPurpose;
}) {
  await db
    .delete(emailTokens)
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose)));
}

/** Confirms the address, but only if the account still has it; false otherwise. */
export async function markEmailConfirmed({
  db,
  userId,
  email,
}: {
  db: Database;
  userId: string;
  email: string;
}): Promise<boolean> {
  const rows = await db
    .update(authUsers)
    .set({ emailConfirmedAt: sql`coalesce(${authUsers.emailConfirmedAt}, now())` })
    .where(and(eq(authUsers.id, userId), eq(authUsers.email, email)))
    .returning({ id: authUsers.id });
  return rows.length > 0;
}

/** True when another account has this address. */
export async function isEmailTaken({
  db,
  email,
  exceptUserId,
}: {
  db: Database;
  email: string;
  exceptUserId: string;
}): Promise<boolean> {
  const [row] = await db
    .select({ id: authUsers.id })
    .from(authUsers)
    .where(and(eq(authUsers.email, email), ne(authUsers.id, exceptUserId)))
    .limit(1);
  return row !== undefined;
}

/**
 * Moves the account to `email`, confirmed (the link reached it). Returns the old address; null
 * when the account is gone. A unique violation means another account took the address.
 */
export async function changeAccountEmail({
  db,
  userId,
  email,
}: {
  db: Database;
  userId: string;
  email: string;
}): Promise<{ oldEmail: string } | null> {
  const [current] = await db
    .select({ email: authUsers.email })
    .from(authUsers)
    .where(eq(authUsers.id, userId))
    .for("update")
    .limit(1);
  if (!current) return null;
  await db
    .update(authUsers)
    .set({ email, emailConfirmedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(authUsers.id, userId));
  return { oldEmail: current.email ?? "" };
}
