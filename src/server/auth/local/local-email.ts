import "server-only";
import { verify } from "@node-rs/argon2";
import { writeAudit } from "@/server/audit/audit-log";
import type { Database } from "@/server/db/database";
import { AppError } from "@/server/http/app-error";
import type { MailService } from "@/server/mail/mail-service";
import { randomToken, sha256Hex } from "@/server/security/tokens";
import type { AuthIdentity, EmailCall } from "../auth-port";
import { findEmailState } from "../email-state";
import {
  changeAccountEmail,
  consumeEmailToken,
  deleteEmailTokens,
  isEmailTaken,
  markEmailConfirmed,
  replaceEmailToken,
} from "./email-queries";
import { findPasswordHash } from "./password-queries";

/** How long a mailed verification link works. */
export const VERIFY_TOKEN_HOURS = 24;
/** How long a link that moves the account to a new address works. */
export const CHANGE_TOKEN_HOURS = 1;

const INVALID_VERIFY_LINK =
  "This confirmation link is not valid any more: it was used, it expired, or a newer one was sent. Send a new one from the banner in the studio.";
const INVALID_CHANGE_LINK =
  "This link is not valid any more: it was used, it expired, or a newer change was asked for. Ask for the change again in Settings.";
const EMAIL_TAKEN = "Another account already uses this email address.";

/** Postgres' unique_violation, possibly wrapped by the driver or Drizzle (`cause`). */
function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== "object") return false;
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function invalidToken(message: string): AppError {
  return new AppError("VALIDATION_ERROR", message, { issues: [{ path: "token", message }] });
}

function emailTaken(cause?: unknown): AppError {
  return new AppError(
    "CONFLICT",
    EMAIL_TAKEN,
    { issues: [{ path: "newEmail", message: EMAIL_TAKEN }] },
    cause ? { cause } : undefined,
  );
}

/**
 * Email verification and change of email for accounts in our own database. Tokens are random,
 * mailed once, and stored only as their SHA-256; each change, its audit entry and its mail
 * share one transaction, and the outbox is flushed after it commits.
 */
