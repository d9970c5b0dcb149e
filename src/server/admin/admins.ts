import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { writeAudit, type AuditContext } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import { profiles } from "@/server/db/schema";
import { AppError } from "@/server/http/app-error";

/** Where a grant came from, recorded with it. */
export type AdminSource = "ADMIN_EMAILS" | "admin-script";

/** The audit context of work no request asked for (start-up, the admin script). */
export function systemAuditContext(label: string): AuditContext {
  return { requestId: label, meta: { ip: null, userAgent: null } };
}

const lowerEmail = sql<string>`lower(${profiles.email})`;

/**
 * Makes admins of the accounts whose address is listed (ADMIN_EMAILS), each grant audited in
 * the same transaction. Run at start-up, at sign-up and at sign-in; listing an address again
 * changes nothing. Removing one from the list does not demote it: `npm run admin -- revoke`.
 */
export async function promoteConfiguredAdmins(input: {
  db: Database;
  adminEmails: readonly string[];
  audit: AuditContext;
  /** Only this account (sign-up, sign-in); all listed accounts otherwise. */
  userId?: string;
}): Promise<string[]> {
  const emails = input.adminEmails.map((email) => email.toLowerCase());
  if (emails.length === 0) return [];
  return input.db.transaction(async (tx) => {
    const promoted = await tx
      .update(profiles)
      .set({ role: "admin", updatedAt: new Date() })
      .where(
        and(
          inArray(lowerEmail, emails),
          ne(profiles.role, "admin"),
          input.userId ? eq(profiles.id, input.userId) : undefined,
        ),
      )
      .returning({ id: profiles.id, email: profiles.email });
    for (const row of promoted) {
      await writeAudit(
        tx,
        {
          action: "admin.grant",
          actorId: null,
          targetType: "user",
          targetId: row.id,
          metadata: { source: "ADMIN_EMAILS" satisfies AdminSource, email: row.email },
        },
        input.audit,
      );
    }
    return promoted.map((row) => row.id);
  });
}

/**
 * `npm run admin -- grant|revoke <email>`: sets the account's role, audited. Answers whether
 * anything changed; an unknown address is NOT_FOUND (the person signs up first).
 */
export async function setAdminRole(input: {
  db: Database;
  email: string;
  admin: boolean;
  audit: AuditContext;
  source: AdminSource;
}): Promise<{ userId: string; changed: boolean }> {
  const email = input.email.trim().toLowerCase();
  return input.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: profiles.id, role: profiles.role })
      .from(profiles)
      .where(eq(lowerEmail, email))
      .for("update")
      .limit(1);
    if (!row) throw new AppError("NOT_FOUND", `No account uses ${email}. Sign up first.`);
    const role = input.admin ? "admin" : "user";
    if (row.role === role) return { userId: row.id, changed: false };
    await tx.update(profiles).set({ role, updatedAt: new Date() }).where(eq(profiles.id, row.id));
    await writeAudit(
      tx,
      {
        action: input.admin ? "admin.grant" : "admin.revoke",
        actorId: null,
        targetType: "user",
        targetId: row.id,
        metadata: { source: input.source, email, from: row.role, to: role },
      },
      input.audit,
    );
    return { userId: row.id, changed: true };
  });
}
