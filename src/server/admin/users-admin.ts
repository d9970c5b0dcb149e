import "server-only";
import type { AdminUser } from "@/shared/api-types";
import type { ApiMeta } from "@/shared/api-errors";
import type { AdminUserPatch, AdminUsersQuery } from "@/shared/schemas/admin-users";
import { writeAudit, type AuditContext } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import type { CursorCodec } from "@/server/gallery/cursor";
import { AppError, notFound } from "@/server/http/app-error";
import { utcDay, utcMonthStart } from "@/server/quotas/quota-service";
import {
  endAllSessionsOf,
  listAdminUserRows,
  lockProfile,
  updateProfileAdminFields,
  type AdminUserRow,
  type ProfileForUpdate,
} from "./users-admin-queries";

const CURSOR_SCOPE = "admin-users";

export function reshapeAdminUser(row: AdminUserRow): AdminUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tier: row.tier,
    emailVerified: row.emailConfirmedAt !== null,
    createdAt: row.createdAt.toISOString(),
    suspended: row.suspendedAt !== null,
    suspendedAt: row.suspendedAt?.toISOString() ?? null,
    dailyLimit: row.dailyLimitOverride,
    monthlyLimit: row.monthlyLimitOverride,
    usage: {
      generationsToday: row.generationsToday,
      generationsThisMonth: row.generationsThisMonth,
      images: row.imageCount,
    },
    storageBytes: Number(row.storageBytes),
  };
}

/** What an admin may change of an account, as it is stored (the audit entry's before/after). */
type AdminFields = {
  role: "user" | "admin";
  tier: "free" | "supporter";
  dailyLimit: number | null;
  monthlyLimit: number | null;
  suspended: boolean;
};

function fieldsOf(row: ProfileForUpdate): AdminFields {
  return {
    role: row.role,
    tier: row.tier,
    dailyLimit: row.dailyLimitOverride,
    monthlyLimit: row.monthlyLimitOverride,
    suspended: row.suspendedAt !== null,
  };
}

/**
 * The contract's three roles on the two columns: "admin" is role admin (the tier is kept for
 * when the role is taken away), "supporter" is role user with tier supporter, "user" is role
 * user with tier free.
 */
function applyRole(
  before: AdminFields,
  role: AdminUserPatch["role"],
): Pick<AdminFields, "role" | "tier"> {
  switch (role) {
    case undefined:
      return { role: before.role, tier: before.tier };
    case "admin":
      return { role: "admin", tier: before.tier };
    case "supporter":
      return { role: "user", tier: "supporter" };
    case "user":
      return { role: "user", tier: "free" };
  }
}

export interface AdminUsersService {
  list(input: {
    query: AdminUsersQuery;
  }): Promise<{ items: AdminUser[]; pagination: NonNullable<ApiMeta["pagination"]> }>;
  get(input: { userId: string }): Promise<AdminUser>;
  /**
   * Changes an account's role, limits or suspension, audited with before and after in the same
   * transaction. Suspending ends every session of the account at once (on every instance).
   */
  update(input: {
    actorId: string;
    userId: string;
    patch: AdminUserPatch;
    audit: AuditContext;
  }): Promise<AdminUser>;
}

export function createAdminUsersService(deps: {
  db: Database;
  cursors: CursorCodec;
  /** Tells every instance that these sessions ended (SessionsPort.forgetEnded). */
  forgetEndedSessions: (sessionIds: readonly string[]) => Promise<void>;
  now?: () => number;
}): AdminUsersService {
  const { db, cursors } = deps;
  const now = deps.now ?? Date.now;
  const days = () => ({ today: utcDay(now()), monthStart: utcMonthStart(now()) });

  async function get({ userId }: { userId: string }): Promise<AdminUser> {
    const [row] = await listAdminUserRows({ db, limit: 1, userId, ...days() });
    if (!row) throw notFound("Account");
    return reshapeAdminUser(row);
  }

  return {
    async list({ query }) {
      const position = query.cursor ? cursors.decode(query.cursor, CURSOR_SCOPE) : undefined;
      const after = position ? { createdAt: String(position.sort), id: position.id } : undefined;
      const rows = await listAdminUserRows({
        db,
        q: query.q,
        limit: query.limit,
        after,
        ...days(),
      });
      const hasMore = rows.length > query.limit;
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(reshapeAdminUser),
        pagination: {
          limit: query.limit,
          hasMore,
          nextCursor:
            hasMore && last
              ? cursors.encode({ scope: CURSOR_SCOPE, sort: last.createdAtText, id: last.id })
              : null,
        },
      };
    },

    get,

    async update({ actorId, userId, patch, audit }) {
      const endedSessions = await db.transaction(async (tx) => {
        const row = await lockProfile({ db: tx, userId });
        if (!row) throw notFound("Account");
        const before = fieldsOf(row);
        const after: AdminFields = {
          ...before,
          ...applyRole(before, patch.role),
          ...(patch.dailyLimit !== undefined ? { dailyLimit: patch.dailyLimit } : {}),
          ...(patch.monthlyLimit !== undefined ? { monthlyLimit: patch.monthlyLimit } : {}),
          ...(patch.suspended !== undefined ? { suspended: patch.suspended } : {}),
        };
        if (userId === actorId && (after.suspended || after.role !== "admin")) {
          // Also keeps at least one admin: the one acting.
          throw new AppError(
            "CONFLICT",
            "You cannot suspend your own account or take away your own admin role. Ask another admin.",
            { reason: "SELF" },
          );
        }
        const changed = (Object.keys(after) as (keyof AdminFields)[]).filter(
          (key) => after[key] !== before[key],
        );
        if (changed.length === 0) return [];
        await updateProfileAdminFields({
          db: tx,
          userId,
          set: {
            role: after.role,
            tier: after.tier,
            dailyLimitOverride: after.dailyLimit,
            monthlyLimitOverride: after.monthlyLimit,
            ...(after.suspended !== before.suspended
              ? { suspendedAt: after.suspended ? new Date(now()) : null }
              : {}),
          },
        });
        const ended =
          after.suspended && !before.suspended
            ? await endAllSessionsOf({ db: tx, userId, reason: "suspended" })
            : [];
        const pick = (fields: AdminFields) =>
          Object.fromEntries(changed.map((key) => [key, fields[key]]));
        await writeAudit(
          tx,
          {
            action: "admin.user_update",
            actorId,
            targetType: "user",
            targetId: userId,
            metadata: {
              before: pick(before),
              after: pick(after),
              ...(ended.length > 0 ? { sessionsEnded: ended.length } : {}),
            },
          },
          audit,
        );
        return ended;
      });
      await deps.forgetEndedSessions(endedSessions);
      return get({ userId });
    },
  };
}