export function createLocalEmail({ db }: { db: Database }) {
  async function queueVerification(
    tx: Database,
    user: { userId: string; email: string; name: string | null },
    mail: MailService,
  ) {
    const token = randomToken("ev_", 32);
    await replaceEmailToken({
      db: tx,
      userId: user.userId,
      purpose: "verify",
      email: user.email,
      tokenHash: sha256Hex(token),
      lifetimeMinutes: VERIFY_TOKEN_HOURS * 60,
    });
    await mail.enqueue(tx, {
      kind: "verify-email",
      to: user.email,
      userId: user.userId,
      data: {
        name: user.name,
        verifyUrl: `${mail.context.appUrl}/verify-email?token=${encodeURIComponent(token)}`,
        expiresInHours: VERIFY_TOKEN_HOURS,
      },
    });
  }

  return {
    async queueSignUpVerification(
      tx: Database,
      user: { userId: string; email: string; name: string },
      mail: MailService,
    ): Promise<void> {
      await queueVerification(tx, user, mail);
    },

    async resendVerification(
      identity: AuthIdentity,
      { audit, mail }: EmailCall,
    ): Promise<{ sent: boolean }> {
      const state = await findEmailState({ db, userId: identity.userId });
      if (!state || state.verified) return { sent: false };
      await db.transaction(async (tx) => {
        await queueVerification(
          tx,
          { userId: identity.userId, email: state.email, name: state.name },
          mail,
        );
        await writeAudit(
          tx,
          {
            action: "auth.email_verification_sent",
            actorId: identity.userId,
            targetType: "user",
            targetId: identity.userId,
          },
          audit,
        );
      });
      mail.flushAfterResponse();
      return { sent: true };
    },

    async verifyEmail(token: string, { audit }: EmailCall): Promise<void> {
      await db.transaction(async (tx) => {
        const consumed = await consumeEmailToken({
          db: tx,
          tokenHash: sha256Hex(token),
          purpose: "verify",
        });
        // A token for an address the account no longer has confirms nothing.
        if (!consumed || !(await markEmailConfirmed({ db: tx, ...consumed }))) {
          throw invalidToken(INVALID_VERIFY_LINK);
        }
        await writeAudit(
          tx,
          {
            action: "auth.email_verified",
            actorId: consumed.userId,
            targetType: "user",
            targetId: consumed.userId,
          },
          audit,
        );
      });
    },

    async requestEmailChange(
      identity: AuthIdentity,
      input: { newEmail: string; password: string },
      { audit, mail }: EmailCall,
    ): Promise<{ pendingEmail: string }> {
      const [state, passwordHash] = await Promise.all([
        findEmailState({ db, userId: identity.userId }),
        findPasswordHash({ db, userId: identity.userId }),
      ]);
      const valid = passwordHash
        ? await verify(passwordHash, input.password).catch(() => false)
        : false;
      if (!state || !valid) {
        // Not 401: the session is fine, and a 401 would make the client sign out.
        throw new AppError("VALIDATION_ERROR", "The password is not right.", {
          issues: [{ path: "password", message: "The password is not right." }],
        });
      }
      if (input.newEmail === state.email) {
        const message = "This is already your account's email address.";
        throw new AppError("VALIDATION_ERROR", message, {
          issues: [{ path: "newEmail", message }],
        });
      }
      if (await isEmailTaken({ db, email: input.newEmail, exceptUserId: identity.userId }))
        throw emailTaken();
      const token = randomToken("ec_", 32);
      await db.transaction(async (tx) => {
        await replaceEmailToken({
          db: tx,
          userId: identity.userId,
          purpose: "change",
          email: input.newEmail,
          tokenHash: sha256Hex(token),
          lifetimeMinutes: CHANGE_TOKEN_HOURS * 60,
        });
        await mail.enqueue(tx, {
          kind: "email-change-confirm",
          to: input.newEmail,
          userId: identity.userId,
          data: {
            newEmail: input.newEmail,
            confirmUrl: `${mail.context.appUrl}/confirm-email?token=${encodeURIComponent(token)}`,
            expiresInHours: CHANGE_TOKEN_HOURS,
          },
        });
        await mail.enqueue(tx, {
          kind: "email-change-notice",
          to: state.email,
          userId: identity.userId,
          data: {
            newEmail: input.newEmail,
            recoverUrl: `${mail.context.appUrl}/forgot-password`,
            stage: "requested",
          },
        });
        await writeAudit(
          tx,
          {
            action: "auth.email_change_requested",
            actorId: identity.userId,
            targetType: "user",
            targetId: identity.userId,
            metadata: { newEmailHash: sha256Hex(input.newEmail).slice(0, 16) },
          },
          audit,
        );
      });
      mail.flushAfterResponse();
      return { pendingEmail: input.newEmail };
    },

    async confirmEmailChange(
      token: string,
      { audit, mail }: EmailCall,
    ): Promise<{ email: string }> {
      const email = await db
        .transaction(async (tx) => {
          const consumed = await consumeEmailToken({
            db: tx,
            tokenHash: sha256Hex(token),
            purpose: "change",
          });
          if (!consumed) throw invalidToken(INVALID_CHANGE_LINK);
          // Checked again now: the address may have found an account since the request.
          if (await isEmailTaken({ db: tx, email: consumed.email, exceptUserId: consumed.userId }))
            throw emailTaken();
          const changed = await changeAccountEmail({
            db: tx,
            userId: consumed.userId,
            email: consumed.email,
          });
          if (!changed) throw invalidToken(INVALID_CHANGE_LINK);
          // Links that verify the old address confirm nothing any more.
          await deleteEmailTokens({ db: tx, userId: consumed.userId, purpose: "verify" });
          if (changed.oldEmail !== "") {
            await mail.enqueue(tx, {
              kind: "email-change-notice",
              to: changed.oldEmail,
              userId: consumed.userId,
              data: {
                newEmail: consumed.email,
                recoverUrl: `${mail.context.appUrl}/forgot-password`,
                stage: "changed",
              },
            });
          }
          await writeAudit(
            tx,
            {
              action: "auth.email_change",
              actorId: consumed.userId,
              targetType: "user",
              targetId: consumed.userId,
            },
            audit,
          );
          return consumed.email;
        })
        .catch((error: unknown) => {
          // Two accounts raced for the address: the unique index decided.
          if (isUniqueViolation(error)) throw emailTaken(error);
          throw error;
        });
      mail.flushAfterResponse();
      return { email };
    },
  };
}
