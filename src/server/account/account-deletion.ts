import "server-only";
import { verify } from "@node-rs/argon2";
import { eq, or } from "drizzle-orm";
import type { AuthIdentity } from "@/server/auth/auth-port";
import { findAuthUserByEmail } from "@/server/auth/local/local-auth-queries";
import { writeAudit, type AuditContext } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import { auditLogs, authUsers, images, mailOutbox } from "@/server/db/schema";
import { AppError } from "@/server/http/app-error";
import { allFileKeysOf } from "@/server/images/image-files";
import type { MailService } from "@/server/mail/mail-service";
import { readRecipientLocale } from "@/server/mail/recipient-locale";
import { logger } from "@/server/observability/logger";
import { queueExportFilesOfUser } from "@/server/account/account-exports";
import { queueFileRemovals, removeQueuedFiles } from "@/server/storage/file-removals";
import type { ObjectStorePort } from "@/server/storage/object-store-port";

const wrong = (path: "email" | "password", message: string) =>
  new AppError("VALIDATION_ERROR", message, { issues: [{ path, message }] });

/**
 * The account's owner must type its email, and (local accounts) its current password. Both
 * mistakes are 400s with the field named, never 401: the session is fine, the answer is not.
 */
async function checkConfirmation({
  db,
  identity,
  authKind,
  typedEmail,
  password,
}: {
  db: Database;
  identity: AuthIdentity;
  authKind: "local" | "supabase";
  typedEmail: string;
  password: string | undefined;
}) {
  if (typedEmail.trim().toLowerCase() !== identity.email.trim().toLowerCase())
    throw wrong("email", "That is not this account's email address.");
  if (authKind !== "local") return;
  if (!password) throw wrong("password", "Enter your current password.");
  const user = await findAuthUserByEmail({ db, email: identity.email });
  const valid =
    user?.id === identity.userId && user.passwordHash
      ? await verify(user.passwordHash, password).catch(() => false)
      : false;
  if (!valid) throw wrong("password", "That password is not right.");
}

/**
 * Deletes the account and everything in it, in one transaction:
 * - the auth user, whose foreign keys cascade to the profile, settings, provider keys, images
 *   (and so share pages and Explore entries), collections and their items, API keys, quota
 *   counters, usage logs, idempotency records, sessions and refresh tokens;
 * - the user's mail in the outbox, and the audit entries they made or that name them (an
 *   audit trail of a deleted person is their data too; one anonymous `account.delete` entry
 *   stays, with no id, address or IP in it);
 * - the record of every file of every image and of every export's ZIP, so the files go after
 *   commit and, if the store is down, the daily cron finishes the job (no file outlives its
 *   row); the export rows go with the cascade, and a step still writing one finds its row gone
 *   and removes what it wrote;
 * - the account-deleted mail, queued with no user id (it outlives the account).
 * Then the auth service forgets the account (Supabase: the admin API; where GoTrue shares this
 * database the SQL delete already did, and GoTrue answers "not found"), the files are removed,
 * the mail is sent after the response, and the session ends. The auth service is told after
 * commit, never inside the transaction: GoTrue's own delete of auth.users would wait on this
 * transaction's row locks while the transaction waited on GoTrue.
 */
export async function deleteAccount({
  identity,
  authKind,
  typedEmail,
  password,
  ...rest
}: Omit<AccountRemoval, "userId" | "email" | "byAdmin"> & {
  authKind: "local" | "supabase";
  identity: AuthIdentity;
  /** The account's email as its owner typed it to confirm. */
  typedEmail: string;
  password: string | undefined;
}): Promise<{ imagesDeleted: number }> {
  await checkConfirmation({ db: rest.db, identity, authKind, typedEmail, password });
  return removeAccount({ ...rest, userId: identity.userId, email: identity.email });
}

interface AccountRemoval {
  db: Database;
  objectStore: ObjectStorePort;
  mail: MailService;
  /** Removes the account from the auth service (AuthPort.deleteUser). */
  deleteAuthUser: (userId: string) => Promise<void>;
  userId: string;
  /** Where the account-deleted mail goes. */
  email: string;
  audit: AuditContext;
  /** An admin deleted it (src/server/admin/users-admin.ts): the entry names that admin. */
  byAdmin?: string;
  now?: Date;
}

/**
 * The deletion itself, as described above, once someone entitled asked for it: the owner
 * (deleteAccount, after their confirmation) or an admin. An admin's deletion is audited as
 * `admin.user_delete` with the admin as actor and the deleted account's id as target (no email
 * or address of the person); the owner's leaves the anonymous `account.delete`.
 */
export async function removeAccount({
  db,
  objectStore,
  mail,
  deleteAuthUser,
  userId,
  email,
  audit,
  byAdmin,
  now = new Date(),
}: AccountRemoval): Promise<{ imagesDeleted: number }> {
  const { keys, imagesDeleted } = await db.transaction(async (tx) => {
    // The goodbye mail is written in the account's language, read before its rows go.
    const locale = await readRecipientLocale(tx, { userId, email });
    const rows = await tx
      .select({ storageKey: images.storageKey, thumbnailSizes: images.thumbnailSizes })
      .from(images)
      .where(eq(images.userId, userId));
    const fileKeys = rows.flatMap((row) => allFileKeysOf(row));
    await queueFileRemovals(tx, fileKeys, "account deleted");
    const exportKeys = await queueExportFilesOfUser(tx, userId);
    await tx.delete(mailOutbox).where(eq(mailOutbox.userId, userId));
    await tx
      .delete(auditLogs)
      .where(or(eq(auditLogs.actorId, userId), eq(auditLogs.targetId, userId)));
    // Children first where a foreign key would otherwise set null rather than cascade.
    await tx.delete(images).where(eq(images.userId, userId));
    await tx.delete(authUsers).where(eq(authUsers.id, userId));
    if (byAdmin) {
      await writeAudit(
        tx,
        {
          action: "admin.user_delete",
          actorId: byAdmin,
          targetType: "user",
          targetId: userId,
          metadata: { images: rows.length },
        },
        audit,
      );
    } else {
      await writeAudit(
        tx,
        {
          action: "account.delete",
          actorId: null,
          targetType: "account",
          metadata: { images: rows.length },
        },
        { requestId: audit.requestId, meta: { ip: null, userAgent: null } },
      );
    }
    await mail.enqueue(tx, {
      kind: "account-deleted",
      to: email,
      userId: null,
      locale,
      data: { deletedAt: now.toISOString() },
    });
    return { keys: [...fileKeys, ...exportKeys], imagesDeleted: rows.length };
  });

  // The rows are gone whatever the auth service answers. Where GoTrue shares this database its
  // user went with them (auth.users); elsewhere a refusal is logged for the operator to finish.
  await deleteAuthUser(userId).catch((error: unknown) => {
    logger.error("account deleted, but the auth service kept the user", { error, userId });
  });
  await removeQueuedFiles({ db, objectStore, keys });
  mail.flushAfterResponse();
  return { imagesDeleted };
}
