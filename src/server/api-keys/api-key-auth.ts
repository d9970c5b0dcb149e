import "server-only";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { apiKeys, profiles } from "@/server/db/schema";
import { sha256Hex } from "@/server/security/tokens";
import type { AuthIdentity } from "@/server/auth/auth-port";
import { suspendedError } from "@/server/auth/suspension";

export const API_KEY_PREFIX = "ais_";
const API_KEY_SHAPE = /^ais_[A-Za-z0-9_-]{32,64}$/;

/**
 * The identity behind `Authorization: Bearer ais_…`, or null for an unknown, revoked or expired
 * key; a key of a suspended account throws the SUSPENDED refusal.
 */
export async function authenticateApiKey({
  db,
  key,
}: {
  db: Database;
  key: string;
}): Promise<AuthIdentity | null> {
  if (!API_KEY_SHAPE.test(key)) return null;
  const [row] = await db
    .select({
      id: apiKeys.id,
      userId: apiKeys.userId,
      scopes: apiKeys.scopes,
      email: profiles.email,
      suspendedAt: profiles.suspendedAt,
    })
    .from(apiKeys)
    .innerJoin(profiles, eq(profiles.id, apiKeys.userId))
    .where(
      and(
        eq(apiKeys.keyHash, sha256Hex(key)),
        isNull(apiKeys.revokedAt),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`now()`)),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (row.suspendedAt) throw suspendedError();
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, row.id));
  const scopes = row.scopes.filter(
    (scope): scope is "images:read" | "images:write" =>
      scope === "images:read" || scope === "images:write",
  );
  return { userId: row.userId, email: row.email, sessionId: null, via: "api-key", scopes };
}
