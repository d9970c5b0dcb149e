import "server-only";
import { and, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import {
  authSessionDevices,
  authUsers,
  images,
  localSessions,
  profiles,
  quotaCounters,
} from "@/server/db/schema";

// Postgres renders the timestamp with its microseconds; cursors carry this text, not a JS Date.
const createdAtText = sql<string>`to_char(${profiles.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** `%`, `_` and `\` match themselves in a search, not any text. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export type AdminUserRow = Awaited<ReturnType<typeof listAdminUserRows>>[number];

/**
 * Accounts newest first (ties by id), `limit + 1` of them so the caller knows whether more
 * follow, with what each has used: quota counters of today and this month (UTC) and the count
 * and stored bytes of its images.
 */
export async function listAdminUserRows({
  db,
  q,
  limit,
  after,
  today,
  monthStart,
  userId,
}: {
  db: Database;
  q?: string | undefined;
  limit: number;
  after?: { createdAt: string; id: string } | undefined;
  today: string;
  monthStart: string;
  userId?: string;
}) {
  const where: SQL[] = [];
  if (q) {
    const pattern = containsPattern(q);
    where.push(or(ilike(profiles.email, pattern), ilike(profiles.name, pattern))!);
  }
  if (after) {
    where.push(
      sql`(${profiles.createdAt}, ${profiles.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  if (userId) where.push(eq(profiles.id, userId));
  return db
    .select({
      id: profiles.id,
      email: profiles.email,
      name: profiles.name,
      role: profiles.role,
      tier: profiles.tier,
      dailyLimitOverride: profiles.dailyLimitOverride,
      monthlyLimitOverride: profiles.monthlyLimitOverride,
      suspendedAt: profiles.suspendedAt,
      createdAt: profiles.createdAt,
      createdAtText,
      emailConfirmedAt: authUsers.emailConfirmedAt,
      generationsToday: sql<number>`coalesce(case when ${quotaCounters.dayStart} = ${today}::date then ${quotaCounters.dayUsed} end, 0)::int`,
      generationsThisMonth: sql<number>`coalesce(case when ${quotaCounters.monthStart} = ${monthStart}::date then ${quotaCounters.monthUsed} end, 0)::int`,
      imageCount: sql<number>`(select count(*) from ${images} where ${images.userId} = ${profiles.id})::int`,
      storageBytes: sql<string>`(select coalesce(sum(${images.totalBytes}), 0) from ${images} where ${images.userId} = ${profiles.id})::text`,
    })
    .from(profiles)
    .leftJoin(authUsers, eq(authUsers.id, profiles.id))
    .leftJoin(quotaCounters, eq(quotaCounters.userId, profiles.id))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(profiles.createdAt), desc(profiles.id))
    .limit(limit + 1);
}

export type ProfileForUpdate = NonNullable<Awaited<ReturnType<typeof lockProfile>>>;

/** The profile, locked for the rest of the transaction (two admins' changes apply in turn). */
export async function lockProfile({ db, userId }: { db: Database; userId: string }) {
  const [row] = await db
    .select({
      id: profiles.id,
      role: profiles.role,
      tier: profiles.tier,
      dailyLimitOverride: profiles.dailyLimitOverride,
      monthlyLimitOverride: profiles.monthlyLimitOverride,
      suspendedAt: profiles.suspendedAt,
    })
    .from(profiles)
    .where(eq(profiles.id, userId))
    .for("update")
    .limit(1);
  return row ?? null;
}

export async function updateProfileAdminFields({
  db,
  userId,
  set,
}: {
  db: Database;
  userId: string;
  set: Partial<{
    role: "user" | "admin";
    tier: "free" | "supporter";
    dailyLimitOverride: number | null;
    monthlyLimitOverride: number | null;
    suspendedAt: Date | null;
  }>;
}) {
  await db.update(profiles).set(set).where(eq(profiles.id, userId));
}

/**
 * Ends every live session of the user (local sessions and the Supabase sessions the studio
 * has seen) with `reason`; returns their ids, so other instances can be told.
 */
export async function endAllSessionsOf({
  db,
  userId,
  reason,
}: {
  db: Database;
  userId: string;
  reason: string;
}): Promise<string[]> {
  const now = new Date();
  const local = await db
    .update(localSessions)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(eq(localSessions.userId, userId), isNull(localSessions.revokedAt)))
    .returning({ id: localSessions.id });
  const supabase = await db
    .update(authSessionDevices)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(eq(authSessionDevices.userId, userId), isNull(authSessionDevices.revokedAt)))
    .returning({ id: authSessionDevices.sessionId });
  return [...local.map((row) => row.id), ...supabase.map((row) => row.id)];
}
