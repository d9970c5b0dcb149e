import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { localSessions, profiles } from "@/server/db/schema";
import { AppError } from "@/server/http/app-error";
import { safeEqualHex } from "@/server/security/tokens";

/** `details.reason` of the 401 a suspended account's credentials get (the contract's name). */
export const SUSPENDED_REASON = "SUSPENDED";

export const SUSPENDED_MESSAGE =
  "This account is suspended. Contact the studio's operator to have it restored.";

/** The refusal of a suspended account: its sessions, tokens, API keys and sign-in. */
export function suspendedError(): AppError {
  return new AppError("UNAUTHORIZED", SUSPENDED_MESSAGE, { reason: SUSPENDED_REASON });
}

/** True when the error is the refusal of a suspended account. */
export function isSuspendedError(error: unknown): boolean {
  return (
    error instanceof AppError &&
    error.code === "UNAUTHORIZED" &&
    typeof error.details === "object" &&
    error.details !== null &&
    (error.details as { reason?: unknown }).reason === SUSPENDED_REASON
  );
}

export async function isUserSuspended({
  db,
  userId,
}: {
  db: Database;
  userId: string;
}): Promise<boolean> {
  const [row] = await db
    .select({ id: profiles.id })
    .from(profiles)
    .where(and(eq(profiles.id, userId), isNotNull(profiles.suspendedAt)))
    .limit(1);
  return row !== undefined;
}

/**
 * Whether the session (live or ended) belongs to a suspended account: asked only when a
 * presented session is not live, so that its holder learns why instead of a bare 401.
 */
export async function isSessionOfSuspendedUser({
  db,
  sessionId,
  secretHash,
}: {
  db: Database;
  sessionId: string;
  /** A cookie's secret (SHA-256), checked when given: a guessed session id learns nothing. */
  secretHash?: string;
}): Promise<boolean> {
  const [row] = await db
    .select({ hash: localSessions.cookieSecretHash })
    .from(localSessions)
    .innerJoin(profiles, eq(profiles.id, localSessions.userId))
    .where(and(eq(localSessions.id, sessionId), isNotNull(profiles.suspendedAt)))
    .limit(1);
  if (!row) return false;
  return secretHash === undefined || safeEqualHex(row.hash, secretHash);
}
